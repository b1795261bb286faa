import LuaBridge

/// What a function calls its options table and whether a call must pass one.
/// Most functions take `options` and read nil as no options; the inventory
/// models take their whole model as one table (`inventory.eoq{ ... }`) called
/// `model`, and leaving it out is "argument 1 'model' must be a table, got
/// nothing" rather than a complaint about the first required field.
struct LuaOptionsTable: Sendable {
    var name = "options"
    var required = false

    static let options = LuaOptionsTable()
    /// An inventory model: `inventory.eoq{ fixed_cost =, ... }`.
    static let model = LuaOptionsTable(name: "model", required: true)
}

extension LuaArguments {
    static var optionsTable: LuaOptionsTable { .options }
}
