import AlmanacCore
import LuaBridge
import TimeSeries

/// A Panel as Lua holds it: p:keys(), p[key] → Series, #p.
public final class PanelObject: LuaUserdata, ScriptReceiver {
    static let receiverName = "p"
    public static let luaClassName = "Panel"
    public let panel: Panel

    public init(_ panel: Panel) { self.panel = panel }

    public static func luaClass() -> LuaClass<PanelObject> {
        var c = LuaClass<PanelObject>(
            summary: "many keyed series (one per SKU, store, ...) with attributes and covariates")
        c.methods = [
            LuaMethod("keys", summary: "the keys, sorted", returns: [.init(.array(.string), "keys")]) { me, call in
                call.returning(.array(me.panel.keys.map { .string($0) }))
            },
            LuaMethod(
                "series", summary: "the series of one key (the same as p[key])", arguments: KeyArguments.self,
                returns: [.init(.series)]
            ) { me, args, call in
                try me.series(args.key, call)
            },
            LuaMethod(
                "attributes", summary: "static attributes of one key (category, unit cost, ...)",
                arguments: KeyArguments.self,
                returns: [.init(.map(key: .string, value: .number | .string), "attributes")]
            ) { me, args, call in
                let entry = try me.entry(args.key)
                var record: [String: LuaValue] = [:]
                for (name, value) in entry.attributes {
                    switch value {
                    case .number(let x): record[name] = .number(x)
                    case .text(let s): record[name] = .string(s)
                    }
                }
                return call.returning(.record(record))
            },
            LuaMethod(
                "covariate", summary: "a dynamic covariate of one key (price, promo, ...) on the key's calendar",
                arguments: CovariateArguments.self, returns: [.init(.series)]
            ) { me, args, call in
                let key = args.key, name = args.name
                let entry = try me.entry(key)
                guard let values = entry.covariates[name] else {
                    let names = entry.covariates.keys.sorted()
                    let guess = closestMatch(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ScriptError(
                        "key '\(key)' has no covariate '\(name)'\(guess); it has: \(names.isEmpty ? "none" : names.joined(separator: ", "))"
                    )
                }
                var s = entry.series.with(values: values)
                s.name = "\(key) \(name)"
                return SeriesObject.push(s, call)
            },
            LuaMethod(
                "covariates", summary: "names of the covariates any key has", returns: [.init(.array(.string), "names")]
            ) { me, call in
                call.returning(
                    .array(Set(me.panel.entries.values.flatMap(\.covariates.keys)).sorted().map { .string($0) }))
            },
        ]
        c.length = { $0.panel.count }
        c.indexTypes = (key: .string, value: .series)
        c.index = { me, call in
            guard let key = call.stack.string(at: 2) else { return nil }
            return try me.series(key, call)
        }
        c.tostring = { me in
            let p = me.panel
            let lengths = p.keys.compactMap { p.series($0)?.count }
            let freq = p.keys.first.flatMap { p.series($0)?.frequency.rawValue } ?? "?"
            var text = "Panel of \(p.count) series (\(freq))"
            if let lo = lengths.min(), let hi = lengths.max() {
                text += ", \(lo == hi ? "\(lo)" : "\(lo) to \(hi)") obs each"
            }
            let shown = p.keys.prefix(8).joined(separator: ", ")
            return text + ": " + shown + (p.count > 8 ? ", ..." : "")
        }
        return c
    }

    func entry(_ key: String) throws -> Panel.Entry {
        if let e = panel[key] { return e }
        let guess = closestMatch(to: key, in: panel.keys).map { " (did you mean '\($0)'?)" } ?? ""
        throw ScriptError("the panel has no key '\(key)'\(guess)")
    }

    func series(_ key: String, _ call: LuaCall) throws -> Int32 {
        SeriesObject.push(try entry(key).series, call)
    }
}

/// The declared arguments of the Panel methods (see LuaArguments).
extension PanelObject {
    struct KeyArguments: LuaArguments {
        var key = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.key, "the key (SKU, store, ...)")]
    }

    struct CovariateArguments: LuaArguments {
        var key = ""
        var name = ""
        static let arguments: [LuaArgument<Self>] = [
            .required(\.key, "the key (SKU, store, ...)"), .required(\.name, "the covariate's name"),
        ]
    }
}
