import LuaBridge

/// Declared arguments reused inside a larger struct: two functions that share
/// a set of options (inventory.serial_base_stock and
/// inventory.serial_expected_cost) declare it once, and the larger one holds
/// the shared struct at `path` and adds its own.
enum ArgumentLifting {
    static func lift<Inner, Outer>(_ argument: LuaArgument<Inner>, into path: WritableKeyPath<Outer, Inner> & Sendable)
        -> LuaArgument<Outer>
    {
        let readArgument = argument.readArgument, readOption = argument.readOption
        return LuaArgument<Outer>(
            name: argument.name,
            place: argument.place == .option
                ? .option : .positional(required: argument.place == .positional(required: true)),
            doc: argument.doc, type: argument.type, spec: argument.spec,
            readArgument: { outer, call, index in try readArgument(&outer[keyPath: path], call, index) },
            readOption: { outer, value, raw in try readOption(&outer[keyPath: path], value, raw) },
            missing: argument.missing)
    }
}

extension LuaArgument {
    /// This argument as part of a larger struct that holds `Root` at `path`.
    func lifted<Outer>(_ path: WritableKeyPath<Outer, Root> & Sendable) -> LuaArgument<Outer> {
        ArgumentLifting.lift(self, into: path)
    }
}
