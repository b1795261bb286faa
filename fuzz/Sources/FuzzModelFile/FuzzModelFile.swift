// libFuzzer harness for saved model files (Sources/Forecasting/Core/ModelArchive.swift):
// the input is a model file's bytes, loaded as forecast.load does (Workbench's
// ForecastModule): ModelArchive.decode, the model's definition by name, restore
// (options validated, series rebuilt from its start label, the fit replayed from
// the saved state), then a short forecast, sample paths, and the fit saved again.
// A thrown error (ForecastError, the JSON decoder's) is a normal outcome.
//
// The seed corpus (fuzz/corpus/FuzzModelFile) is written by this binary:
//   ALMANAC_FUZZ_WRITE_MODEL_SEEDS=<folder> .build/debug/FuzzModelFile
// fits each native model to a short series and saves it, then exits.

import AlmanacCore
import Forecasting
import Foundation
import NeuralForecasting
import TimeSeries

/// Every native model, the neural ones included, as the workbench registers them.
let catalog = ModelCatalog(adding: NeuralModels.definitions)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let archive = try? ModelArchive.decode(bytes, source: "fuzz.json") else { return 0 }
    _ = archive.parameterOptions
    _ = try? archive.rebuiltSeries()
    guard let definition = catalog.definition(named: archive.model),
        let fit = try? archive.restore(with: definition)
    else { return 0 }
    _ = (fit.method, fit.parameters, fit.statistics, fit.fitted.count, fit.residuals.count, fit.notes)
    _ = try? fit.forecast(ForecastRequest(horizon: 3, levels: [80, 95], future: archive.covariates))
    var generator = SeededGenerator(seed: 1)
    _ = try? fit.samplePaths(horizon: 2, count: 3, future: archive.covariates, generator: &generator)
    let again = ModelArchive(
        model: archive.model, options: archive.parameterOptions, fit: fit, covariates: archive.covariates)
    _ = try? again.encoded()
    return 0
}

// MARK: - Seed corpus

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    if let folder = ProcessInfo.processInfo.environment["ALMANAC_FUZZ_WRITE_MODEL_SEEDS"] {
        writeSeeds(to: folder)
        exit(0)
    }
    return 0
}

/// AirPassengers, 1949-01 to 1952-12.
let monthly: [Double] = [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114,
    140,
    145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172,
    194,
]
let intermittent: [Double] = [0, 2, 0, 0, 1, 0, 3, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 4, 0, 1, 0, 0, 2, 0]

func writeSeeds(to folder: String) {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let airline = Series(
        name: "air", values: monthly, index: TimeIndex(frequency: .month, start: 1949 * 12), seasonalPeriod: 12)
    let demand = Series(
        name: "demand", values: intermittent, index: TimeIndex(frequency: .week, start: 19_723), seasonalPeriod: 1)
    let quarterly = Series(
        name: "q", values: [5, 7, 6, 9, 6, 8, 7, 10, 7, 9, 8, 12],
        index: TimeIndex(frequency: .quarter, start: 2020 * 4), seasonalPeriod: 4)
    let tinyNet: [String: ParameterValue] = [
        "horizon": .integer(2), "lookback": .integer(4), "steps": .integer(3),
        "members": .integer(1), "batch_size": .integer(4), "validate": .boolean(false),
    ]
    let cases:
        [(
            file: String, model: String, options: [String: ParameterValue], series: Series,
            covariates: [String: [Double]]
        )] = [
            ("mean", "mean", [:], quarterly, [:]),
            ("naive", "naive", [:], quarterly, [:]),
            ("snaive", "snaive", [:], airline, [:]),
            ("drift", "drift", [:], quarterly, [:]),
            ("moving_average", "moving_average", ["window": .integer(4)], quarterly, [:]),
            ("ets", "ets", [:], airline, [:]),
            ("ses", "ses", [:], quarterly, [:]),
            ("holt", "holt", [:], quarterly, [:]),
            ("holt_winters", "holt_winters", [:], airline, [:]),
            ("arima", "arima", ["order": .numbers([1, 1, 1]), "seasonal": .numbers([0, 1, 0])], airline, [:]),
            ("arima_fixed", "arima", ["order": .numbers([1, 0, 0]), "fixed": .numbers([0.5, .nan])], quarterly, [:]),
            ("auto_arima", "auto_arima", [:], quarterly, [:]),
            ("theta", "theta", [:], airline, [:]),
            ("optimized_theta", "optimized_theta", [:], quarterly, [:]),
            ("dynamic_theta", "dynamic_theta", [:], quarterly, [:]),
            ("dynamic_optimized_theta", "dynamic_optimized_theta", [:], quarterly, [:]),
            ("auto_theta", "auto_theta", [:], quarterly, [:]),
            ("ces", "ces", [:], quarterly, [:]),
            ("croston", "croston", [:], demand, [:]),
            ("sba", "sba", [:], demand, [:]),
            ("tsb", "tsb", [:], demand, [:]),
            ("adida", "adida", [:], demand, [:]),
            ("imapa", "imapa", [:], demand, [:]),
            (
                "regression", "regression", ["covariates": .strings(["promo"])], quarterly,
                ["promo": [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0]]
            ),
            ("ensemble", "ensemble", ["members": .strings(["naive", "ses", "theta"])], quarterly, [:]),
            ("auto", "auto", ["candidates": .strings(["naive", "ses", "drift"])], quarterly, [:]),
            ("ets_lambda", "ets", ["lambda": .number(0), "non_negative": .boolean(true)], airline, [:]),
            (
                "nbeats", "nbeats",
                tinyNet.merging(["blocks": .integer(1), "layers": .integer(1), "width": .integer(4)]) { a, _ in a },
                quarterly, [:]
            ),
            ("lstm", "lstm", tinyNet.merging(["hidden": .integer(2)]) { a, _ in a }, quarterly, [:]),
        ]
    for c in cases {
        do {
            guard let definition = catalog.definition(named: c.model) else {
                throw ForecastError("no model '\(c.model)'")
            }
            let fit = try definition.configure(c.options).fit(ModelData(series: c.series, covariates: c.covariates))
            let json = try ModelArchive(model: c.model, options: c.options, fit: fit, covariates: c.covariates)
                .encoded()
            try json.write(to: URL(fileURLWithPath: "\(folder)/\(c.file).json"))
            print("\(c.file).json: \(fit.method), \(json.count) bytes")
        } catch {
            print("\(c.file): \(error)")
        }
    }
}
