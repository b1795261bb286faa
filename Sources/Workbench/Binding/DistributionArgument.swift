import AlmanacCore
import Inventory
import LuaBridge

/// A demand distribution made by `dist.*`. Anything else is refused with a
/// message that says how to make one; the error is unnamed, so the
/// trampoline prefixes the function's name ("inventory.newsvendor: 'demand'
/// must be a distribution such as dist.normal(50, 8) or dist.poisson(6), got
/// nothing"). A required one declares a placeholder initial value that
/// decoding always replaces (`Distribution.unset`).
extension Distribution: LuaArgumentValue, LuaArgumentMissingMessage {
    static var luaType: LuaType { .distribution }
    /// Checked here rather than by the spec, for the message below.
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Distribution {
        try distribution(try call.value(index, name), name)
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        self = try Self.distribution(raw, name)
    }

    var shownDefault: ParameterValue? { nil }

    static func missingOption(_ name: String) -> ScriptError { refusal(name, got: "nothing") }

    /// The distribution a script passed as `name`.
    static func distribution(_ value: LuaValue, _ name: String) throws -> Distribution {
        if case .object(let object as DistributionObject) = value { return object.distribution }
        throw refusal(name, got: value.typeName)
    }

    static func refusal(_ name: String, got: String) -> ScriptError {
        ScriptError("'\(name)' must be a distribution such as dist.normal(50, 8) or dist.poisson(6), got \(got)")
    }

    /// The initial value of a required distribution argument, never used: decoding replaces it or refuses the call.
    static var unset: Distribution { .poisson(mean: 1) }
}
