import Foundation
import Testing

/// The layering docs/architecture.md ("Layers") promises, checked on the
/// source tree: only LuaBridge touches the Lua C API, and LuaBridge knows
/// neither the plugin contract nor any domain module.
@Suite struct LayerBoundaryTests {
    /// Sources/, found from this file's path (Tests/LuaBridgeTests/…).
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under Sources/ with the modules it imports.
    static func imports() throws -> [(file: String, module: String, imported: String)] {
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: sources.path) else { return [] }
        var found: [(String, String, String)] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            let module = String(path.split(separator: "/").first ?? "")
            let text = try String(contentsOfFile: sources.appendingPathComponent(path).path, encoding: .utf8)
            for line in text.split(separator: "\n")
            where line.hasPrefix("import ") || line.hasPrefix("@_exported import ") {
                found.append((path, module, String(line.split(separator: " ").last ?? "")))
            }
        }
        return found
    }

    @Test func onlyLuaBridgeImportsTheLuaCAPI() throws {
        let all = try Self.imports()
        #expect(all.count > 100, "the source tree was not found at \(Self.sources.path)")
        let outside = all.filter { $0.imported == "CLua" && $0.module != "LuaBridge" && $0.module != "CLua" }
        #expect(outside.isEmpty, "import CLua outside LuaBridge: \(outside.map(\.file))")
    }

    @Test func luaBridgeDependsOnNoDomainModule() throws {
        let allowed: Set = ["CLua", "Foundation", "Suggestions"]
        let bridge = try Self.imports().filter { $0.module == "LuaBridge" && !allowed.contains($0.imported) }
        #expect(bridge.isEmpty, "LuaBridge imports \(bridge.map { "\($0.imported) in \($0.file)" })")
    }
}
