import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// A model plugin with its options set: what forecast.fit, fit_many, backtest
/// and forecast.load work with. Native or Lua, it is one `Forecaster`.
struct ModelHandle {
    let plugin: RegisteredPlugin
    let forecaster: any Forecaster
    /// The options as given (the plain values among them), for saving.
    let options: [String: ParameterValue]

    var name: String { plugin.descriptor.name }

    /// The model `name` with options given from Lua.
    init(_ name: String, options: [String: LuaValue], context: HostContext) throws {
        var values: [String: ParameterValue] = [:]
        for (key, value) in options { if let v = value.parameterValue { values[key] = v } }
        try self.init(name, values: values, lua: options, context: context)
    }

    /// The model `name` with options as plain values (a saved model's, an ensemble member's).
    init(_ name: String, parameterOptions: [String: ParameterValue], context: HostContext) throws {
        try self.init(
            name, values: parameterOptions, lua: parameterOptions.mapValues { LuaValue($0) }, context: context)
    }

    /// A native model is configured from `values`; a Lua model's functions receive `lua`, checked.
    private init(_ name: String, values: [String: ParameterValue], lua: [String: LuaValue], context: HostContext) throws
    {
        plugin = try context.registry.find(name, kind: .model)
        options = values
        switch plugin.implementation {
        case .nativeModel(let definition):
            do { forecaster = try definition.configure(values, resolver: context.modelResolver) } catch {
                throw ScriptError.named(error.message)
            }
        case .lua(let functions):
            let (_, checked) = try validateOptions(lua, against: plugin.descriptor.parameters, owner: name)
            forecaster = LuaForecaster(name: name, functions: functions, params: checked, context: context)
        default:
            throw ScriptError("'\(name)' is not a model")
        }
    }

    /// Fits `data`, raising the model's error in Lua.
    func fit(_ data: ModelData) throws -> any FittedModel {
        do { return try forecaster.fit(data) } catch { throw error.scriptError() }
    }
}

extension HostContext {
    /// Resolves a combination's members (ensemble, auto) through the plugin
    /// registry, so a member may be any model plugin, one written in Lua too.
    var modelResolver: ModelResolver {
        let box = UncheckedContext(context: self)
        return ModelResolver(
            names: { box.context.registry.list(kind: .model).map(\.descriptor.name) },
            takesOption: { name, option in
                box.context.registry.plugin(named: name)?.descriptor.parameters.contains { $0.name == option } ?? false
            },
            configure: { name, options throws(ForecastError) in
                guard let plugin = box.context.registry.plugin(named: name), plugin.descriptor.kind == .model else {
                    return nil
                }
                if case .nativeModel(let definition) = plugin.implementation {
                    return try definition.configure(options, resolver: box.context.modelResolver)
                }
                do {
                    return try ModelHandle(name, parameterOptions: options, context: box.context).forecaster
                } catch let error as ScriptError {
                    throw ForecastError(error.message)
                } catch {
                    throw ForecastError("\(error)")
                }
            })
    }
}

/// The host context inside a resolver, which must be Sendable: it is only called
/// while configuring a model, on the script's thread.
private struct UncheckedContext: @unchecked Sendable {
    let context: HostContext
}
