/// Typed, documented parameters: what every plugin declares and what the
/// registry checks before a plugin runs.

/// The type an option is declared with; the raw value is how the reference names it ("number[]").
public enum ParameterType: String, Sendable, CaseIterable {
    /// Scalars: a number (whole ones accepted and stored as `.number`), a whole number (a whole `.number`
    /// is accepted and stored as `.integer`), a string, and true or false.
    case number, integer, string, boolean
    /// An array of numbers; a lone number (or whole number) is accepted and wrapped in a one-item array.
    case numbers = "number[]"
    /// An array of strings; a lone string is accepted and wrapped in a one-item array.
    case strings = "string[]"
    /// Any Lua table (arrays of numbers or strings included) or a Lua function, passed through unread.
    case table, function
    /// A demand distribution object (normal, Poisson, ...).
    case distribution
    /// Anything at all (the plugin checks it).
    case any

    /// How a value of this type is described in messages ("a number").
    public var phrase: String {
        switch self {
        case .number: return "a number"
        case .integer: return "a whole number"
        case .string: return "a string"
        case .boolean: return "true or false"
        case .numbers: return "an array of numbers"
        case .strings: return "an array of strings"
        case .table: return "a table"
        case .function: return "a function"
        case .distribution: return UsageHint.exampleDistribution.plainText
        case .any: return "any value"
        }
    }
}

/// A parameter value, independent of Lua. Tables and functions meant for Lua
/// plugins pass through untouched as `.opaque`.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    /// A floating-point number (a Lua float); validation stores every value of a `.number` option this way.
    case number(Double)
    /// A whole number (a Lua integer); validation stores every value of an `.integer` option this way.
    case integer(Int)
    /// A string, stored without quotes (`description` adds them).
    case string(String)
    /// A boolean (Lua true or false).
    case boolean(Bool)
    /// An array of numbers, in order; from Lua, only a non-empty array whose items are all numbers.
    case numbers([Double])
    /// An array of strings, in order; from Lua, only a non-empty array whose items are all strings.
    case strings([String])
    /// A value Swift does not read, named by its Lua type ("table", "function") or class ("Distribution").
    case opaque(typeName: String)

    /// The value as a script would write it: 1300, 0.225, "ets", {1, 2.5}, true; an opaque one as "a table".
    public var description: String {
        switch self {
        case .number(let x): return formatNumber(x)
        case .integer(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        case .boolean(let b): return String(b)
        case .numbers(let xs): return "{" + xs.map(formatNumber).joined(separator: ", ") + "}"
        case .strings(let xs): return "{" + xs.map { "\"\($0)\"" }.joined(separator: ", ") + "}"
        case .opaque(let t): return "a \(t)"
        }
    }

    /// What a user passed, for messages ("a string", "a table").
    var kindPhrase: String {
        switch self {
        case .number, .integer: return "a number"
        case .string: return "a string"
        case .boolean: return "a boolean"
        case .numbers: return "an array of numbers"
        case .strings: return "an array of strings"
        case .opaque(let t): return "a \(t)"
        }
    }
}

/// Numbers as users write them: 0.225, 1300, 1e-08.
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}

/// Allowed numeric range; bounds may be open ("> 0") or closed (">= 0").
public struct ParameterRange: Sendable, Equatable {
    /// The lower bound, or nil when there is none.
    public var lower: Double?
    /// Whether `lower` itself is allowed (">= lower") or excluded ("> lower"); ignored when `lower` is nil.
    public var lowerInclusive: Bool
    /// The upper bound, or nil when there is none.
    public var upper: Double?
    /// Whether `upper` itself is allowed ("<= upper") or excluded ("< upper"); ignored when `upper` is nil.
    public var upperInclusive: Bool

    /// A range with the given bounds, each absent and closed by default (`ParameterRange()` admits all but NaN).
    public init(lower: Double? = nil, lowerInclusive: Bool = true, upper: Double? = nil, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// x > 0, for quantities that must be strictly positive (a cost per order, a demand rate).
    public static let positive = ParameterRange(lower: 0, lowerInclusive: false)
    /// x ≥ 0, for quantities that may be zero (a lead time, a holding cost).
    public static let nonNegative = ParameterRange(lower: 0)
    /// 0 < x < 1, for probabilities and fractions that exclude both ends (a service level).
    public static let unitOpen = ParameterRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false)

    /// Whether x satisfies both bounds; NaN is never contained.
    public func contains(_ x: Double) -> Bool {
        if x.isNaN { return false }
        if let lower, lowerInclusive ? x < lower : x <= lower { return false }
        if let upper, upperInclusive ? x > upper : x >= upper { return false }
        return true
    }

    /// "> 0", ">= 1 and <= 100".
    public var description: String {
        var parts: [String] = []
        if let lower { parts.append((lowerInclusive ? ">= " : "> ") + formatNumber(lower)) }
        if let upper { parts.append((upperInclusive ? "<= " : "< ") + formatNumber(upper)) }
        return parts.joined(separator: " and ")
    }
}

/// One option a plugin or built-in function declares: its name, type, default, constraints and meaning.
/// A list of them checks what a script passes (`validate(_:for:)`) and documents it.
public struct ParameterSpec: Sendable, Equatable {
    /// The largest magnitude a whole-number option may have unless its range
    /// says otherwise: 2³¹ − 1. Seeds are exempt: they are 64-bit and size nothing.
    public static let largestWholeNumber: UInt = 2_147_483_647

    /// The option's key as a script writes it in its options table ("service_level"); unique within its list.
    public var name: String
    /// The type a given value must have (see `ParameterType` for the conversions validation applies).
    public var type: ParameterType
    /// The value used when the option is not given, or nil to leave the option out of the `ParameterSet`.
    public var defaultValue: ParameterValue?
    /// Whether leaving the option out is an error; a required option's `defaultValue` is never used.
    public var required: Bool
    /// Allowed values of a `.number` or `.integer` option and of every item of `.numbers`; nil means any.
    /// With both bounds set it also lifts the ±`largestWholeNumber` limit on whole numbers.
    public var range: ParameterRange?
    /// The allowed values of a `.string` option (a wrong one gets a did-you-mean); nil means any string.
    public var choices: [String]?
    /// The option's meaning as a short phrase without a final period ("K, cost per order placed"),
    /// shown in error messages and in the reference.
    public var doc: String

    /// Declares option `name` of type `type`; the constraints are optional, the one-phrase `doc` is not.
    public init(
        _ name: String, _ type: ParameterType, default defaultValue: ParameterValue? = nil,
        required: Bool = false, range: ParameterRange? = nil, choices: [String]? = nil, doc: String
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.required = required
        self.range = range
        self.choices = choices
        self.doc = doc
    }
}

/// Options or a plugin declaration that failed their checks, or a plugin lookup that failed; the message
/// names the plugin or function ("eoq_cost: option 'fixd_cost' ...").
public struct ParameterError: MessageError {
    /// The complete message, starting with its owner ("eoq_cost: unknown option 'cost' ...").
    public let message: String
    /// An error whose message is exactly `message`.
    public init(_ message: String) { self.message = message }
}

/// Validated parameters with defaults filled in.
public struct ParameterSet: Sendable, Equatable {
    /// Checked values by option name: every option given, plus the defaults of those left out.
    public private(set) var values: [String: ParameterValue]

    /// Wraps values that are already checked and complete; `validate(_:for:)` builds sets this way.
    public init(_ values: [String: ParameterValue]) { self.values = values }

    /// The value of option `name` as stored, or nil when it was neither given nor defaulted.
    public subscript(name: String) -> ParameterValue? { values[name] }

    /// Option `name` as a Double (an integer converted), or nil when it is absent or not a number.
    public func number(_ name: String) -> Double? {
        switch values[name] {
        case .number(let x): return x
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    /// Option `name` as an Int (a number only when exactly whole), or nil when it is absent or not whole.
    public func integer(_ name: String) -> Int? {
        switch values[name] {
        case .integer(let i): return i
        case .number(let x): return Int(exactly: x)
        default: return nil
        }
    }

    /// Option `name` when it holds a string, else nil.
    public func string(_ name: String) -> String? {
        if case .string(let s) = values[name] { return s }
        return nil
    }

    /// Option `name` when it holds a boolean, else nil.
    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let b) = values[name] { return b }
        return nil
    }

    /// Option `name` when it holds an array of strings (validation wraps a lone string), else nil.
    public func strings(_ name: String) -> [String]? {
        if case .strings(let xs) = values[name] { return xs }
        return nil
    }
}

extension Array where Element == ParameterSpec {
    /// Checks `given` against these specs for plugin `owner`: unknown names
    /// (with a did-you-mean), wrong types, values out of range or not among the
    /// choices, missing required ones. Fills in defaults.
    public func validate(_ given: [String: ParameterValue], for owner: String) throws(ParameterError) -> ParameterSet {
        let known = map(\.name)
        for name in given.keys.sorted() where !known.contains(name) {
            var message = "\(owner): unknown option '\(name)'"
            if let guess = closestMatch(to: name, in: known) {
                message += " (did you mean '\(guess)'?)"
            } else if known.isEmpty {
                message += "; it takes no options"
            } else {
                message += "; its options are: " + known.joined(separator: ", ")
            }
            throw ParameterError(message)
        }
        var result: [String: ParameterValue] = [:]
        for spec in self {
            guard let value = given[spec.name] else {
                if spec.required {
                    throw ParameterError(
                        "\(owner): option '\(spec.name)' is required (\(spec.type.phrase): \(spec.doc))")
                }
                if let d = spec.defaultValue { result[spec.name] = d }
                continue
            }
            result[spec.name] = try spec.check(value, owner: owner)
        }
        return ParameterSet(result)
    }
}

extension ParameterSpec {
    func check(_ value: ParameterValue, owner: String) throws(ParameterError) -> ParameterValue {
        func wrongType() -> ParameterError {
            ParameterError("\(owner): option '\(name)' must be \(type.phrase), got \(value.kindPhrase)")
        }
        var checked = value
        switch (type, value) {
        case (.number, .number), (.string, .string), (.boolean, .boolean), (.numbers, .numbers), (.strings, .strings):
            break
        case (.strings, .string(let one)):
            checked = .strings([one])
        case (.numbers, .number(let one)):
            checked = .numbers([one])
        case (.numbers, .integer(let one)):
            checked = .numbers([Double(one)])
        case (.number, .integer(let i)):
            checked = .number(Double(i))
        case (.integer, .integer):
            break
        case (.integer, .number(let x)):
            guard let i = Int(exactly: x) else {
                throw ParameterError("\(owner): option '\(name)' must be a whole number, got \(formatNumber(x))")
            }
            checked = .integer(i)
        case (.numbers, .opaque("table")):
            throw ParameterError("\(owner): option '\(name)' must be an array of numbers")
        case (.strings, .opaque("table")):
            throw ParameterError(
                "\(owner): option '\(name)' must be an array of strings, e.g. { \"price\", \"promo\" }")
        case (.table, .opaque("table")), (.table, .numbers), (.table, .strings), (.function, .opaque("function")),
            (.distribution, .opaque("Distribution")), (.any, _):
            break
        default:
            throw wrongType()
        }
        // Whole-number options are counts, sizes, lags and periods: past ±2³¹ they
        // are mistakes, and keeping them there means a product of two of them
        // can never overflow Int where a size is computed from them.
        if case .integer(let i) = checked, i.magnitude > ParameterSpec.largestWholeNumber, name != "seed",
            range?.upper == nil || range?.lower == nil
        {
            let bound =
                i > 0 ? "at most \(ParameterSpec.largestWholeNumber)" : "at least -\(ParameterSpec.largestWholeNumber)"
            throw ParameterError("\(owner): option '\(name)' must be \(bound), got \(i)")
        }
        if let range {
            let numbers: [Double]
            switch checked {
            case .number(let x): numbers = [x]
            case .integer(let i): numbers = [Double(i)]
            case .numbers(let xs): numbers = xs
            default: numbers = []
            }
            for x in numbers where !range.contains(x) {
                throw ParameterError("\(owner): option '\(name)' must be \(range.description), got \(formatNumber(x))")
            }
        }
        if let choices, case .string(let s) = checked, !choices.contains(s) {
            var message =
                "\(owner): option '\(name)' must be one of " + choices.map { "'\($0)'" }.joined(separator: ", ")
                + ", got '\(s)'"
            if let guess = closestMatch(to: s, in: choices) { message += " (did you mean '\(guess)'?)" }
            throw ParameterError(message)
        }
        return checked
    }
}
