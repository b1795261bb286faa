import Foundation
import Forecasting

/// A global model's training on standard error when it is a terminal: the
/// step, the share of the step budget, the training and validation losses.
/// Training may stop early, so the bar shows the budget, not a promise.
final class TrainingBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()

    init(label: String, enabled: Bool? = nil) {
        self.label = label
        self.enabled = enabled ?? (isatty(STDERR_FILENO) != 0)
    }

    func update(_ report: TrainingReport) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let fraction = report.maxSteps > 0 ? min(1, Double(report.step) / Double(report.maxSteps)) : 1
        let width = 20
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let elapsed = Date().timeIntervalSince(start)
        let line = "\r\(label) \(bar) step \(report.step)/\(report.maxSteps)  \(report.summary)  " + String(format: "%.0fs", elapsed)
        FileHandle.standardError.write(line.data(using: .utf8) ?? Data())
    }

    /// Ends the bar's line once training is over.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write("\n".data(using: .utf8) ?? Data())
    }
}
