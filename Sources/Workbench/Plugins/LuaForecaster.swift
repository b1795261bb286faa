import Forecasting
import Foundation
import LuaBridge
import TimeSeries

/// A Lua `model` plugin with its options set, in the same `Forecaster`
/// contract as a native model: forecast.fit, fit_many, backtest, ensembles,
/// m:apply and forecast.load all take it as they take ETS.
///
/// Its fit runs the plugin's `fit(y, p)`, which returns the state and,
/// optionally, what the fit reports (`LuaFitInfo`); both become data at once,
/// so fitted values, residuals, parameters and the saved state never call back
/// into Lua. Only forecasts and sample paths do (`LuaFittedModel`).
///
/// Unchecked Sendable: it holds references into one Lua state, which is
/// single-threaded. `runsOnCallingThread` keeps FitMany and Backtest from
/// handing it to worker threads, and `LuaModelThread` refuses a call from any
/// thread but the script's.
struct LuaForecaster: Forecaster, @unchecked Sendable {
    let name: String
    let functions: [String: LuaReference]
    /// The checked options as the plugin's functions receive them (defaults filled in).
    let params: [String: LuaValue]
    let context: HostContext

    var runsOnCallingThread: Bool { true }

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        guard let fit = functions["fit"] else { throw ForecastError("\(name): has no fit function") }
        return try fitted(calling: fit, [.object(SeriesObject(data.series)), .record(params)], series: data.series)
    }

    /// A saved fit: on the series it was fitted to, rebuilt from the stored state
    /// as it is (nothing runs); on other data, the plugin's `apply(state, y, p)`
    /// rebuilds it there without estimating again.
    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        guard let savedState = state["state"], case .string(let fittedTo)? = state["series"] else {
            throw ForecastError("\(name): the saved state is not a Lua model's")
        }
        if case .string(let problem)? = state["problem"] { throw ForecastError("\(name): its \(problem)") }
        let stack = try context.luaModels.stack(for: name)
        guard fittedTo != Self.fingerprint(data.series) else {
            let info = try LuaFitInfo(json: state, series: data.series, model: name)
            stack.push(LuaModelState.lua(savedState))
            return LuaFittedModel(
                model: self, state: stack.popReference(), series: data.series, info: info,
                savedState: .success(savedState))
        }
        guard let apply = functions["apply"] else {
            throw ForecastError(
                "\(name): this Lua model cannot be applied to other data without estimating again "
                    + "(its plugin has no apply function); fit it to that data instead")
        }
        return try fitted(
            calling: apply, [LuaModelState.lua(savedState), .object(SeriesObject(data.series)), .record(params)],
            series: data.series)
    }

    /// Calls the plugin's `fit` or `apply` and keeps the state it returns, with what it reports.
    func fitted(calling function: LuaReference, _ arguments: [LuaValue], series: Series) throws(ForecastError)
        -> LuaFittedModel
    {
        let stack = try context.luaModels.stack(for: name)
        do {
            try stack.call(function, arguments, results: 2, caller: name)
        } catch {
            throw failure(error, prefixing: true)
        }
        let reported: LuaValue
        do { reported = try stack.value(at: -1) } catch {
            stack.pop(2)
            throw ForecastError("\(name): fit's second result: \(error.message)")
        }
        stack.pop()
        let savedState: Result<JSONValue, ForecastError>
        do throws(ScriptError) {
            let value = try stack.value(at: -1)
            do throws(ForecastError) { savedState = .success(try LuaModelState.json(value, at: "state")) } catch {
                savedState = .failure(error)
            }
        } catch {
            savedState = .failure(ForecastError("state: \(error.message)"))
        }
        let state = stack.popReference()
        let info = try LuaFitInfo(reported, series: series, model: name)
        return LuaFittedModel(model: self, state: state, series: series, info: info, savedState: savedState)
    }

    /// A Lua error as a ForecastError that keeps it, to be re-raised unchanged.
    /// `prefixing`: a plugin's error(msg, 2) (no position) is named after the plugin.
    func failure(_ error: LuaError, prefixing: Bool) -> ForecastError {
        if prefixing && error.kind == .runtime && !error.message.hasSourcePosition {
            let named = ScriptError.named("\(name): \(error.message)")
            return ForecastError(named.message, underlying: named)
        }
        return ForecastError(error.message, underlying: error, stopsTheRun: error.kind != .runtime)
    }

    /// Identifies the series a fit was made on (its length and every value's bits),
    /// so `restore` can tell the saved series from other data.
    static func fingerprint(_ series: Series) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        func mix(_ word: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (word >> UInt64(shift)) & 0xff
                hash = hash &* 0x100_0000_01b3
            }
        }
        mix(UInt64(series.count))
        for x in series.values { mix(x.isNaN ? 0x7ff8_0000_0000_0000 : x.bitPattern) }
        return "\(series.count):" + String(hash, radix: 16)
    }
}
