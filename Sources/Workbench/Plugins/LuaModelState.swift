import Forecasting
import LuaBridge

/// A Lua model's state (the table its fit returned) as JSON, so a fitted Lua
/// model saves and loads like a native one: the state is stored as data and
/// nothing is re-run on load.
///
/// Strings, booleans, arrays and records map to JSON directly. Numbers map to
/// JSON numbers; a whole number up to 2⁵³ reads back as a Lua integer, and so
/// does a float with a whole value (Lua computes the same with either).
/// NaN and ±infinity, which JSON cannot hold, and integers past 2⁵³ are
/// written as one-key objects (`{"$number": "nan"}`, `{"$integer": "…"}`); a
/// record key that starts with `$` gets one more `$`, so no record is taken for
/// them. Functions and userdata (a Series, a distribution) have no JSON form:
/// such a model fits and forecasts, and `m:save` says what it cannot store.
enum LuaModelState {
    static let exactIntegers = 9_007_199_254_740_992.0  // 2⁵³

    /// `value` as JSON; `path` names where it sits ("state.levels") for the error.
    static func json(_ value: LuaValue, at path: String) throws(ForecastError) -> JSONValue {
        switch value {
        case .nil: return .null
        case .boolean(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .integer(let i):
            if Double(i).magnitude <= exactIntegers { return .number(Double(i)) }
            return .object(["$integer": .string(String(i))])
        case .number(let x):
            if x.isFinite { return .number(x) }
            return .object(["$number": .string(x.isNaN ? "nan" : x > 0 ? "inf" : "-inf")])
        case .array(let items):
            var out: [JSONValue] = []
            for (i, item) in items.enumerated() { out.append(try json(item, at: "\(path)[\(i + 1)]")) }
            return .array(out)
        case .record(let fields):
            var out: [String: JSONValue] = [:]
            for (key, item) in fields {
                out[key.hasPrefix("$") ? "$" + key : key] = try json(item, at: "\(path).\(key)")
            }
            return .object(out)
        case .function:
            throw ForecastError("\(path) is a function, which a saved model cannot hold")
        case .object(let o):
            let type = (o as? any LuaUserdata).map { Swift.type(of: $0).luaClassName } ?? "userdata"
            throw ForecastError(
                "\(path) is a \(type), which a saved model cannot hold; keep numbers, strings and tables in the state")
        }
    }

    /// The Lua value `json` was written from.
    static func lua(_ json: JSONValue) -> LuaValue {
        switch json {
        case .null: return .nil
        case .bool(let b): return .boolean(b)
        case .string(let s): return .string(s)
        case .number(let x):
            if x == x.rounded(), x.magnitude <= exactIntegers { return .integer(Int64(x)) }
            return .number(x)
        case .array(let items): return .array(items.map(lua))
        case .object(let fields):
            if fields.count == 1, case .string(let text)? = fields["$number"] {
                return .number(text == "nan" ? .nan : text == "inf" ? .infinity : -.infinity)
            }
            if fields.count == 1, case .string(let text)? = fields["$integer"], let i = Int64(text) {
                return .integer(i)
            }
            var out: [String: LuaValue] = [:]
            for (key, item) in fields { out[key.hasPrefix("$") ? String(key.dropFirst()) : key] = lua(item) }
            return .record(out)
        }
    }

    /// Numbers as JSON, NaN as null (a model's fitted values, residuals).
    static func json(_ values: [Double]) -> JSONValue { .array(values.map { $0.isNaN ? .null : .number($0) }) }

    static func numbers(_ json: JSONValue?) -> [Double]? {
        guard case .array(let items)? = json else { return nil }
        return items.map { if case .number(let x) = $0 { return x } else { return .nan } }
    }
}
