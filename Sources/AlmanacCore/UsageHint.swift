/// Advice a domain message gives about what to do next, in plain words.
///
/// Domain modules are used from Swift as well as from Lua, so their messages
/// name no front end's syntax. A front end with its own way of saying the
/// advice (the Lua binding writes `s:fill_gaps("linear")`) finds `plainText`
/// in a message, wherever composition put it (an ensemble lists every member's
/// failure), and replaces it with its own words. Each case's text is unique
/// and not part of another's, so the replacement is unambiguous.
public enum UsageHint: Sendable, Equatable, CustomStringConvertible {
    /// Missing values must be filled before this operation.
    case fillGaps
    /// An example of a value of `ParameterType.distribution`.
    case exampleDistribution
    /// A regression covariate the data lacks, and how to supply it.
    case passCovariate(name: String)

    /// The advice in plain English, a fragment a message embeds; front ends look for this exact text
    /// to replace it with their own.
    public var plainText: String {
        switch self {
        case .fillGaps: return "fill them first, e.g. by linear interpolation"
        case .exampleDistribution: return "a distribution such as a normal with mean 50 and sd 8"
        case .passCovariate(let name): return "Pass it as covariate '\(name)' with the data"
        }
    }

    /// The same text as `plainText`.
    public var description: String { plainText }
}
