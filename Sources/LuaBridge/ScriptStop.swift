import CLua
import Foundation

/// Whether the script has been asked to stop (its --timeout has passed, or
/// Ctrl-C in the REPL). Lua code is stopped by the count hook, but a long
/// native computation (training a network) never runs the hook, so it asks
/// this between steps and gives up early instead.
public struct ScriptStop: @unchecked Sendable {
    // The state's limits outlive every native call made from its scripts.
    private let limits: UnsafeMutablePointer<almanac_limits>?

    public init(_ L: OpaquePointer?) { limits = L.map { almanac_limits_of($0) } }

    /// True once the script must stop; from then on the state is marked stopped,
    /// so the count hook raises the stop again after any pcall.
    public var requested: Bool {
        guard let limits else { return false }
        return almanac_check_stop(limits) != 0
    }

    /// Throws the stop as the count hook reports it.
    public func check() throws {
        guard let l = limits, requested else { return }
        if l.pointee.killed == 2 { throw ScriptError("interrupted") }
        // Written as Lua writes the number in the hook's own message ("2.0", "2.5").
        let t = l.pointee.timeout_seconds
        let seconds = t == t.rounded() ? String(format: "%.1f", t) : String(format: "%.14g", t)
        throw ScriptError("script stopped: it ran longer than its time limit of \(seconds) s (--timeout)")
    }
}
