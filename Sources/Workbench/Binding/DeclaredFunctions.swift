import AlmanacCore
import LuaBridge

/// A userdata type's name for its receiver in signature lines (`s` in `s:diff()`).
protocol ScriptReceiver: AnyObject {
    static var receiverName: String { get }
}

extension LuaMethod where T: ScriptReceiver {
    /// A method declared once: its arguments' struct gives the signature line,
    /// the stub types and the decoding; `body` gets them decoded.
    init<Arguments: LuaArguments>(
        _ name: String, summary: String, arguments: Arguments.Type, returns: [LuaReturn] = [],
        owner: String? = nil, body: @escaping (T, Arguments, LuaCall) throws -> Int32
    ) {
        let qualified = "\(T.receiverName):\(name)"
        let who = owner ?? qualified
        self.init(
            name, signature: SignatureText.line(qualified, arguments, returns: returns), summary: summary,
            types: SignatureText.types(arguments, returns: returns)
        ) { me, call in
            try body(me, try Arguments.decode(call, from: 2, owner: who), call)
        }
    }
}

extension LuaMethod where T: ScriptReceiver {
    /// A method that takes no arguments.
    init(_ name: String, summary: String, returns: [LuaReturn] = [], body: @escaping (T, LuaCall) throws -> Int32) {
        self.init(name, summary: summary, arguments: NoArguments.self, returns: returns) { me, _, call in
            try body(me, call)
        }
    }
}

extension LuaFunctionSpec {
    /// A module function declared once (see the method form above); `module` is the table's name.
    init<Arguments: LuaArguments>(
        _ name: String, in module: String, summary: String, details: String? = nil, example: String? = nil,
        arguments: Arguments.Type, returns: [LuaReturn] = [], owner: String? = nil,
        body: @escaping (Arguments, LuaCall) throws -> Int32
    ) {
        let qualified = "\(module).\(name)"
        let who = owner ?? qualified
        self.init(
            name, signature: SignatureText.line(qualified, arguments, returns: returns), summary: summary,
            details: details, example: example, types: SignatureText.types(arguments, returns: returns)
        ) { call in
            try body(try Arguments.decode(call, from: 1, owner: who), call)
        }
    }
}
