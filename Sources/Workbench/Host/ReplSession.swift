import LuaBridge

/// The REPL's evaluation, separate from terminal handling so it can be tested:
/// an expression's values are printed with almanac.inspect, a statement runs,
/// an incomplete chunk asks for more lines, and an error never ends the session.
public final class ReplSession {
    public enum Outcome: Equatable {
        case needsMore
        case output(String)
        case error(String)
    }

    let host: ScriptHost
    private var pending: [String] = []
    private let inspect: LuaReference?

    public init(host: ScriptHost) throws(LuaError) {
        self.host = host
        let results = try? host.state.run("return almanac.inspect", chunkName: "=[repl]")
        if case .function(let f) = results?.first { inspect = f } else { inspect = nil }
        // The host's set-up is complete: under --safe the globals become read-only now.
        try host.sealForScripts()
    }

    /// True while a multi-line chunk is being typed (the prompt shows ">>").
    public var isContinuing: Bool { !pending.isEmpty }

    public func submit(_ line: String) -> Outcome {
        pending.append(line)
        let code = pending.joined(separator: "\n")
        let state = host.state
        let top = state.stackTop
        do {
            do {
                try state.load("return " + code, chunkName: "=stdin")
            } catch {
                try state.load(code, chunkName: "=stdin")
            }
        } catch {
            if error.message.hasSuffix("<eof>") { return .needsMore }
            pending = []
            return .error(error.message)
        }
        pending = []
        do {
            try host.callLoaded(nresults: LuaState.allResults)
        } catch {
            state.clearStop()
            var text = error.message
            if let trace = error.shortTraceback() { text += "\n" + trace }
            return .error(text)
        }
        var shown: [String] = []
        let count = state.stackTop - top
        for i in 0..<count {
            shown.append(describe(at: top + 1 + i))
        }
        state.restoreTop(top)
        return .output(shown.joined(separator: "\t"))
    }

    private func describe(at index: Int32) -> String {
        guard let inspect else { return "?" }
        do {
            let shown = try host.state.stack.calling(inspect, withCopyOf: index)
            return shown ?? "?"
        } catch {
            return "<\(error.message)>"
        }
    }
}

extension ScriptHost {
    /// Calls the chunk on top of the stack under the run's time limit.
    func callLoaded(nresults: Int32) throws(LuaError) {
        state.setTimeLimit(seconds: timeLimit)
        defer { state.setTimeLimit(seconds: nil) }
        try underStopCheck { () throws(LuaError) in try state.call(nargs: 0, nresults: nresults) }
    }
}
