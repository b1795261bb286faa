import AlmanacCore
import Foundation
import LuaBridge
import TimeSeries

/// A Series as Lua holds it: immutable; every transform returns a new one.
public final class SeriesObject: LuaUserdata, ScriptReceiver {
    static let receiverName = "s"
    public static let luaClassName = "Series"
    public let series: Series

    public init(_ series: Series) { self.series = series }

    /// Pushes `series` as a Series userdata.
    static func push(_ series: Series, _ call: LuaCall) -> Int32 {
        call.stack.pushUserdata(SeriesObject(series))
        return 1
    }

    /// A Series argument, or an array of numbers taken as a plain series.
    static func argument(_ call: LuaCall, _ index: Int32, _ parameter: String) throws -> Series {
        if let object = call.stack.object(at: index, as: SeriesObject.self) { return object.series }
        if call.stack.isTable(at: index) { return Series(values: try call.numbers(index, parameter)) }
        throw ScriptError(
            "argument \(index) '\(parameter)' must be a Series or an array of numbers, got \(call.isNil(index) ? "nothing" : "a " + call.typeName(index))"
        )
    }

    public static func luaClass() -> LuaClass<SeriesObject> {
        var c = LuaClass<SeriesObject>(
            summary: "a time series on a regular calendar (from series.new, data.csv, data.dataset)")
        c.properties = [
            LuaProperty("name", .string, "the series' name") { .string($0.series.name) },
            LuaProperty("freq", .frequency, "its calendar: day, week, month, quarter, year or none") {
                .string($0.series.frequency.rawValue)
            },
            LuaProperty("period", .integer, "observations per seasonal cycle") {
                .integer(Int64($0.series.seasonalPeriod))
            },
            LuaProperty("start", .string, "label of the first observation (\"1949-01\")") {
                $0.series.count > 0 ? .string($0.series.label(at: 0)) : .nil
            },
            LuaProperty("finish", .string, "label of the last observation") {
                $0.series.count > 0 ? .string($0.series.label(at: $0.series.count - 1)) : .nil
            },
        ]
        c.methods = SeriesMethods.all
        c.length = { $0.series.count }
        c.tostring = { describe($0.series) }
        c.indexTypes = (key: .integer, value: .number)
        c.index = { me, call in
            // s[i]: the i-th value (1-based), nil outside the series.
            guard call.stack.isNumber(at: 2) else { return nil }
            let i = try call.integer(2, "index")
            guard i >= 1, i <= me.series.count else { return call.returning(.nil) }
            let v = me.series.values[i - 1]
            return call.returning(v.isNaN ? .nil : .number(v))
        }
        let operators: [(String, (Double, Double) -> Double)] = [
            ("__add", (+)), ("__sub", (-)), ("__mul", (*)), ("__div", (/)), ("__pow", { pow($0, $1) }),
        ]
        for (name, op) in operators {
            c.metamethods[name] = { call in try arithmetic(call, op) }
            c.operators.append(LuaOperator(String(name.dropFirst(2)), .series | .number, result: .series))
        }
        c.operators.append(LuaOperator("unm", nil, result: .series))
        c.metamethods["__unm"] = { call in
            guard let me = call.stack.object(at: 1, as: SeriesObject.self) else { return 0 }
            return push(me.series.map { -$0 }, call)
        }
        c.metamethods["__eq"] = { call in
            let a = call.stack.object(at: 1, as: SeriesObject.self), b = call.stack.object(at: 2, as: SeriesObject.self)
            return call.returning(.boolean(a != nil && b != nil && a?.series == b?.series))
        }
        return c
    }

    /// series ⊕ series (aligned on the calendar), series ⊕ number, number ⊕ series.
    static func arithmetic(_ call: LuaCall, _ op: (Double, Double) -> Double) throws -> Int32 {
        let a = call.stack.object(at: 1, as: SeriesObject.self), b = call.stack.object(at: 2, as: SeriesObject.self)
        if let a, let b { return push(try Series.combine(a.series, b.series, op), call) }
        if let a {
            let x = try call.number(2, "operand")
            return push(a.series.map { op($0, x) }, call)
        }
        if let b {
            let x = try call.number(1, "operand")
            return push(b.series.map { op(x, $0) }, call)
        }
        return 0
    }

    /// A readable table: header, then label and value rows (the middle elided when long).
    static func describe(_ s: Series) -> String {
        let span = s.count == 0 ? "empty" : "\(s.label(at: 0)) to \(s.label(at: s.count - 1))"
        var lines = [
            "Series\(s.name.isEmpty ? "" : " '\(s.name)'") (\(s.frequency.rawValue), period \(s.seasonalPeriod), \(s.count) obs, \(span))"
        ]
        let shown: [Int] = s.count <= 12 ? Array(0..<s.count) : Array(0..<6) + [-1] + Array((s.count - 3)..<s.count)
        for i in shown {
            if i < 0 { lines.append("  ..."); continue }
            let v = s.values[i]
            lines.append("  \(s.label(at: i))  \(v.isNaN ? "NA" : formatNumber(v))")
        }
        return lines.joined(separator: "\n")
    }
}
