// swift-tools-version: 6.0
import PackageDescription

// Almanac's statistical forecasting from another Swift package: a path
// dependency on the repository's library products, no Lua, no OpenBLAS.
// scripts/test.sh builds and runs it (docs/using-almanac-from-swift.md).
let package = Package(
    name: "ForecastFromSwift",
    dependencies: [
        .package(name: "Almanac", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "ForecastFromSwift",
            dependencies: [
                .product(name: "Forecasting", package: "Almanac")
            ])
    ],
    swiftLanguageModes: [.v6]
)
