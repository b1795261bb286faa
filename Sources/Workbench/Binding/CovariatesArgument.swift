import AlmanacCore
import LuaBridge
import TimeSeries

/// Covariates by name (`{ price = { ... }, promo = aSeries }`), as forecast.fit
/// and forecast.backtest take them and a forecast request's `future` does.
/// Declared once, converted by one function (`columns`). The table is kept as
/// given and converted in the body, because the messages name the function
/// and the table (`fit: covariates.price must be ...`, `forecast: future.promo
/// must be ...`), which a value type does not know.
struct CovariatesArgument: LuaArgumentValue {
    var fields: [String: LuaValue] = [:]

    static var luaType: LuaType { .covariates }
    /// Checked here (a table of named columns), not by the spec.
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> CovariatesArgument {
        CovariatesArgument(fields: try call.record(index, name))
    }

    init() {}
    init(fields: [String: LuaValue]) { self.fields = fields }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        switch raw {
        case .record(let fields): self.fields = fields
        case .array(let items) where items.isEmpty: fields = [:]
        default: throw ScriptError("option '\(name)' must be a table of covariates, e.g. { promo = { 0, 1, 0 } }")
        }
    }

    var shownDefault: ParameterValue? { nil }

    /// The columns; `owner` and `label` name the function and the table in messages.
    func columns(owner: String, label: String) throws -> [String: [Double]] {
        try Self.columns(fields, owner: owner, label: label)
    }

    /// `{ name = array of numbers or Series, ... }` as covariate columns.
    static func columns(_ fields: [String: LuaValue], owner: String, label: String) throws -> [String: [Double]] {
        var columns: [String: [Double]] = [:]
        for (name, value) in fields {
            switch value {
            case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }):
                columns[name] = items.compactMap(\.doubleValue)
            case .object(let s as SeriesObject): columns[name] = s.series.values
            default: throw ScriptError("\(owner): \(label).\(name) must be an array of numbers or a Series")
            }
        }
        return columns
    }
}
