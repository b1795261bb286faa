import LuaBridge
import Testing

@testable import Workbench

/// Every example shown in the reference (module functions and plugins) runs
/// without error, so the docs cannot show code that no longer works.
@Suite struct DocumentedExamplesTests {
    @Test func everyModuleFunctionHasARunnableExample() throws {
        for module in ScriptHost.moduleSpecs() {
            for function in module.functions where module.name != "math" {
                let example = try #require(function.example, "\(module.name).\(function.name) has no example")
                let host = try makeHost()
                do {
                    try host.runChunk(example, chunkName: "=[\(module.name).\(function.name) example]")
                } catch {
                    Issue.record("\(module.name).\(function.name) example fails: \(error.message)")
                }
            }
        }
    }

    @Test func everyPluginExampleRuns() throws {
        let plugins = try makeHost().registry.list()
        for plugin in plugins {
            let example = try #require(plugin.descriptor.example, "\(plugin.descriptor.name) has no example")
            let host = try makeHost()
            do {
                try host.runChunk(example, chunkName: "=[\(plugin.descriptor.name) example]")
            } catch {
                Issue.record("\(plugin.descriptor.name) example fails: \(error.message)")
            }
        }
    }
}
