import LuaBridge

/// A result field that only some results carry (`inventory.eoq`'s `cost_at_q`,
/// given only with `order_quantity`): nil leaves the field out of the table,
/// and the stubs declare it optional.
protocol LuaOptionalResult {}

extension Optional: LuaResultValue where Wrapped: LuaResultValue {
    static var luaType: LuaType { Wrapped.luaType }
    var luaValue: LuaValue { self?.luaValue ?? .nil }
}

extension Optional: LuaOptionalResult where Wrapped: LuaResultValue {}
