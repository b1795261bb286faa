import AlmanacCore
import Forecasting
import LuaBridge
import Optimization

/// What a cost plugin returns: the total and, where it can, its parts.
public struct CostValue: Sendable, Equatable {
    public var total: Double
    public var parts: [(name: String, value: Double)]

    public init(total: Double, parts: [(name: String, value: Double)] = []) {
        self.total = total
        self.parts = parts
    }

    public static func == (a: CostValue, b: CostValue) -> Bool {
        a.total == b.total && a.parts.map(\.name) == b.parts.map(\.name) && a.parts.map(\.value) == b.parts.map(\.value)
    }
}

/// Where an optimizer starts: a point, a box, or both.
public struct OptimizerStart {
    public var point: [Double]?
    public var lower: [Double]?
    public var upper: [Double]?

    public init(point: [Double]? = nil, lower: [Double]? = nil, upper: [Double]? = nil) {
        self.point = point
        self.lower = lower
        self.upper = upper
    }

    /// Variables in the problem, from whichever is given.
    public var dimension: Int { point?.count ?? lower?.count ?? upper?.count ?? 0 }
}

public typealias NativeCost = ([Double], ParameterSet) throws -> CostValue
public typealias NativeOptimizer = (@escaping ([Double]) throws -> Double, OptimizerStart, ParameterSet) throws ->
    OptimizationResult

/// How a plugin runs: Swift code, or the Lua functions it registered.
public enum PluginImplementation {
    case nativeCost(NativeCost)
    case nativeOptimizer(NativeOptimizer)
    /// A forecasting model written in Swift (the Forecasting module's catalog).
    case nativeModel(ModelDefinition)
    /// The kind's functions by name ("cost", or "fit" and "forecast", or "minimize").
    case lua([String: LuaReference])
}

public struct RegisteredPlugin {
    public let descriptor: PluginDescriptor
    public let implementation: PluginImplementation
}

/// The single source of plugins: lookup, listing, `almanac plugins`, the
/// generated reference and parameter checks all read from here. Native and
/// Lua plugins are stored alike.
public final class PluginRegistry {
    private var plugins: [String: RegisteredPlugin] = [:]

    public init() {}

    public func register(_ descriptor: PluginDescriptor, _ implementation: PluginImplementation) throws(ParameterError)
    {
        try descriptor.validateDeclaration()
        if let existing = plugins[descriptor.name] {
            throw ParameterError("plugin '\(descriptor.name)' is already registered (\(existing.descriptor.source))")
        }
        plugins[descriptor.name] = RegisteredPlugin(descriptor: descriptor, implementation: implementation)
    }

    /// All plugins, or those of one kind, sorted by name.
    public func list(kind: PluginKind? = nil) -> [RegisteredPlugin] {
        plugins.values.filter { kind == nil || $0.descriptor.kind == kind }.sorted {
            $0.descriptor.name < $1.descriptor.name
        }
    }

    public func plugin(named name: String) -> RegisteredPlugin? { plugins[name] }

    /// The plugin called `name`, of `kind` if given; the error says what exists.
    public func lookup(_ name: String, kind: PluginKind? = nil) throws(ParameterError) -> RegisteredPlugin {
        if let found = plugins[name] {
            if let kind, found.descriptor.kind != kind {
                throw ParameterError("'\(name)' is a \(found.descriptor.kind.rawValue) plugin, not a \(kind.rawValue)")
            }
            return found
        }
        let candidates = list(kind: kind).map(\.descriptor.name)
        var message = "no \(kind?.rawValue ?? "plugin") named '\(name)'"
        if let guess = closestMatch(to: name, in: candidates) {
            message += " (did you mean '\(guess)'?)"
        } else if !candidates.isEmpty {
            message += "; there are: " + candidates.joined(separator: ", ")
        }
        throw ParameterError(message)
    }
}

extension PluginRegistry {
    /// `lookup` for native functions: the error becomes a script error.
    func find(_ name: String, kind: PluginKind? = nil) throws(ScriptError) -> RegisteredPlugin {
        do { return try lookup(name, kind: kind) } catch { throw ScriptError(error.message) }
    }
}
