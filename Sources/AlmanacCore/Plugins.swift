/// The plugin contract, independent of Lua: what a plugin declares about itself.

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
            return [("intervals", "gives prediction intervals"), ("samples", "gives sample paths"),
                    ("seasonal", "models seasonality"), ("exogenous", "uses covariates"),
                    ("intermittent", "suits intermittent demand"), ("non_negative", "can keep forecasts >= 0")]
        case .cost:
            return [("parts", "reports the cost's components"), ("integer", "decision is a whole number")]
        case .optimizer:
            return [("scalar", "minimizes over one variable"), ("multivariate", "minimizes over several"),
                    ("bounds", "respects lower and upper bounds"), ("requires_bounds", "needs bounds"),
                    ("derivative_free", "needs no gradient"), ("noisy", "tolerates noisy objectives"),
                    ("integer", "searches whole numbers only")]
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

public enum PluginSource: Sendable, Equatable, CustomStringConvertible {
    case native
    case lua(file: String, line: Int)

    public var description: String {
        switch self {
        case .native: return "native"
        case .lua(let file, let line): return "\(file):\(line)"
        }
    }
}

public struct PluginDescriptor: Sendable, Equatable {
    public var name: String
    public var kind: PluginKind
    public var version: String
    public var summary: String
    /// Longer text for the reference (optional).
    public var doc: String?
    public var parameters: [ParameterSpec]
    public var capabilities: [String]
    /// For costs: the decision variables, in order ("order_quantity", ...).
    public var decision: [String]
    public var source: PluginSource
    public var author: String?
    public var license: String?
    public var homepage: String?
    /// A short Lua snippet that uses the plugin.
    public var example: String?

    public init(name: String, kind: PluginKind, version: String, summary: String, doc: String? = nil,
                parameters: [ParameterSpec] = [], capabilities: [String] = [], decision: [String] = [],
                source: PluginSource = .native, author: String? = nil, license: String? = nil,
                homepage: String? = nil, example: String? = nil) {
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
        let validName = name.first.map { $0.isLetter && $0.isLowercase } == true
            && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" }
        guard validName else {
            throw ParameterError("plugin name '\(name)' must be lower case letters, digits and '_', starting with a letter")
        }
        guard !version.isEmpty else { throw ParameterError("plugin '\(name)': 'version' is required (e.g. \"1.0.0\")") }
        guard !summary.isEmpty else { throw ParameterError("plugin '\(name)': 'summary' is required (one line)") }
        let known = kind.knownCapabilities.map(\.name)
        for capability in capabilities where !known.contains(capability) {
            var message = "plugin '\(name)': unknown capability '\(capability)' for a \(kind.rawValue)"
            if let guess = closestMatch(to: capability, in: known) { message += " (did you mean '\(guess)'?)" }
            else { message += "; known: " + known.joined(separator: ", ") }
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
