import Testing

@testable import Neural

/// The hand-written backward pass against central finite differences of the
/// loss. The network and the pinball loss are piecewise linear, so away from
/// a kink the difference quotient is exact up to Float rounding; the step is
/// small enough that no kink is crossed for these seeds.
@Suite struct GradientCheckTests {
    static let architecture = NBeatsArchitecture(
        lookback: 5, horizon: 3, quantiles: [0.1, 0.5, 0.9],
        blocks: 3, layersPerBlock: 2, width: 7)

    /// A fixed batch: values, a mask with left padding in some rows, targets with a masked tail.
    static func batch(rows: Int) -> (values: [Float], mask: [Float], targets: [Float], targetMask: [Float]) {
        var random = NeuralRandom(seed: 42)
        let l = architecture.lookback, h = architecture.horizon
        var values = [Float](), mask = [Float](), targets = [Float](), targetMask = [Float]()
        for r in 0..<rows {
            let pad = r % 3
            for i in 0..<l {
                values.append(i < pad ? 0 : Float(random.uniform(0.5, 1.5)))
                mask.append(i < pad ? 0 : 1)
            }
            for j in 0..<h {
                targets.append(Float(random.uniform(0.3, 1.7)))
                targetMask.append(r == 1 && j == h - 1 ? 0 : 1)
            }
        }
        return (values, mask, targets, targetMask)
    }

    static func loss(
        _ parameters: [Float], rows: Int, gradient: inout [Float]?,
        network: any ForecastNetwork = NBeatsNetwork(architecture: architecture, seed: 0)
    ) -> Float {
        let data = batch(rows: rows)
        let workspace = network.makeWorkspace(rows: rows)
        workspace.load(values: data.values, mask: data.mask, rows: rows)
        if let c = workspace.inputCovariates {
            for i in 0..<(rows * network.covariateWidth) { c[i] = Float((i * 7) % 5) / 4 - 0.3 }
        }
        if let c = workspace.inputCategories {
            let e = network.embeddings
            // Rows share some levels (the gradient of a table row sums over them); the last level is never used.
            for r in 0..<rows { for j in 0..<e.count { c[r * e.count + j] = Float((r + j) % (e.levels[j] - 1)) } }
        }
        let pinball = PinballLoss(quantiles: architecture.quantiles, horizon: architecture.horizon)
        var value: Float = 0
        parameters.withUnsafeBufferPointer { p in
            guard let pb = p.baseAddress else { return }
            workspace.forward(parameters: pb, rows: rows)
            data.targets.withUnsafeBufferPointer { t in
                data.targetMask.withUnsafeBufferPointer { m in
                    guard let tb = t.baseAddress, let mb = m.baseAddress else { return }
                    value = pinball.evaluate(
                        predictions: workspace.forecast, targets: tb, mask: mb, rows: rows,
                        gradient: gradient == nil ? nil : workspace.forecastGradient)
                }
            }
            if gradient != nil {
                var g = [Float](repeating: 0, count: parameters.count)
                g.withUnsafeMutableBufferPointer { gb in
                    if let base = gb.baseAddress { workspace.backward(parameters: pb, gradient: base, rows: rows) }
                }
                gradient = g
            }
        }
        return value
    }

    /// The backpropagated gradient of `network` on a batch of `rows`, with every
    /// `every`-th parameter checked against a central difference; returns the gradient
    /// and how many parameters were checked.
    @discardableResult
    static func expectFiniteDifferencesAgree(_ network: any ForecastNetwork, rows: Int, every: Int = 1) -> (
        gradient: [Float], checked: Int
    ) {
        var analytic: [Float]? = []
        _ = loss(network.parameters, rows: rows, gradient: &analytic, network: network)
        let g = analytic ?? []
        #expect(g.count == network.parameters.count)
        var none: [Float]? = nil
        let step: Float = 1e-3
        var checked = 0
        for i in stride(from: 0, to: min(g.count, network.parameters.count), by: every) {
            var plus = network.parameters, minus = network.parameters
            plus[i] += step
            minus[i] -= step
            let numeric =
                (loss(plus, rows: rows, gradient: &none, network: network)
                    - loss(minus, rows: rows, gradient: &none, network: network)) / (2 * step)
            #expect(
                abs(numeric - g[i]) <= 2e-3 + 1e-2 * abs(g[i]),
                "parameter \(i): backprop \(g[i]), finite difference \(numeric)")
            checked += 1
        }
        return (g, checked)
    }

    @Test func backwardMatchesFiniteDifferences() {
        let (g, checked) = Self.expectFiniteDifferencesAgree(
            NBeatsNetwork(architecture: Self.architecture, seed: 7), rows: 6, every: 3)
        #expect(checked > 100)
        // Some gradients are non-zero: the check is not vacuous.
        #expect(g.filter { abs($0) > 1e-3 }.count > g.count / 4)
    }

    /// The LSTM's backpropagation through time, checked the same way (its gates are smooth,
    /// so only the head's ReLU and the pinball loss have kinks).
    @Test func lstmBackwardMatchesFiniteDifferences() {
        let network = LSTMNetwork(lookback: 5, horizon: 3, quantiles: [0.1, 0.5, 0.9], hidden: 4, seed: 11)
        let (g, _) = Self.expectFiniteDifferencesAgree(network, rows: 5)
        // The recurrent weights get gradient: the check reaches back through time.
        let recurrent = g[(2 * 16)..<(2 * 16 + 4 * 16)]
        #expect(recurrent.filter { abs($0) > 1e-4 }.count > recurrent.count / 2)
    }

    /// With covariates in every block's input (they carry no gradient of their own, but
    /// change every layer's), the backward pass still matches.
    @Test func covariateInputsKeepTheGradientRight() {
        var arch = Self.architecture
        arch.covariates = 2
        Self.expectFiniteDifferencesAgree(NBeatsNetwork(architecture: arch, seed: 5), rows: 4, every: 5)
    }

    @Test func everyBlockReceivesGradient() {
        let network = NBeatsNetwork(architecture: Self.architecture, seed: 3)
        var analytic: [Float]? = []
        _ = Self.loss(network.parameters, rows: 4, gradient: &analytic)
        let g = analytic ?? []
        for block in Self.architecture.layout {
            let first = block.hidden[0]
            let slice = g[first.offset..<first.end]
            #expect(slice.contains { $0 != 0 }, "block starting at \(first.offset) gets no gradient")
        }
    }

    /// Embedded categories: the tables' gradient (scattered to the levels each row
    /// uses, summed over the blocks that read them) matches finite differences,
    /// with covariates beside them; a level no row uses gets none.
    @Test func categoryEmbeddingsGetTheRightGradient() {
        var arch = Self.architecture
        arch.covariates = 1
        arch.categoryLevels = [3, 4]
        arch.embeddingDimensions = [2, 3]
        let network = NBeatsNetwork(architecture: arch, seed: 9)
        let (g, _) = Self.expectFiniteDifferencesAgree(network, rows: 5)
        let e = arch.embeddings
        #expect(e.offset == arch.layout.last?.head.end && e.end == g.count)
        let tables = g[e.offset..<e.end]
        #expect(tables.filter { abs($0) > 1e-4 }.count >= 8)
        // Table 0's last level (index 2) and table 1's (index 3) are never looked up.
        #expect(g[(e.offset + 2 * 2)..<(e.offset + 3 * 2)].allSatisfy { $0 == 0 })
        #expect(g[(e.offset + 6 + 3 * 3)..<(e.offset + 6 + 4 * 3)].allSatisfy { $0 == 0 })
    }

    /// The LSTM with covariates (read at every step, and over the horizon by the head)
    /// and an embedded category (read by the head).
    @Test func lstmWithCovariatesAndCategoriesMatchesFiniteDifferences() {
        let network = LSTMNetwork(
            lookback: 5, horizon: 3, quantiles: [0.1, 0.5, 0.9], hidden: 4, covariates: 2,
            categoryLevels: [4], embeddingDimensions: [2], seed: 13)
        let (g, _) = Self.expectFiniteDifferencesAgree(network, rows: 5)
        // The covariates' input weights (rows 2 and 3 of W_x) get gradient through time.
        let covariateWeights = g[(2 * 16)..<(4 * 16)]
        #expect(covariateWeights.filter { abs($0) > 1e-4 }.count > covariateWeights.count / 2)
        let e = network.embeddings
        #expect(g[e.offset..<(e.offset + 3 * 2)].contains { abs($0) > 1e-4 })
    }
}
