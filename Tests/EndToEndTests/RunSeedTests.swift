import Foundation
import Testing

/// `almanac run` honours a notebook header's seed, so a notebook run as a script prints
/// the numbers its report shows (docs/reports.md); --seed still wins.
@Suite struct RunSeedTests {
    static let notebook = """
        -- ---
        -- title: Seeded
        -- seed: 6
        -- ---

        -- %% Draw
        print(("draw %.15f"):format(math.random()))
        print(("sample %.15f"):format(dist.normal(0, 1):sample(1)[1]))

        """

    func write(_ text: String) -> (folder: String, script: String) {
        let folder = temporaryFolder("runseed")
        writeFile(folder + "/nb.lua", text)
        return (folder, folder + "/nb.lua")
    }

    @Test func runUsesTheHeaderSeedAsRenderDoes() throws {
        let (folder, script) = write(Self.notebook)
        let plain = try almanac(["run", "-o", folder, script])
        let seeded = try almanac(["run", "--seed", "6", "-o", folder, script])
        let unseeded = try almanac(["run", "--seed", "0", "-o", folder, script])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout == seeded.stdout)
        #expect(plain.stdout != unseeded.stdout)
        // The report shows the very numbers run printed.
        let rendered = try almanac(["render", script, "--format", "md", "-o", folder + "/nb.md"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let report = try String(contentsOfFile: folder + "/nb.md", encoding: .utf8)
        for line in plain.stdout.split(separator: "\n") {
            #expect(report.contains(line), "\(line) is not in the report")
        }
    }

    @Test func anExplicitSeedWinsOverTheHeader() throws {
        let (folder, script) = write(Self.notebook)
        let header = try almanac(["run", "-o", folder, script])
        let explicit = try almanac(["run", "--seed", "7", "-o", folder, script])
        let seven = try almanac(
            ["run", "-o", folder, "-"], stdin: Self.notebook.replacingOccurrences(of: "seed: 6", with: "seed: 7"))
        #expect(explicit.status == 0 && seven.status == 0)
        #expect(explicit.stdout != header.stdout)
        #expect(explicit.stdout == seven.stdout)  // a header read from standard input counts too
    }

    @Test func aScriptWithoutAHeaderStillStartsFromSeedZero() throws {
        let (folder, script) = write("print(math.random())\n")
        let plain = try almanac(["run", "-o", folder, script])
        let zero = try almanac(["run", "--seed", "0", "-o", folder, script])
        #expect(plain.status == 0 && plain.stdout == zero.stdout)
    }

    @Test func aBadHeaderStopsRunAsItStopsRender() throws {
        let (folder, script) = write("-- ---\n-- seed: six\n-- ---\nprint('ran')\n")
        let r = try almanac(["run", "-o", folder, script])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.contains("nb.lua:2: seed must be a whole number"), "\(r.stderr)")
    }
}
