import LuaBridge

/// A value type that words its own "missing" message when a required option is
/// left out, because its message predates declared arguments and says how to
/// make one (`'demand' must be a distribution such as dist.normal(50, 8) or
/// dist.poisson(6), got nothing`). Decoding asks it after the table's other
/// checks (unknown names first), instead of validation's "option 'demand' is
/// required"; the option is still shown as required in the signature line and the stubs.
protocol LuaArgumentMissingMessage {
    /// The error for option `name` left out. An unnamed ScriptError: the
    /// trampoline prefixes the function's name, as the owner was before.
    static func missingOption(_ name: String) -> ScriptError
}
