// swift-tools-version: 5.4
import PackageDescription

// libFuzzer harnesses for Almanac's parsers (issue 16 §5). A package of its own so the
// main package's builds and tests never see the fuzzer flags. Build one harness with
//   swift build -c debug --product FuzzCSV -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// (run.sh does this and runs it); see README.md.
let package = Package(
    name: "AlmanacFuzz",
    dependencies: [
        .package(name: "Almanac", path: "..")
    ],
    targets: [
        // The CSV reader (CSVScanner + TableAssembler) through CSVReader.read, long and wide form.
        .executableTarget(
            name: "FuzzCSV",
            dependencies: [
                .product(name: "DataSources", package: "Almanac"),
                .product(name: "Forecasting", package: "Almanac"),  // TimeSeries (Series, Panel, Frequency)
            ]),
        // DateParser in its three orders, and TimeIndex's labels.
        .executableTarget(
            name: "FuzzDates",
            dependencies: [
                .product(name: "Forecasting", package: "Almanac")  // TimeSeries
            ]),
        // NotebookParser (header block, cell markers, markdown cells) and the instrumented source.
        .executableTarget(
            name: "FuzzNotebook",
            dependencies: [
                .product(name: "Reports", package: "Almanac")
            ]),
        // A saved model file (ModelArchive JSON) restored to a fitted model and forecast, as forecast.load does.
        .executableTarget(
            name: "FuzzModelFile",
            dependencies: [
                .product(name: "Forecasting", package: "Almanac"),
                .product(name: "NeuralForecasting", package: "Almanac"),  // nbeats and lstm files
            ]),
        // A Lua chunk run in the --safe sandbox under an instruction and a memory limit; its
        // results are converted to LuaValue, pushed back and converted again.
        .executableTarget(
            name: "FuzzLuaValue",
            dependencies: [
                .product(name: "LuaBridge", package: "Almanac"),
                "CFuzzLuaLimit",
            ]),
        // A count hook that stops a chunk after a number of VM instructions (deterministic,
        // unlike the wall-clock --timeout hook), plus lua_settop for the harness.
        .target(name: "CFuzzLuaLimit"),
    ],
    swiftLanguageVersions: [.v5]
)
