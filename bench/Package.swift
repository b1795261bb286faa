// swift-tools-version: 6.0
// Benchmarks live in their own package so the main build and CI never compile them.
import Foundation
import PackageDescription

// A path dependency is named after its folder, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "AlmanacBench",
    dependencies: [.package(path: "..")],
    targets: [
        .target(
            name: "CBenchAdd",
            // Lua itself comes from LuaBridge's static link: one copy of Lua in the process.
        ),
        .executableTarget(
            name: "NativeCallBench",
            dependencies: ["CBenchAdd", .product(name: "LuaBridge", package: root)],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        // Where ETS spends its time: evaluations per fit and time per evaluation on M3 series.
        .executableTarget(
            name: "ETSProfile",
            dependencies: [.product(name: "Forecasting", package: root)]
        ),
        // OpenBLAS's sgemm (what the neural models use) against a plain Swift loop, at the models' shapes.
        .executableTarget(
            name: "GEMMBench",
            dependencies: [.product(name: "Neural", package: root)],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
