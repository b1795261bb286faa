import LuaBridge

/// A userdata type as a class: its properties as fields, what indexing,
/// calling and arithmetic give, and its methods.
extension StubWriter {
    mutating func writeClass(_ type: LuaClassDoc) {
        let name = type.name
        declaredNames.insert(name)
        lines.append("-- Type \(name)")
        lines.append("")
        lines += StubText.comment(type.summary.prefix(1).uppercased() + type.summary.dropFirst() + ".")
        lines.append("---@class \(name)")
        for property in type.properties {
            lines.append(fieldLine(LuaField(property.name, property.type, doc: property.summary), owner: name))
        }
        if let index = type.indexTypes {
            lines.append(
                "---@field [\(renderer.render(index.key, at: name))] \(renderer.render(index.value, at: name))")
        }
        for op in type.operators {
            let operand = op.operand.map { "(" + renderer.render($0, at: name) + ")" } ?? ""
            lines.append("---@operator \(op.name)\(operand): \(renderer.render(op.result, at: name))")
        }
        if let call = type.callTypes {
            lines.append("---@overload " + renderer.functionType(call, at: name + ".call"))
        }
        lines.append("local \(name) = {}")
        lines.append("")
        for method in type.methods {
            let path = "\(name).\(method.name)"
            lines += StubText.comment(method.summary)
            lines.append("---")
            lines += StubText.comment("`\(method.signature)`")
            lines += signatureLines(method.types, path: path, selfType: name)
            let names = method.types?.parameters.map(\.name) ?? ["..."]
            lines.append("function \(name):\(method.name)(\(names.joined(separator: ", "))) end")
            lines.append("")
        }
    }
}
