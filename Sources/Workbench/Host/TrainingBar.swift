import Forecasting
import Foundation
import LuaBridge

/// A global model's training on standard error when it is a terminal: the
/// step, the share of the step budget, the training and validation losses.
/// Training may stop early, so the bar shows the budget, not a promise.
/// It also carries the script's stop request back to the training loop.
final class TrainingBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let stop: ScriptStop
    private let start = Date()
    private let lock = NSLock()

    init(label: String, enabled: Bool? = nil, stop: ScriptStop) {
        self.label = label
        self.stop = stop
        self.enabled = enabled ?? (isatty(STDERR_FILENO) != 0)
    }

    /// Draws the report; false when the script must stop (training then gives up).
    func update(_ report: TrainingReport) -> Bool {
        let keepGoing = !stop.requested
        guard enabled else { return keepGoing }
        lock.lock()
        defer { lock.unlock() }
        let fraction = report.maxSteps > 0 ? min(1, Double(report.step) / Double(report.maxSteps)) : 1
        let bar = ProgressBar.bar(fraction, width: 20)
        let elapsed = Date().timeIntervalSince(start)
        let line =
            "\r\(label) \(bar) step \(report.step)/\(report.maxSteps)  \(report.summary)  "
            + String(format: "%.0fs", elapsed)
        FileHandle.standardError.write(line.data(using: .utf8) ?? Data())
        return keepGoing
    }

    /// Ends the bar's line once training is over; throws if the script was
    /// asked to stop meanwhile (training gave up, so its results must not be used).
    func finish() throws {
        if enabled { FileHandle.standardError.write("\n".data(using: .utf8) ?? Data()) }
        try stop.check()
    }
}
