/// The plugin contract, independent of Lua: what a plugin declares about itself.

/// What a plugin does; it fixes the functions a Lua plugin must provide and the capabilities it may claim.
public enum PluginKind: String, Sendable, CaseIterable {
    /// fit(series, params) → fitted state; forecast(fitted, h, levels).
    case model
    /// cost(decision, params) → number, optionally with its parts.
    case cost
    /// minimize(f, start, params) → x, f(x), iterations, evaluations, convergence.
    case optimizer

    /// Capabilities a plugin of this kind may declare, with what each promises.
    public var knownCapabilities: [(name: String, meaning: String)] {
        switch self {
        case .model:
            return [
                ("intervals", "gives prediction intervals"), ("samples", "gives sample paths"),
                ("seasonal", "models seasonality"), ("exogenous", "uses covariates"),
                ("intermittent", "suits intermittent demand"), ("non_negative", "can keep forecasts >= 0"),
            ]
        case .cost:
            return [("parts", "reports the cost's components"), ("integer", "decision is a whole number")]
        case .optimizer:
            return [
                ("scalar", "minimizes over one variable"), ("multivariate", "minimizes over several"),
                ("bounds", "respects lower and upper bounds"), ("requires_bounds", "needs bounds"),
                ("derivative_free", "needs no gradient"), ("noisy", "tolerates noisy objectives"),
                ("integer", "searches whole numbers only"),
            ]
        }
    }

    /// Functions a Lua plugin of this kind may also provide.
    public var optionalFunctions: [String] {
        switch self {
        case .model: return ["sample", "apply"]
        case .cost, .optimizer: return []
        }
    }

    /// The functions a Lua plugin of this kind must provide.
    public var requiredFunctions: [String] {
        switch self {
        case .model: return ["fit", "forecast"]
        case .cost: return ["cost"]
        case .optimizer: return ["minimize"]
        }
    }
}

/// Where a plugin was defined, shown by `almanac plugins`, in the reference and in "already registered" errors.
public enum PluginSource: Sendable, Equatable, CustomStringConvertible {
    /// Compiled into Almanac, written in Swift.
    case native
    /// Registered by a Lua script: the script's path and the 1-based line of the registering call.
    case lua(file: String, line: Int)

    /// "native", or "file:line" for a Lua plugin.
    public var description: String {
        switch self {
        case .native: return "native"
        case .lua(let file, let line): return "\(file):\(line)"
        }
    }
}

/// Everything a plugin declares about itself, native or Lua alike: the registry validates it, and
/// `almanac plugins` and the generated reference print it.
public struct PluginDescriptor: Sendable, Equatable {
    /// The plugin's registered name, unique across all kinds: lower-case letters, digits and "_", starting
    /// with a letter ("eoq_cost", "brent").
    public var name: String
    /// What the plugin is (model, cost or optimizer), which decides how it is called.
    public var kind: PluginKind
    /// The plugin's own version, free text but required ("1.0.0").
    public var version: String
    /// One required line without a final period, for listings and the reference
    /// ("EOQ total cost per unit time, ...").
    public var summary: String
    /// Longer text for the reference (optional).
    public var doc: String?
    /// The options the plugin accepts, each name declared once; a script passing any other is refused.
    public var parameters: [ParameterSpec]
    /// The capabilities the plugin claims, each one of `kind.knownCapabilities` ("intervals", "parts").
    public var capabilities: [String]
    /// For costs: the decision variables, in order ("order_quantity", ...).
    public var decision: [String]
    /// Where the plugin was defined: native Swift, or a Lua file and line.
    public var source: PluginSource
    /// Who wrote the plugin, free text, if declared.
    public var author: String?
    /// The plugin's license, free text (e.g. "MIT"), if declared.
    public var license: String?
    /// A URL for the plugin's documentation or source, if declared.
    public var homepage: String?
    /// A short Lua snippet that uses the plugin.
    public var example: String?

    /// A descriptor with the required name, kind, version and summary; the rest is optional. Nothing is
    /// checked here: `PluginRegistry.register` calls `validateDeclaration()`.
    public init(
        name: String, kind: PluginKind, version: String, summary: String, doc: String? = nil,
        parameters: [ParameterSpec] = [], capabilities: [String] = [], decision: [String] = [],
        source: PluginSource = .native, author: String? = nil, license: String? = nil,
        homepage: String? = nil, example: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.version = version
        self.summary = summary
        self.doc = doc
        self.parameters = parameters
        self.capabilities = capabilities
        self.decision = decision
        self.source = source
        self.author = author
        self.license = license
        self.homepage = homepage
        self.example = example
    }

    /// Checks the declaration itself: a usable name, a version, known
    /// capabilities, parameters declared once with defaults of their own type.
    public func validateDeclaration() throws(ParameterError) {
        let validName =
            name.first.map { $0.isLetter && $0.isLowercase } == true
            && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" }
        guard validName else {
            throw ParameterError(
                "plugin name '\(name)' must be lower case letters, digits and '_', starting with a letter")
        }
        guard !version.isEmpty else { throw ParameterError("plugin '\(name)': 'version' is required (e.g. \"1.0.0\")") }
        guard !summary.isEmpty else { throw ParameterError("plugin '\(name)': 'summary' is required (one line)") }
        let known = kind.knownCapabilities.map(\.name)
        for capability in capabilities where !known.contains(capability) {
            var message = "plugin '\(name)': unknown capability '\(capability)' for a \(kind.rawValue)"
            if let guess = closestMatch(to: capability, in: known) {
                message += " (did you mean '\(guess)'?)"
            } else {
                message += "; known: " + known.joined(separator: ", ")
            }
            throw ParameterError(message)
        }
        var seen: Set<String> = []
        for p in parameters {
            guard seen.insert(p.name).inserted else {
                throw ParameterError("plugin '\(name)': parameter '\(p.name)' is declared twice")
            }
            if let d = p.defaultValue {
                _ = try p.check(d, owner: "plugin '\(name)': default of")
            }
        }
    }
}
