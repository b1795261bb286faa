import Testing

@testable import Neural

@Suite struct LayerTests {
    @Test func denseForwardIsXWPlusB() {
        let layer = DenseLayer(inputs: 3, outputs: 2, offset: 1)
        // p[0] is padding; W (3×2) row-major, then b.
        let p: [Float] = [99, 1, 2, 3, 4, 5, 6, 0.5, -1]
        let x: [Float] = [1, 0, 2, -1, 1, 1]  // two rows
        var y = [Float](repeating: 0, count: 4)
        p.withUnsafeBufferPointer { pb in
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeMutableBufferPointer { yb in
                    layer.forward(xb.baseAddress!, rows: 2, parameters: pb.baseAddress!, into: yb.baseAddress!)
                }
            }
        }
        // row 1: [1,0,2]·W = [1+10, 2+12] = [11, 14]; + b
        // row 2: [-1,1,1]·W = [-1+3+5, -2+4+6] = [7, 8]; + b
        #expect(y == [11.5, 13, 7.5, 7])
    }

    @Test func pinballLossValueAndGradient() {
        let loss = PinballLoss(quantiles: [0.1, 0.9], horizon: 2)
        // One row, two steps, two quantiles; the second step is masked.
        let predictions: [Float] = [1, 3, 0, 0]
        let targets: [Float] = [2, 100]
        let mask: [Float] = [1, 0]
        var gradient = [Float](repeating: 7, count: 4)
        let value = predictions.withUnsafeBufferPointer { p in
            targets.withUnsafeBufferPointer { t in
                mask.withUnsafeBufferPointer { m in
                    gradient.withUnsafeMutableBufferPointer { g in
                        loss.evaluate(
                            predictions: p.baseAddress!, targets: t.baseAddress!, mask: m.baseAddress!, rows: 1,
                            gradient: g.baseAddress!)
                    }
                }
            }
        }
        // u = 2-1 = 1 at τ=0.1 → 0.1; u = 2-3 = -1 at τ=0.9 → 0.1; mean over 2 → 0.1.
        #expect(abs(value - 0.1) < 1e-6)
        #expect(abs(gradient[0] - (-0.1 / 2)) < 1e-6)
        #expect(abs(gradient[1] - (0.1 / 2)) < 1e-6)
        #expect(gradient[2] == 0 && gradient[3] == 0)
    }

    @Test func adamMinimisesAQuadratic() {
        var x: [Float] = [3, -2]
        var adam = Adam(parameterCount: 2, learningRate: 0.05, clipNorm: nil)
        for _ in 0..<2000 { adam.step(&x, gradient: [2 * (x[0] - 1), 2 * (x[1] + 0.5)]) }
        #expect(abs(x[0] - 1) < 1e-3 && abs(x[1] + 0.5) < 1e-3)
    }

    /// WindowScaling.fill on `values[0..<end]` into fresh arrays: the scale, the window and its mask.
    static func window(_ values: [Float], end: Int, lookback: Int, fallbackScale: Float) -> (
        scale: Float, out: [Float], mask: [Float]
    ) {
        var out = [Float](repeating: 9, count: lookback), mask = out
        let scale = values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                mask.withUnsafeMutableBufferPointer { m in
                    WindowScaling.fill(
                        v, start: 0, end: end, lookback: lookback, fallbackScale: fallbackScale, out: o.baseAddress!,
                        mask: m.baseAddress!)
                }
            }
        }
        return (scale, out, mask)
    }

    @Test func windowScalingPadsAndMasks() {
        let (scale, out, mask) = Self.window([2, 4, 6], end: 3, lookback: 5, fallbackScale: 1)
        #expect(scale == 4)
        #expect(out == [0, 0, 0.5, 1, 1.5])
        #expect(mask == [0, 0, 1, 1, 1])
    }

    @Test func allZeroWindowUsesTheFallbackScale() {
        let (scale, _, _) = Self.window([0, 0, 0, 5], end: 3, lookback: 2, fallbackScale: 1.25)
        #expect(scale == 1.25)
    }
}
