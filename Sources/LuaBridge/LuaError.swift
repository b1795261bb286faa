import CLua
import Foundation

/// An error a Swift function reports to Lua: "what is wrong", without position.
///
/// The native-function trampoline prefixes the caller's `chunk:line:` and the
/// function's qualified name, so users read
/// `script.lua:12: optimize.scalar: lo (5) must be less than hi (1)`.
public struct ScriptError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
    /// True when the message already starts with what it is about (see `named`).
    public internal(set) var namesItsSubject = false
    public init(_ message: String) { self.message = message }
}

/// An error raised by Lua code (or by the host while running it).
public struct LuaError: Error, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case syntax, runtime, memory, timeLimit, interrupted, handler
    }

    public let kind: Kind
    /// The message, `chunk:line: text` for most runtime errors.
    public let message: String
    /// Lua's traceback, when the error crossed the host's message handler.
    public let traceback: String?
    /// The original error value, kept in the registry so it can be re-raised
    /// unchanged when the error crosses a Swift function (tables stay tables).
    let value: LuaReference?

    init(kind: Kind, message: String, traceback: String? = nil, value: LuaReference? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
        self.value = value
    }

    public var description: String { message }

    /// The traceback trimmed for people: no frames of the C host, at most `limit` lines.
    public func shortTraceback(limit: Int = 12) -> String? {
        guard let traceback else { return nil }
        let lines = traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        for line in lines.dropFirst() {  // the header "stack traceback:" is re-added below
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[C]: in ?") || trimmed.hasPrefix("[C]: in function 'xpcall'") { continue }
            if trimmed.isEmpty { continue }
            kept.append(line)
        }
        if kept.isEmpty { return nil }
        if kept.count > limit { kept = Array(kept.prefix(limit - 1)) + ["\t..."] }
        return (["stack traceback:"] + kept).joined(separator: "\n")
    }
}

extension ScriptError {
    /// An error whose text already names its subject ("eoq_cost: unknown option ...")
    /// and so is not prefixed with the native function's name.
    public static func named(_ message: String) -> ScriptError {
        var e = ScriptError(message)
        e.namesItsSubject = true
        return e
    }
}

extension String {
    /// True when the text starts with Lua's "chunk:line:" position.
    public var hasSourcePosition: Bool {
        let parts = split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 && !parts[0].isEmpty && Int(parts[1]) != nil
    }
}
