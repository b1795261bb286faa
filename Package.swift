// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Almanac",
    products: [
        .executable(name: "almanac", targets: ["almanac"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
        .library(name: "Workbench", targets: ["Workbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Lua 5.4 from the system (Debian: liblua5.4-dev), plus shim.h for macros and the error trampoline.
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        // libedit (Debian: libedit-dev) for the REPL's line editing and history.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        .target(name: "LuaBridge", dependencies: ["CLua", "AlmanacCore"]),
        .target(name: "AlmanacCore"),
        .target(name: "Optimization", dependencies: ["AlmanacCore"]),
        .target(name: "Inventory", dependencies: ["AlmanacCore"]),
        .target(
            name: "Workbench",
            dependencies: ["LuaBridge", "AlmanacCore", "Optimization", "Inventory"]
        ),
        .executableTarget(
            name: "almanac",
            dependencies: [
                "Workbench", "LuaBridge", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "CLua"]),
        .testTarget(name: "AlmanacCoreTests", dependencies: ["AlmanacCore"]),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
        .testTarget(name: "InventoryTests", dependencies: ["Inventory"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "LuaBridge"]),
        .testTarget(name: "EndToEndTests", dependencies: ["almanac"]),
    ],
    swiftLanguageModes: [.v6]
)
