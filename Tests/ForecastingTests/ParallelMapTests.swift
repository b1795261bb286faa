import Testing

@testable import Forecasting

@Suite struct ParallelMapTests {
    /// Every job runs once and results come back in job order, whatever the thread count,
    /// also when job sizes differ wildly (the slow ones first).
    @Test func resultsInOrderWithEveryJobOnce() {
        for threads in [1, 2, 3, 8] {
            let out = ParallelMap.run(count: 50, threads: threads) { i -> Int in
                var x = 0
                for k in 0..<(i < 3 ? 200_000 : 10) { x &+= k }
                return i * 2 + (x == -1 ? 1 : 0)
            }
            #expect(out == (0..<50).map { $0 * 2 }, "threads \(threads)")
        }
        #expect(ParallelMap.run(count: 0, threads: 2) { $0 }.isEmpty)
    }
}
