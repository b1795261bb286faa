import AlmanacCore
import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// The editor stubs (stubs/almanac.lua): valid Lua, complete, every type they
/// name declared, and the typed declarations they come from in step with the
/// signatures the reference shows and the methods the types register.
@Suite struct EditorStubsTests {
    @Test func theStubsAreLuaThatLoads() throws {
        let text = LuaStubs.text(registry: try makeHost().registry)
        let state = try LuaState()
        // Loaded, not run: the syntax is checked by the real Lua 5.4.
        #expect(throws: Never.self) { try state.load(text, chunkName: "=stubs/almanac.lua") }
        #expect(text.hasPrefix("---@meta\n"))
    }

    @Test func theStubsCoverEveryModuleFunctionTypeAndPlugin() throws {
        let host = try makeHost()
        let text = LuaStubs.text(registry: host.registry)
        for module in ScriptHost.moduleSpecs() {
            for function in module.functions {
                let declared =
                    StubWriter.standardLibraries.contains(module.name)
                    ? text.contains("\(module.name).\(function.name)")
                    : text.contains("\nfunction \(module.name).\(function.name)(")
                #expect(declared, "\(module.name).\(function.name)")
            }
        }
        for type in ScriptTypes.classes {
            #expect(text.contains("\n---@class \(type.name)\n"), "\(type.name)")
            for method in type.methods {
                #expect(text.contains("\nfunction \(type.name):\(method.name)("), "\(type.name):\(method.name)")
            }
        }
        for plugin in host.registry.list().map(\.descriptor) {
            #expect(text.contains("\n---| \"\(plugin.name)\" # "), "\(plugin.name) in its kind's alias")
            #expect(text.contains("\n---@class almanac.params.\(plugin.name)\n"), "\(plugin.name)'s parameter class")
        }
        #expect(text.contains("---@overload fun(name: \"ets\", series: Series|number[], params?: almanac.params.ets, "))
        #expect(text.contains("\n---@field model? string error, trend, season: each of N, A, M, Z"))
        #expect(text.contains("---| \"eoq_backorder_cost\" # "), "Lua plugins from plugins/ are covered too")
    }

    @Test func everyTypeTheStubsNameIsDeclared() throws {
        #expect(LuaStubs.undefinedNames(registry: try makeHost().registry) == [])
    }

    @Test func everyFunctionAndMethodDeclaresItsTypes() {
        for module in ScriptHost.moduleSpecs() {
            for function in module.functions {
                #expect(function.types != nil, "\(module.name).\(function.name) has no types")
            }
        }
        for type in ScriptTypes.classes {
            for method in type.methods { #expect(method.types != nil, "\(type.name):\(method.name) has no types") }
            #expect(type.callable == (type.callTypes != nil), "\(type.name): calling it and its call types go together")
            #expect(
                type.indexable == (type.indexTypes != nil), "\(type.name): indexing it and its index types go together")
            let arithmetic = type.metamethods.filter { StubOperators.arithmetic.contains($0) }.map {
                String($0.dropFirst(2))
            }
            #expect(
                arithmetic.sorted() == type.operators.map(\.name).sorted(), "\(type.name): operators and their types")
        }
    }

    /// Every userdata type the reference's examples meet is documented (and so in the stubs).
    @Test func everyUserdataTypeScriptsGetIsDocumented() throws {
        var met: Set<String> = []
        for module in ScriptHost.moduleSpecs() where module.name != "math" {
            for function in module.functions {
                guard let example = function.example else { continue }
                let host = try makeHost()
                _ = try? host.runChunk(example, chunkName: "=[\(module.name).\(function.name) example]")
                met.formUnion(host.state.userdataTypeNames)
            }
        }
        let documented = Set(ScriptTypes.classes.map(\.name))
        #expect(met.subtracting(documented).isEmpty, "undocumented: \(met.subtracting(documented).sorted())")
        #expect(
            met.isSuperset(of: [
                "Series", "Panel", "Distribution", "Cost", "FittedModel", "Forecast", "FittedPanel", "Chart",
            ]))
    }

    @Test func theRegisterTableTypeHasTheFieldsRegistrationAccepts() {
        func fieldNames(_ type: LuaType) -> Set<String> {
            if case .shape(let record) = type { return Set(record.fields.map(\.name)) }
            return []
        }
        let functions = PluginKind.allCases.flatMap { $0.requiredFunctions + $0.optionalFunctions }
        #expect(fieldNames(LuaPluginRegistration.definitionType) == Set(LuaPluginRegistration.commonFields + functions))
        #expect(fieldNames(LuaPluginRegistration.parameterDeclarationType) == Set(LuaPluginRegistration.specFields))
    }
}

/// The metamethods that need a `---@operator` type.
enum StubOperators {
    static let arithmetic: Set<String> = [
        "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv", "__concat",
    ]
}
