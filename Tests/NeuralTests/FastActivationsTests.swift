import Foundation
import Testing

@testable import Neural

/// The LSTM's vectorised exp, sigmoid and tanh against libm's, over their whole useful range.
@Suite struct FastActivationsTests {
    @Test func matchesLibm() {
        var worstExp = 0.0, worstSigmoid = 0.0, worstTanh = 0.0
        var x: Float = -30
        while x < 30 {
            let lanes = FastActivations.Lanes((0..<8).map { x + Float($0) * 0.0013 })
            let e = FastActivations.exp(lanes), s = FastActivations.sigmoid(lanes), t = FastActivations.tanh(lanes)
            for i in 0..<8 {
                let v = Double(lanes[i])
                worstExp = max(worstExp, abs(Double(e[i]) - Foundation.exp(v)) / Foundation.exp(v))
                worstSigmoid = max(worstSigmoid, abs(Double(s[i]) - 1 / (1 + Foundation.exp(-v))))
                worstTanh = max(worstTanh, abs(Double(t[i]) - Foundation.tanh(v)))
            }
            x += 0.05
        }
        #expect(worstExp < 4e-7, "exp's relative error \(worstExp)")
        #expect(worstSigmoid < 3e-7, "sigmoid's error \(worstSigmoid)")
        #expect(worstTanh < 6e-7, "tanh's error \(worstTanh)")
        // Far out it saturates instead of overflowing.
        let far = FastActivations.Lanes(-200, -100, -88, 0, 88, 100, 200, 1e30)
        let s = FastActivations.sigmoid(far), t = FastActivations.tanh(far)
        #expect(s[0] < 1e-30 && s[7] == 1 && t[0] == -1 && t[7] == 1 && s[3] == 0.5 && t[3] == 0)
        #expect((0..<8).allSatisfy { s[$0].isFinite && t[$0].isFinite })
    }

    @Test func partialLoadsAndStoresTouchOnlyTheirLanes() {
        var buffer: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        buffer.withUnsafeMutableBufferPointer { b in
            guard let p = b.baseAddress else { return }
            let v = FastActivations.load(p, 3)
            #expect(v == FastActivations.Lanes(1, 2, 3, 0, 0, 0, 0, 0))
            FastActivations.store(v * 10, p + 4, 3)
        }
        #expect(buffer == [1, 2, 3, 4, 10, 20, 30, 8, 9])
    }
}
