import AlmanacCore
import CLua
import LuaBridge
import TimeSeries

/// A Panel as Lua holds it: p:keys(), p[key] → Series, #p.
public final class PanelObject: LuaUserdata {
    public static let luaClassName = "Panel"
    public let panel: Panel

    public init(_ panel: Panel) { self.panel = panel }

    public static func luaClass() -> LuaClass<PanelObject> {
        var c = LuaClass<PanelObject>(summary: "many keyed series (one per SKU, store, ...) with attributes and covariates")
        c.methods = [
            LuaMethod("keys", signature: "p:keys() -> { key, ... }", summary: "the keys, sorted",
                      types: LuaSignature(returns: [.array(.string)])) { me, call in
                call.returning(.array(me.panel.keys.map { .string($0) }))
            },
            LuaMethod("series", signature: "p:series(key) -> Series", summary: "the series of one key (the same as p[key])",
                      types: LuaSignature([.init("key", .string)], returns: [.series])) { me, call in
                try me.series(try call.string(2, "key"), call)
            },
            LuaMethod("attributes", signature: "p:attributes(key) -> { name = value, ... }", summary: "static attributes of one key (category, unit cost, ...)",
                      types: LuaSignature([.init("key", .string)], returns: [.map(key: .string, value: .number | .string)])) { me, call in
                let entry = try me.entry(try call.string(2, "key"))
                var record: [String: LuaValue] = [:]
                for (name, value) in entry.attributes {
                    switch value {
                    case .number(let x): record[name] = .number(x)
                    case .text(let s): record[name] = .string(s)
                    }
                }
                return call.returning(.record(record))
            },
            LuaMethod("covariate", signature: "p:covariate(key, name) -> Series", summary: "a dynamic covariate of one key (price, promo, ...) on the key's calendar",
                      types: LuaSignature([.init("key", .string), .init("name", .string)], returns: [.series])) { me, call in
                let key = try call.string(2, "key"), name = try call.string(3, "name")
                let entry = try me.entry(key)
                guard let values = entry.covariates[name] else {
                    let names = entry.covariates.keys.sorted()
                    let guess = closestMatch(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ScriptError("key '\(key)' has no covariate '\(name)'\(guess); it has: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
                }
                var s = entry.series.with(values: values)
                s.name = "\(key) \(name)"
                return SeriesObject.push(s, call)
            },
            LuaMethod("covariates", signature: "p:covariates() -> { name, ... }", summary: "names of the covariates any key has",
                      types: LuaSignature(returns: [.array(.string)])) { me, call in
                call.returning(.array(Set(me.panel.entries.values.flatMap(\.covariates.keys)).sorted().map { .string($0) }))
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
            if let lo = lengths.min(), let hi = lengths.max() { text += ", \(lo == hi ? "\(lo)" : "\(lo) to \(hi)") obs each" }
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
