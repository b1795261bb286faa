import LuaBridge

extension SignatureText {
    /// The stub types of a function with other ways to call it (`dist.negbin(size, prob)` or `dist.negbin{ mean =, sd = }`).
    static func types<Arguments: LuaArguments>(
        _ arguments: Arguments.Type, returns: [LuaReturn], or alternatives: [LuaSignature]
    )
        -> LuaSignature
    {
        let first = types(arguments, returns: returns)
        return LuaSignature(first.parameters, namedReturns: first.returns, or: alternatives)
    }
}
