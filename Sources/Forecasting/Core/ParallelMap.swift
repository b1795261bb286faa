import Dispatch
import Foundation

/// Runs independent jobs on several threads and returns their results in order.
public enum ParallelMap {
    /// `body(i)` for i in 0..<count on up to `threads` threads; `progress` gets the
    /// number finished so far (called serially, from whichever thread finished).
    public static func run<T: Sendable>(
        count: Int, threads: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> T
    ) -> [T] {
        let workers = max(1, min(threads, count))
        // One worker runs on the calling thread itself: what a model confined to
        // its thread (a Lua model) needs, and no dispatch for a single job.
        if workers == 1 {
            var results: [T] = []
            results.reserveCapacity(count)
            for i in 0..<count {
                results.append(body(i))
                progress?(i + 1)
            }
            return results
        }
        let box = Box<T>(count: count, progress: progress)
        // Each thread takes the next job when it is free, so a few slow series
        // (a long seasonal ARIMA search) do not leave the other threads idle.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = box.next() { box.set(i, body(i)) }
        }
        return box.results()
    }

    /// One thread per active processor.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    private final class Box<T>: @unchecked Sendable {
        private var storage: [T?]
        private var done = 0
        private var nextJob = 0
        private let lock = NSLock()
        private let progress: (@Sendable (Int) -> Void)?
        init(count: Int, progress: (@Sendable (Int) -> Void)?) {
            storage = [T?](repeating: nil, count: count)
            self.progress = progress
        }
        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextJob < storage.count else { return nil }
            nextJob += 1
            return nextJob - 1
        }
        func set(_ i: Int, _ value: T) {
            lock.lock()
            storage[i] = value
            done += 1
            progress?(done)
            lock.unlock()
        }
        func results() -> [T] { storage.map { $0! } }
    }
}
