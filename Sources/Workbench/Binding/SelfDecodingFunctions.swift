import AlmanacCore
import LuaBridge

extension LuaFunctionSpec {
    /// A declared function whose body decodes its own arguments, because where
    /// they start or what they are depends on the call: a leading argument that
    /// may be left out (`plot.forecast([history,] fc)`), another way to call it
    /// (`metrics.accuracy` on Panels), or checks that must run before option
    /// validation (`series.new`'s messages about `values`). The body calls
    /// `Arguments.decode(call, from:owner:)` or `decodeOptions` itself; the
    /// signature line and the stub types still come from the declaration, so
    /// nothing is written twice. `leading` is shown as `[name,] ` before the
    /// declared arguments and typed as a first overload; `alternatives` are the
    /// other ways to call it, for the stubs.
    init<Arguments: LuaArguments>(
        _ name: String, in module: String, summary: String, details: String? = nil, example: String? = nil,
        leading: LuaParameter? = nil, arguments: Arguments.Type, returns: [LuaReturn] = [],
        alternatives: [LuaSignature] = [], decodingItself body: @escaping (LuaCall) throws -> Int32
    ) {
        let qualified = "\(module).\(name)"
        var line = SignatureText.line(qualified, arguments, returns: returns)
        let declared = SignatureText.types(arguments, returns: returns)
        var types = LuaSignature(declared.parameters, namedReturns: returns, or: alternatives)
        if let leading {
            let open = "\(qualified)("
            if line.hasPrefix(open) { line = open + "[\(leading.name),] " + line.dropFirst(open.count) }
            types = LuaSignature([leading] + declared.parameters, namedReturns: returns, or: [declared] + alternatives)
        }
        self.init(name, signature: line, summary: summary, details: details, example: example, types: types, body: body)
    }

    /// A function written in Lua (`source` is an expression that yields it),
    /// declared like a native one so its signature line and stub types come
    /// from `arguments`; Lua code checks its own arguments.
    init<Arguments: LuaArguments>(
        _ name: String, in module: String, summary: String, details: String? = nil, example: String? = nil,
        arguments: Arguments.Type, returns: [LuaReturn] = [], luaSource source: String
    ) {
        self.init(
            name, signature: SignatureText.line("\(module).\(name)", arguments, returns: returns), summary: summary,
            details: details, example: example, types: SignatureText.types(arguments, returns: returns),
            implementation: .lua(source))
    }
}

extension LuaSignature {
    /// The same signature with its options table declared under `name` in the
    /// stubs: an overload's options then get a class of their own instead of
    /// sharing the name the stub writer gives the first form's (`f.options`).
    func namingOptions(_ name: String) -> LuaSignature {
        let parameters = self.parameters.map { parameter -> LuaParameter in
            guard parameter.name == "options", case .shape(let record) = parameter.type else { return parameter }
            return LuaParameter(parameter.name, .record(record.fields, named: name), optional: parameter.optional)
        }
        return LuaSignature(parameters, namedReturns: returns, or: alternatives)
    }
}
