import AlmanacCore
import Forecasting
import Foundation
import Neural

/// Trained global networks and what every series' fit shares: the weights of
/// each ensemble member, the quantile grid, the copula for sample paths and
/// the training record. Arrays are copy-on-write, so the thousands of
/// per-series fits that hold it share one copy of the weights.
struct GlobalNetwork: Sendable {
    /// Members differ in seed and lookback; they share horizon and quantile levels.
    let networks: [any ForecastNetwork]
    let minimumInputs: Int
    let grid: QuantileGrid
    let copula: ForecastCopula
    let training: TrainingRecord
    /// Covariates the networks read, and the scale each is divided by.
    var covariateNames: [String] = []
    var covariateScales: [Float] = []
    /// Attributes the networks embed, with the levels they learnt.
    var categories: CategoryVocabulary = .none
    /// The networks also read CalendarFeatures, after the named covariates.
    var calendar = false

    struct TrainingRecord: Sendable, Equatable {
        var seriesCount: Int
        /// Steps each member trained for, and the step whose weights it kept.
        var steps: [Int]
        var bestSteps: [Int]
        /// Mean validation loss of the members' kept weights (nil without validation).
        var validationLoss: Double?
        var stoppedEarly: Bool
    }

    var horizon: Int { networks[0].horizon }
    var quantiles: [Float] { networks[0].quantiles }
    /// "nbeats" or "lstm".
    var modelName: String { networks[0] is LSTMNetwork ? "lstm" : "nbeats" }

    /// "N-BEATS(L=36, H=18, 6×4×128)", or with several members "N-BEATS×3(L=36/54/72, …)".
    var label: String {
        let first = networks[0].label
        guard networks.count > 1, let open = first.firstIndex(of: "("), let comma = first.firstIndex(of: ",") else {
            return first
        }
        var lookbacks: [String] = []
        for n in networks where !lookbacks.contains(String(n.lookback)) { lookbacks.append(String(n.lookback)) }
        return first[..<open] + "×\(networks.count)(L=" + lookbacks.joined(separator: "/") + first[comma...]
    }

    var parameterCount: Int { networks.reduce(0) { $0 + $1.parameters.count } }

    /// Forecast quantiles on the data's scale for windows ending at each of
    /// `ends` in `values`: ends.count × horizon × levels, the members' quantiles
    /// averaged level by level, each step's values sorted (so quantiles never cross).
    /// `levels`: the series' category indices (CategoryVocabulary.indices); `calendar`: its
    /// CalendarFeatures columns when the networks read them.
    func quantiles(
        _ values: [Double], ends: [Int], covariates: [[Double]] = [], levels: [Int] = [],
        calendar: [[Double]] = []
    ) -> [Double] {
        let scaledCovariates = Self.inputColumns(covariates, scales: covariateScales, calendar: calendar)
        let rows = ends.count
        guard rows > 0 else { return [] }
        let floats = values.map { Float($0) }
        let fallback = WindowScaling.seriesScale(floats)
        let q = quantiles.count, h = horizon
        let categoryRows = levels.isEmpty ? [] : (0..<rows).flatMap { _ in levels.map { Float($0) } }
        var total = [Double](repeating: 0, count: rows * h * q)
        for network in networks {
            let l = network.lookback
            // Bounds: inputs and mask hold rows·l (row r at r·l, l slots each, WindowScaling.fill
            // writes exactly l); fill reads floats[from..<end], so every end must be in 0…values.count
            // (NeuralFit passes m..<n and n). covariateBlock holds rows·cw with cw = this member's
            // covariateCount·(l + h), and fillCovariates writes scaledCovariates.count·(l + h) per row:
            // needs scaledCovariates.count ≤ covariateCount (the named covariates plus the calendar's
            // two, as training built them; restore checks every member's count).
            var inputs = [Float](repeating: 0, count: rows * l), mask = inputs
            var scales = [Float](repeating: 1, count: rows)
            floats.withUnsafeBufferPointer { v in
                inputs.withUnsafeMutableBufferPointer { ib in
                    mask.withUnsafeMutableBufferPointer { mb in
                        guard let i0 = ib.baseAddress, let m0 = mb.baseAddress else { return }
                        for (r, end) in ends.enumerated() {
                            scales[r] = WindowScaling.fill(
                                v, start: 0, end: end, lookback: l, fallbackScale: fallback,
                                out: i0 + r * l, mask: m0 + r * l)
                        }
                    }
                }
            }
            let cw = network.covariateWidth
            var covariateBlock = [Float](repeating: 0, count: rows * cw)
            if cw > 0 {
                covariateBlock.withUnsafeMutableBufferPointer { b in
                    guard let base = b.baseAddress else { return }
                    for (r, end) in ends.enumerated() {
                        TrainingWindows.fillCovariates(
                            scaledCovariates, cut: end, lookback: l, horizon: h, into: base + r * cw)
                    }
                }
            }
            let raw = network.predict(
                values: inputs, mask: mask, covariates: covariateBlock, categories: categoryRows, rows: rows)
            Self.accumulate(raw, rows: rows, horizon: h, levels: q, scale: { scales[$0] }, into: &total)
        }
        let share = 1 / Double(networks.count)
        return total.map { $0 * share }
    }
}

extension GlobalNetwork {
    /// The covariate inputs as the networks read them, in training and in
    /// forecasting alike: each named covariate divided by its scale, then the
    /// calendar's columns as they are.
    static func inputColumns(_ covariates: [[Double]], scales: [Float], calendar: [[Double]]) -> [[Float]] {
        zip(covariates, scales).map { column, scale in column.map { Float($0) / scale } }
            + calendar.map { $0.map { Float($0) } }
    }

    /// Adds one network's outputs (rows × horizon × levels) to `total`, each
    /// row times its scale and each step's levels sorted, so quantiles never cross.
    static func accumulate(
        _ raw: [Float], rows: Int, horizon h: Int, levels q: Int, scale: (Int) -> Float,
        into total: inout [Double]
    ) {
        for r in 0..<rows {
            let s = scale(r)
            for t in 0..<h {
                let base = (r * h + t) * q
                let step = raw[base..<(base + q)].map { Double($0 * s) }.sorted()
                for j in 0..<q { total[base + j] += step[j] }
            }
        }
    }
}

// MARK: - Saving

extension GlobalNetwork {
    /// The networks as JSON; weights as base64 of little-endian Float32, so a saved model is exact and compact.
    var saved: JSONValue {
        .object([
            "members": .array(networks.map(Self.savedNetwork)),
            "minimum_inputs": .number(Double(minimumInputs)),
            "copula": .array(copula.factor.map { .number($0) }),
            "series": .number(Double(training.seriesCount)),
            "steps": .array(training.steps.map { .number(Double($0)) }),
            "best_steps": .array(training.bestSteps.map { .number(Double($0)) }),
            "validation_loss": training.validationLoss.map { .number($0) } ?? .null,
            "stopped_early": .bool(training.stoppedEarly),
            "covariates": .array(covariateNames.map { .string($0) }),
            "covariate_scales": .array(covariateScales.map { .number(Double($0)) }),
            "calendar": .bool(calendar),
            "categories": .array(
                zip(categories.names, categories.levels).map { name, levels in
                    .object(["name": .string(name), "levels": .array(levels.map { .string($0) })])
                }),
        ])
    }

    private static func savedNetwork(_ network: any ForecastNetwork) -> JSONValue {
        var bytes = Data(capacity: network.parameters.count * 4)
        for w in network.parameters {
            withUnsafeBytes(of: w.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        var fields: [String: JSONValue] = [
            "lookback": .number(Double(network.lookback)), "horizon": .number(Double(network.horizon)),
            "quantiles": .array(network.quantiles.map { .number(Double($0)) }),
            "weights": .string(bytes.base64EncodedString()),
        ]
        if let n = network as? NBeatsNetwork {
            let a = n.architecture
            fields["kind"] = .string("nbeats")
            fields["covariates"] = .number(Double(a.covariates))
            fields["embedding_dimensions"] = .array(a.embeddingDimensions.map { .number(Double($0)) })
            fields["blocks"] = .number(Double(a.blocks))
            fields["layers"] = .number(Double(a.layersPerBlock))
            fields["width"] = .number(Double(a.width))
        } else if let n = network as? LSTMNetwork {
            fields["kind"] = .string("lstm")
            fields["hidden"] = .number(Double(n.hidden))
            fields["covariates"] = .number(Double(n.covariateCount))
            fields["embedding_dimensions"] = .array(n.embeddingDimensions.map { .number(Double($0)) })
        }
        return .object(fields)
    }

    init(saved state: JSONValue) throws(ForecastError) {
        guard case .array(let members)? = state["members"], !members.isEmpty else {
            throw ForecastError("nbeats: the saved model has no networks")
        }
        let categories = try Self.restoreCategories(state)
        var networks: [any ForecastNetwork] = []
        for member in members {
            networks.append(try Self.restoreNetwork(member, categoryLevels: categories.tableSizes))
        }
        let first = networks[0]
        for n in networks
        where n.horizon != first.horizon || n.quantiles != first.quantiles || type(of: n) != type(of: first) {
            throw ForecastError("nbeats: the saved model's networks disagree on kind, horizon or quantile levels")
        }
        let factor = try SavedFields(state).numbers("copula")
        guard factor.count == first.horizon.saturatingMultiplied(by: first.horizon) else {
            throw ForecastError(
                "nbeats: the saved model's copula has \(factor.count) entries, expected \(first.horizon * first.horizon)"
            )
        }
        let fields = SavedFields(state)
        var validationLoss: Double?
        if case .number(let x)? = state["validation_loss"] { validationLoss = x }
        var stopped = false
        if case .bool(let b)? = state["stopped_early"] { stopped = b }
        self.init(
            networks: networks, minimumInputs: try fields.int("minimum_inputs"),
            grid: QuantileGrid(levels: first.quantiles.map { Double($0) }),
            copula: ForecastCopula(horizon: first.horizon, factor: factor),
            training: TrainingRecord(
                seriesCount: try fields.int("series"),
                steps: try fields.ints("steps"),
                bestSteps: try fields.ints("best_steps"),
                validationLoss: validationLoss, stoppedEarly: stopped))
        self.categories = categories
        if case .bool(true)? = state["calendar"] { calendar = true }
        if case .array(let names)? = state["covariates"] {
            covariateNames = names.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            covariateScales = (try? fields.numbers("covariate_scales").map { Float($0) }) ?? []
        }
        let inputs = covariateNames.count + (calendar ? CalendarFeatures.count : 0)
        // Every member, not only the first: the covariate block each window fills is
        // sized by the member's own count.
        guard covariateScales.count == covariateNames.count, networks.allSatisfy({ $0.covariateCount == inputs }) else {
            throw ForecastError("nbeats: the saved model's covariates do not match its network")
        }
    }

    /// The embedded attributes and their levels (none in models saved without them).
    private static func restoreCategories(_ state: JSONValue) throws(ForecastError) -> CategoryVocabulary {
        guard case .array(let saved)? = state["categories"] else { return .none }
        var names: [String] = [], levels: [[String]] = []
        for entry in saved {
            guard case .string(let name)? = entry["name"], case .array(let known)? = entry["levels"] else {
                throw ForecastError("nbeats: the saved model's categories need a name and levels each")
            }
            names.append(name)
            levels.append(known.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
        }
        return CategoryVocabulary(names: names, levels: levels)
    }

    private static func restoreNetwork(_ state: JSONValue, categoryLevels: [Int]) throws(ForecastError)
        -> any ForecastNetwork
    {
        let fields = SavedFields(state)
        let covariates = state["covariates"] == nil ? 0 : try fields.int("covariates")
        let dimensions = state["embedding_dimensions"] == nil ? [] : try fields.ints("embedding_dimensions")
        guard dimensions.count == categoryLevels.count, dimensions.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else {
            throw ForecastError("nbeats: the saved model's embedding sizes do not match its categories")
        }
        // Sizes from an untrusted file bound every allocation and parameter count below.
        func size(_ key: String, upTo limit: Int) throws(ForecastError) -> Int {
            let value = try fields.int(key)
            guard value >= 1, value <= limit else {
                throw ForecastError("nbeats: the saved model's \(key) = \(value) is not between 1 and \(limit)")
            }
            return value
        }
        guard covariates <= 4096 else {
            throw ForecastError("nbeats: the saved model has \(covariates) covariates, at most 4096")
        }
        let lookback = try size("lookback", upTo: 100_000), horizon = try size("horizon", upTo: 100_000)
        let quantiles = try fields.numbers("quantiles").map { Float($0) }
        guard case .string(let text)? = state["weights"], let bytes = Data(base64Encoded: text) else {
            throw ForecastError("nbeats: the saved model's weights are missing or not base64")
        }
        // Bounds: 4·i + 4 ≤ bytes.count for i < bytes.count / 4.
        let weights = bytes.withUnsafeBytes { raw in
            (0..<(bytes.count / 4)).map { i in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
            }
        }
        let network: any ForecastNetwork
        var expected: Int
        switch state["kind"] {
        case .string("lstm")?:
            let n = LSTMNetwork(
                lookback: lookback, horizon: horizon, quantiles: quantiles, hidden: try size("hidden", upTo: 4096),
                covariates: covariates, categoryLevels: categoryLevels, embeddingDimensions: dimensions,
                parameters: weights)
            expected = n.parameterCount
            network = n
        case .string("nbeats")?, nil:
            let architecture = NBeatsArchitecture(
                lookback: lookback, horizon: horizon, quantiles: quantiles,
                blocks: try size("blocks", upTo: 64), layersPerBlock: try size("layers", upTo: 64),
                width: try size("width", upTo: 4096),
                covariates: covariates, categoryLevels: categoryLevels, embeddingDimensions: dimensions)
            expected = architecture.parameterCount
            network = NBeatsNetwork(architecture: architecture, parameters: weights)
        case let other?:
            throw ForecastError("nbeats: the saved model's network kind \(other) is not nbeats or lstm")
        }
        guard weights.count == expected, bytes.count % 4 == 0 else {
            throw ForecastError(
                "nbeats: the saved model has \(weights.count) weights, its architecture needs \(expected)")
        }
        return network
    }
}

/// Typed reads from a saved model's JSON, with errors that name the field.
private struct SavedFields {
    let state: JSONValue
    init(_ state: JSONValue) { self.state = state }

    func int(_ key: String) throws(ForecastError) -> Int {
        guard case .number(let x)? = state[key], x >= 0, x == x.rounded(), x < 1e12 else {
            throw ForecastError("nbeats: the saved model has no valid '\(key)'")
        }
        return Int(x)
    }

    /// Whole numbers in Int's range (a corrupted file must not trap the conversion).
    func ints(_ key: String) throws(ForecastError) -> [Int] {
        var out: [Int] = []
        for x in try numbers(key) {
            guard x == x.rounded(), abs(x) < 1e12 else {
                throw ForecastError("nbeats: the saved model's '\(key)' holds \(x), not a whole number")
            }
            out.append(Int(x))
        }
        return out
    }

    func numbers(_ key: String) throws(ForecastError) -> [Double] {
        guard case .array(let items)? = state[key] else {
            throw ForecastError("nbeats: the saved model has no '\(key)'")
        }
        var out: [Double] = []
        for item in items {
            guard case .number(let x) = item, x.isFinite else {
                throw ForecastError("nbeats: the saved model's '\(key)' holds a non-number")
            }
            out.append(x)
        }
        return out
    }
}
