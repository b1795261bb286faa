import Foundation

/// The last line of defence for --timeout. The count hook stops Lua code and
/// long native loops ask `Interruption`, but a few things run without either:
/// a pathological pattern in `string.find` (Lua's own C code) or a native
/// library call. A watchdog thread waits until the deadline plus a grace
/// period; if the script is still running then, it says so and ends the
/// process with status 1, the status of any failed script.
final class HardDeadline: @unchecked Sendable {
    /// Seconds past the time limit before the process is ended.
    static let grace = 2.0

    private let done = DispatchSemaphore(value: 0)

    /// Starts watching a run of `seconds`; call `finish()` when it returns.
    init(seconds: Double) {
        let done = self.done
        let thread = Thread {
            let wait = seconds + HardDeadline.grace
            if done.wait(timeout: .now() + wait) == .timedOut {
                let limit =
                    seconds == seconds.rounded() ? String(format: "%.1f", seconds) : String(format: "%.14g", seconds)
                let message =
                    "almanac: script stopped: it ran longer than its time limit of \(limit) s (--timeout) inside code that cannot be interrupted (a native call or a string pattern search); the process was ended\n"
                FileHandle.standardError.write(Data(message.utf8))
                _exit(1)
            }
        }
        thread.start()
    }

    func finish() { done.signal() }
}
