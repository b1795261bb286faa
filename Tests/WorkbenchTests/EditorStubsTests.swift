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
                let declared = StubWriter.standardLibraries.contains(module.name)
                    ? text.contains("\(module.name).\(function.name)")
                    : text.contains("\nfunction \(module.name).\(function.name)(")
                #expect(declared, "\(module.name).\(function.name)")
            }
        }
        for type in ScriptTypes.classes {
            #expect(text.contains("\n---@class \(type.name)\n"), "\(type.name)")
            for method in type.methods { #expect(text.contains("\nfunction \(type.name):\(method.name)("), "\(type.name):\(method.name)") }
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
            for function in module.functions { #expect(function.types != nil, "\(module.name).\(function.name) has no types") }
        }
        for type in ScriptTypes.classes {
            for method in type.methods { #expect(method.types != nil, "\(type.name):\(method.name) has no types") }
            #expect(type.callable == (type.callTypes != nil), "\(type.name): calling it and its call types go together")
            #expect(type.indexable == (type.indexTypes != nil), "\(type.name): indexing it and its index types go together")
            let arithmetic = type.metamethods.filter { StubOperators.arithmetic.contains($0) }.map { String($0.dropFirst(2)) }
            #expect(arithmetic.sorted() == type.operators.map(\.name).sorted(), "\(type.name): operators and their types")
        }
    }

    /// The argument names a signature shows are the typed parameters' names, in order.
    @Test func typedParametersMatchTheSignaturesShown() {
        var checked = 0
        for module in ScriptHost.moduleSpecs() {
            for function in module.functions {
                checked += expectAgreement(function.signature, function.types, "\(module.name).\(function.name)")
            }
        }
        for type in ScriptTypes.classes {
            for method in type.methods { checked += expectAgreement(method.signature, method.types, "\(type.name):\(method.name)") }
        }
        #expect(checked > 100)
    }

    private func expectAgreement(_ signature: String, _ types: LuaSignature?, _ name: String) -> Int {
        guard let types else { return 0 }
        let shown = SignatureArguments.names(signature)
        let candidates = [types] + types.alternatives
        let matches = candidates.contains { candidate in
            candidate.parameters.count == shown.count
                && zip(candidate.parameters, shown).allSatisfy { typed, shownName in shownName == nil || shownName == typed.name }
        }
        #expect(matches, "\(name): \(signature) shows \(shown.map { $0 ?? "{...}" }), typed \(candidates.map { $0.parameters.map(\.name) })")
        return 1
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
        #expect(met.isSuperset(of: ["Series", "Panel", "Distribution", "Cost", "FittedModel", "Forecast", "FittedPanel", "Chart"]))
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
    static let arithmetic: Set<String> = ["__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv", "__concat"]
}

/// The argument names a human-written signature shows: `f(a, b [, { x = }])`
/// gives a, b and nil (a table written out); `f{ ... }` one table.
enum SignatureArguments {
    static func names(_ signature: String) -> [String?] {
        guard let open = signature.firstIndex(where: { $0 == "(" || $0 == "{" }) else { return [] }
        if signature[open] == "{" { return [nil] }
        var depth = 0
        var current = ""
        var arguments: [String] = []
        for character in signature[signature.index(after: open)...] {
            switch character {
            case "(", "{": depth += 1
            case ")" where depth == 0:
                arguments.append(current)
                return arguments.compactMap(clean)
            case ")", "}": depth -= 1
            case "," where depth == 0:
                arguments.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        return arguments.compactMap(clean)
    }

    /// `[, options]` → "options"; `{ ... }` → nil (an unnamed table); empty → dropped.
    private static func clean(_ argument: String) -> String?? {
        let text = argument.filter { $0 != "[" && $0 != "]" }.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .none }
        if text.hasPrefix("{") { return .some(nil) }
        return .some(text)
    }
}
