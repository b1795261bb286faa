import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal
/// (so logs and CI output stay clean) and at most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    init(label: String, total: Int, enabled: Bool? = nil) {
        self.label = label
        self.total = total
        self.enabled = enabled ?? (isatty(STDERR_FILENO) != 0)
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let elapsed = now.timeIntervalSince(start)
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let bar = Self.bar(fraction, width: 30)
        var line = "\r\(label) \(bar) \(done)/\(total) \(Int(fraction * 100))%"
        line += done < total ? String(format: "  %.0fs left", remaining) : String(format: "  %.1fs\n", elapsed)
        FileHandle.standardError.write(line.data(using: .utf8) ?? Data())
    }

    /// "█████·····": `fraction` (0…1) of `width` cells filled.
    static func bar(_ fraction: Double, width: Int) -> String {
        let filled = max(0, min(width, Int(fraction * Double(width))))
        return String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    }
}
