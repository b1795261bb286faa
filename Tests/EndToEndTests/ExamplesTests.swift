import Foundation
import Testing

/// Every script in examples/ runs and exits 0: the examples in the docs stay true.
@Suite struct ExamplesTests {
    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/examples")) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted()
    }()

    @Test(arguments: scripts)
    func exampleRuns(_ name: String) throws {
        let r = try almanac(["run", "--timeout", "120", "-o", temporaryFolder("example"), "examples/" + name])
        #expect(r.status == 0, "examples/\(name) failed:\n\(r.stderr)")
    }

    @Test func thereAreExamples() {
        #expect(!Self.scripts.isEmpty)
    }
}
