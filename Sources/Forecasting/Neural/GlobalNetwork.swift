import Foundation
import Neural

/// A trained global network and what every series' fit shares: the weights,
/// the quantile grid, the copula for sample paths and the training record.
/// Arrays are copy-on-write, so the thousands of per-series fits that hold it
/// share one copy of the weights.
struct GlobalNetwork: Sendable {
    let network: NBeatsNetwork
    let minimumInputs: Int
    let grid: QuantileGrid
    let copula: ForecastCopula
    let training: TrainingRecord

    struct TrainingRecord: Sendable, Equatable {
        var seriesCount: Int
        var steps: Int
        var bestStep: Int
        var validationLoss: Double?
        var stoppedEarly: Bool
    }

    var architecture: NBeatsArchitecture { network.architecture }
    var horizon: Int { architecture.horizon }

    /// "N-BEATS(L=36, H=18, 6×4×256)".
    var label: String {
        let a = architecture
        return "N-BEATS(L=\(a.lookback), H=\(a.horizon), \(a.blocks)×\(a.layersPerBlock)×\(a.width))"
    }

    /// Forecast quantiles on the data's scale for windows ending at each of
    /// `ends` in `values`: ends.count × horizon × levels, each step's values
    /// sorted ascending (so quantiles never cross).
    func quantiles(_ values: [Double], ends: [Int]) -> [Double] {
        let a = architecture
        let l = a.lookback, rows = ends.count
        guard rows > 0 else { return [] }
        let floats = values.map { Float($0) }
        let fallback = WindowScaling.seriesScale(floats)
        var inputs = [Float](repeating: 0, count: rows * l), mask = inputs
        var scales = [Float](repeating: 1, count: rows)
        floats.withUnsafeBufferPointer { v in
            inputs.withUnsafeMutableBufferPointer { ib in
                mask.withUnsafeMutableBufferPointer { mb in
                    guard let i0 = ib.baseAddress, let m0 = mb.baseAddress else { return }
                    for (r, end) in ends.enumerated() {
                        scales[r] = WindowScaling.fill(v, start: 0, end: end, lookback: l, fallbackScale: fallback,
                                                       out: i0 + r * l, mask: m0 + r * l)
                    }
                }
            }
        }
        let raw = network.predict(values: inputs, mask: mask, rows: rows)
        let q = a.quantiles.count, h = a.horizon
        var out = [Double](repeating: 0, count: raw.count)
        for r in 0..<rows {
            for t in 0..<h {
                let base = (r * h + t) * q
                let step = raw[base..<(base + q)].map { Double($0 * scales[r]) }.sorted()
                for j in 0..<q { out[base + j] = step[j] }
            }
        }
        return out
    }
}

// MARK: - Saving

extension GlobalNetwork {
    /// The network as JSON; the weights as base64 of little-endian Float32, so a saved model is exact and compact.
    var saved: JSONValue {
        let a = architecture
        var bytes = Data(capacity: network.parameters.count * 4)
        for w in network.parameters {
            withUnsafeBytes(of: w.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return .object([
            "lookback": .number(Double(a.lookback)), "horizon": .number(Double(a.horizon)),
            "quantiles": .array(a.quantiles.map { .number(Double($0)) }),
            "blocks": .number(Double(a.blocks)), "layers": .number(Double(a.layersPerBlock)), "width": .number(Double(a.width)),
            "minimum_inputs": .number(Double(minimumInputs)),
            "copula": .array(copula.factor.map { .number($0) }),
            "series": .number(Double(training.seriesCount)), "steps": .number(Double(training.steps)),
            "best_step": .number(Double(training.bestStep)),
            "validation_loss": training.validationLoss.map { .number($0) } ?? .null,
            "stopped_early": .bool(training.stoppedEarly),
            "weights": .string(bytes.base64EncodedString()),
        ])
    }

    init(saved state: JSONValue) throws(ForecastError) {
        func int(_ key: String) throws(ForecastError) -> Int {
            guard case .number(let x)? = state[key], x >= 0, x == x.rounded() else {
                throw ForecastError("nbeats: the saved model has no valid '\(key)'")
            }
            return Int(x)
        }
        func numbers(_ key: String) throws(ForecastError) -> [Double] {
            guard case .array(let items)? = state[key] else { throw ForecastError("nbeats: the saved model has no '\(key)'") }
            var out: [Double] = []
            for item in items {
                guard case .number(let x) = item else { throw ForecastError("nbeats: the saved model's '\(key)' holds a non-number") }
                out.append(x)
            }
            return out
        }
        let architecture = NBeatsArchitecture(lookback: try int("lookback"), horizon: try int("horizon"),
                                              quantiles: try numbers("quantiles").map { Float($0) },
                                              blocks: try int("blocks"), layersPerBlock: try int("layers"), width: try int("width"))
        guard case .string(let text)? = state["weights"], let bytes = Data(base64Encoded: text) else {
            throw ForecastError("nbeats: the saved model's weights are missing or not base64")
        }
        guard bytes.count == architecture.parameterCount * 4 else {
            throw ForecastError("nbeats: the saved model has \(bytes.count / 4) weights, its architecture needs \(architecture.parameterCount)")
        }
        let weights = bytes.withUnsafeBytes { raw in
            (0..<architecture.parameterCount).map { i in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
            }
        }
        let factor = try numbers("copula")
        guard factor.count == architecture.horizon * architecture.horizon else {
            throw ForecastError("nbeats: the saved model's copula has \(factor.count) entries, expected \(architecture.horizon * architecture.horizon)")
        }
        var validationLoss: Double?
        if case .number(let x)? = state["validation_loss"] { validationLoss = x }
        var stopped = false
        if case .bool(let b)? = state["stopped_early"] { stopped = b }
        self.init(network: NBeatsNetwork(architecture: architecture, parameters: weights),
                  minimumInputs: try int("minimum_inputs"),
                  grid: QuantileGrid(levels: architecture.quantiles.map { Double($0) }),
                  copula: ForecastCopula(horizon: architecture.horizon, factor: factor),
                  training: TrainingRecord(seriesCount: try int("series"), steps: try int("steps"), bestStep: try int("best_step"),
                                           validationLoss: validationLoss, stoppedEarly: stopped))
    }
}
