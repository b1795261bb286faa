import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// A forecast as Lua holds it: fc.mean (a Series), fc:lower(80), fc:upper(80).
public final class ForecastObject: LuaUserdata, ScriptReceiver {
    public static let luaClassName = "Forecast"
    static let receiverName = "fc"
    public let forecast: Forecast

    public init(_ forecast: Forecast) { self.forecast = forecast }

    /// The level of fc:lower and fc:upper.
    struct Level: LuaArguments {
        var level = 0.0
        static let arguments: [LuaArgument<Self>] = [.required(\.level, "the interval's level in percent")]
    }

    func bound(_ level: Double, _ call: LuaCall, upper: Bool) throws -> Int32 {
        guard let b = forecast.bounds(at: level) else {
            let have = forecast.levels.map(formatNumber).joined(separator: ", ")
            throw ScriptError(
                "no \(formatNumber(level))% interval: this forecast has \(have.isEmpty ? "none" : have + "%"); ask for it with levels = { \(formatNumber(level)) }"
            )
        }
        var s = forecast.mean.with(values: upper ? b.upper : b.lower)
        s.name =
            "\(forecast.mean.name.isEmpty ? "" : forecast.mean.name + " ")\(upper ? "upper" : "lower") \(formatNumber(level))%"
        return SeriesObject.push(s, call)
    }

    public static func luaClass() -> LuaClass<ForecastObject> {
        var c = LuaClass<ForecastObject>(summary: "point forecasts with prediction intervals (from m:forecast{ h = })")
        c.properties = [
            LuaProperty("mean", .series, "the point forecasts, a Series on the future calendar") {
                .object(SeriesObject($0.forecast.mean))
            },
            LuaProperty("method", .string, "the model that made it (\"ETS(M,A,M)\")") { .string($0.forecast.method) },
            LuaProperty("h", .integer, "the horizon") { .integer(Int64($0.forecast.horizon)) },
            LuaProperty("levels", .array(.number), "interval levels in percent") {
                .array($0.forecast.levels.map { .number($0) })
            },
            LuaProperty("history", .series, "the data the model was fitted to") {
                .object(SeriesObject($0.forecast.history))
            },
        ]
        c.methods = [
            LuaMethod(
                "lower", summary: "lower bound of the level% interval", arguments: Level.self, returns: [.init(.series)]
            ) { me, args, call in
                try me.bound(args.level, call, upper: false)
            },
            LuaMethod(
                "upper", summary: "upper bound of the level% interval", arguments: Level.self, returns: [.init(.series)]
            ) { me, args, call in
                try me.bound(args.level, call, upper: true)
            },
            LuaMethod(
                "rows",
                summary:
                    "one record per step ({ date =, h =, mean =, lower_80 =, upper_80 =, ... }), for data.write_csv or printing",
                returns: [.init(.array(.map(key: .string, value: .number | .string)))]
            ) { me, call in
                call.returning(.array(me.rows().map { .record($0) }))
            },
        ]
        c.length = { $0.forecast.horizon }
        c.indexTypes = (key: .integer, value: .number)
        c.index = { me, call in
            guard call.stack.isNumber(at: 2) else { return nil }
            let i = try call.integer(2, "step")
            guard i >= 1, i <= me.forecast.horizon else { return call.returning(.nil) }
            return call.returning(.number(me.forecast.mean.values[i - 1]))
        }
        c.tostring = { describe($0.forecast) }
        return c
    }

    func rows() -> [[String: LuaValue]] {
        (0..<forecast.horizon).map { h in
            var row: [String: LuaValue] = [
                "date": .string(forecast.mean.label(at: h)), "h": .integer(Int64(h + 1)),
                "mean": .number(forecast.mean.values[h]),
            ]
            for (k, level) in forecast.levels.enumerated() {
                row["lower_\(formatNumber(level))"] = .number(forecast.lower[k][h])
                row["upper_\(formatNumber(level))"] = .number(forecast.upper[k][h])
            }
            return row
        }
    }

    static func describe(_ f: Forecast) -> String {
        var header = "Forecast from \(f.method), h = \(f.horizon)\n  date        mean"
        for level in f.levels { header += "   lo \(formatNumber(level))    hi \(formatNumber(level))" }
        var lines = [header]
        let shown: [Int] =
            f.horizon <= 14 ? Array(0..<f.horizon) : Array(0..<8) + [-1] + Array((f.horizon - 3)..<f.horizon)
        func cell(_ x: Double) -> String {
            let text =
                abs(x) >= 1e6 || (abs(x) < 1e-3 && x != 0) ? String(format: "%.4g", x) : String(format: "%.2f", x)
            return String(repeating: " ", count: max(0, 8 - text.count)) + text
        }
        for h in shown {
            if h < 0 { lines.append("  ..."); continue }
            let label = f.mean.label(at: h)
            var line = "  " + label + String(repeating: " ", count: max(1, 10 - label.count)) + cell(f.mean.values[h])
            for k in 0..<f.levels.count { line += " " + cell(f.lower[k][h]) + " " + cell(f.upper[k][h]) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
