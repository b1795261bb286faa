// swift-tools-version: 6.0
import PackageDescription

// No unsafe flags anywhere: they would make the library products unusable as a
// versioned dependency. The tests run in a release build with testing enabled
// instead (scripts/test.sh), as unoptimised estimation is 20–50× slower.

let package = Package(
    name: "Almanac",
    products: [
        .executable(name: "almanac", targets: ["almanac"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
        .library(name: "Workbench", targets: ["Workbench"]),
        // The statistical models: plain Swift, no Lua, no OpenBLAS (examples/swift-package uses it).
        .library(name: "Forecasting", targets: ["Forecasting", "TimeSeries", "AlmanacCore"]),
        // The global neural models (nbeats, lstm), which link OpenBLAS through Neural.
        .library(name: "NeuralForecasting", targets: ["NeuralForecasting"]),
        .library(name: "Neural", targets: ["Neural"]),
        // For the fuzz harnesses in fuzz/ (a separate package that can only use products).
        .library(name: "DataSources", targets: ["DataSources"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Markdown to HTML for reports; pure Swift, no Foundation-only APIs.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // Lua 5.4 from Debian's liblua5.4-dev, linked statically (see Sources/CLua/module.modulemap),
        // plus shim.h for the API's macros and the error trampoline. No pkg-config: it would add
        // the shared library too.
        .systemLibrary(name: "CLua", providers: [.apt(["liblua5.4-dev"])]),
        // libedit (Debian: libedit-dev) for the REPL's line editing and history.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // SQLite 3 (Debian: libsqlite3-dev) through its C API.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // OpenBLAS (Debian: libopenblas-dev) for the neural models' matrix products.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        // Swift over the Lua C API; knows no forecasting and not even the plugin contract.
        .target(name: "LuaBridge", dependencies: ["CLua", "Suggestions"]),
        // Did-you-mean by edit distance, for option, plugin and method names.
        .target(name: "Suggestions"),
        .target(name: "AlmanacCore", dependencies: ["Suggestions"]),
        // The one dense linear-algebra core (matrix, LU, Cholesky, QR, least squares); depends on nothing.
        .target(name: "LinearAlgebra"),
        .target(name: "Optimization", dependencies: ["AlmanacCore", "LinearAlgebra"]),
        .target(name: "TimeSeries", dependencies: ["AlmanacCore", "LinearAlgebra", "Optimization"]),
        .target(name: "DataSources", dependencies: ["AlmanacCore", "TimeSeries", "CSQLite"]),
        .target(name: "Inventory", dependencies: ["AlmanacCore"]),
        .target(name: "Charts", dependencies: ["AlmanacCore", "TimeSeries"]),
        // Neural networks for forecasting: layers, hand-written backpropagation, Adam; knows no series.
        .target(name: "Neural", dependencies: ["AlmanacCore", "CBLAS"]),
        .target(name: "Forecasting", dependencies: ["AlmanacCore", "LinearAlgebra", "TimeSeries", "Optimization"]),
        // The global neural forecasters and their catalog entries, kept apart so Forecasting needs no BLAS.
        .target(name: "NeuralForecasting", dependencies: ["AlmanacCore", "TimeSeries", "Forecasting", "Neural"]),
        // Notebook scripts and the reports rendered from them (HTML, Markdown); knows no Lua.
        .target(name: "Reports", dependencies: ["AlmanacCore", .product(name: "Ink", package: "Ink")]),
        .target(
            name: "Workbench",
            dependencies: [
                "LuaBridge", "AlmanacCore", "Optimization", "Inventory", "TimeSeries", "DataSources", "Forecasting",
                "NeuralForecasting", "Charts", "Reports",
            ]
        ),
        .executableTarget(
            name: "almanac",
            dependencies: [
                "Workbench", "LuaBridge", "CEditLine", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "CLua"]),
        .testTarget(name: "AlmanacCoreTests", dependencies: ["AlmanacCore"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
        .testTarget(name: "InventoryTests", dependencies: ["Inventory"]),
        .testTarget(name: "NeuralTests", dependencies: ["Neural"]),
        .testTarget(
            name: "ForecastingTests", dependencies: ["Forecasting", "TimeSeries", "AlmanacCore", "TestSupport"]),
        .testTarget(
            name: "NeuralForecastingTests",
            dependencies: ["NeuralForecasting", "Forecasting", "AlmanacCore", "TimeSeries"]),
        .testTarget(name: "TimeSeriesTests", dependencies: ["TimeSeries", "TestSupport"]),
        .testTarget(name: "DataSourcesTests", dependencies: ["DataSources", "CSQLite", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TimeSeries", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "LuaBridge", "Reports", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["almanac", "Reports", "TestSupport"], exclude: ["Fuzz"]),
    ],
    swiftLanguageModes: [.v6]
)
