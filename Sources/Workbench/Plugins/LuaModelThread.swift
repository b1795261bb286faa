import Forecasting
import Foundation
import LuaBridge

/// The Lua thread a Lua model plugin runs on.
///
/// A Lua model is a `Forecaster` like a native one, but the Forecaster contract
/// passes no Lua stack, and a Lua state is single-threaded. So every binding
/// that may run a model (forecast.fit, m:forecast, fit_many, ...) enters
/// `running(on:)` with the thread that called it (a coroutine's, when the
/// script runs in one), and a Lua model asks `stack(for:)` for it. Calls nest
/// (a Lua model's fit may call forecast.fit). A Lua model called outside any
/// such binding, or from another OS thread, fails with a message instead of
/// touching the state: Lua models declare `runsOnCallingThread`, so FitMany
/// and Backtest never hand them to worker threads.
final class LuaModelThread {
    private var stacks: [LuaStack] = []
    /// The OS thread of the outermost `running(on:)`; the state's thread while it lasts.
    private var owner: pthread_t?

    func running<T, E: Error>(on stack: LuaStack, _ body: () throws(E) -> T) throws(E) -> T {
        if stacks.isEmpty { owner = pthread_self() }
        stacks.append(stack)
        defer {
            stacks.removeLast()
            if stacks.isEmpty { owner = nil }
        }
        return try body()
    }

    /// The running Lua thread, for the Lua model `model`.
    func stack(for model: String) throws(ForecastError) -> LuaStack {
        guard let owner, let stack = stacks.last else {
            throw ForecastError("\(model): a Lua model runs only from a script's call (forecast.fit, m:forecast, ...)")
        }
        guard pthread_equal(owner, pthread_self()) != 0 else {
            throw ForecastError("\(model): a Lua model was called off the script's thread (Lua is single-threaded)")
        }
        return stack
    }
}

extension ForecastError {
    /// The error to raise in Lua: a Lua model's own error as it was, else the message
    /// as one that names its subject. `prefix` ("load: ") goes before a message.
    func scriptError(prefix: String = "") -> any Error {
        if let underlying { return underlying }
        return prefix.isEmpty ? ScriptError.named(message) : ScriptError(prefix + message)
    }
}

extension HostContext {
    /// Runs model code for the native function `call`: a Lua model inside runs on its thread.
    func runningModels<T, E: Error>(_ call: LuaCall, _ body: () throws(E) -> T) throws(E) -> T {
        try luaModels.running(on: call.stack, body)
    }

    /// `model`'s sample paths from the run's generator. The generator is lent as a
    /// copy and put back after (even on an error, as an inout argument would be), so
    /// a Lua model's sample function may draw from the run's generator meanwhile.
    func samplePaths(
        _ model: any FittedModel, horizon: Int, count: Int, future: [String: [Double]],
        call: LuaCall
    ) throws -> SamplePaths {
        var lent = generator
        defer { generator = lent }
        do throws(ForecastError) {
            return try runningModels(call) { () throws(ForecastError) -> SamplePaths in
                try model.samplePaths(horizon: horizon, count: count, future: future, generator: &lent)
            }
        } catch {
            throw error.scriptError()
        }
    }
}
