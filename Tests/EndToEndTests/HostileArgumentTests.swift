import Foundation
import Testing

/// Issue 16 §2: each one-liner once killed the process with a Swift trap
/// (SIGILL, exit 132), all under --safe. Each must now end with a clear error
/// (exit 1, a message naming what was wrong) or a result — never a signal.
@Suite("Hostile arguments end in clear errors", .serialized)
struct HostileArgumentTests {
    /// The script, and a fragment its error message must contain (nil: it may succeed).
    static let cases: [(String, String?)] = [
        ("print(dist.poisson(5):loss(1e300))", nil),
        ("print(dist.poisson(1e300):sample(1))", "mean must be at most"),
        ("print(dist.negbin(1e300,0.5):sample(2))", "mean must be at most"),
        ("print(dist.negbin(5,0.5):cdf(1e300))", nil),
        ("print(dist.poisson(5):pdf(1e300))", nil),
        ("local s = series.new{ values = {1,2,3,4,5} }; print(s:diff(math.maxinteger))", "at least"),
        ("local s = series.new{ values = {1,2,3,4,5} }; print(s:diff(2, math.maxinteger))", "at least"),
        (
            "local s = series.new{ values = {1,2,3,4,5,6,7,8,9,10} }; print(s:ljung_box{ lag = math.maxinteger })",
            "at most 2147483647"
        ),
        (
            "local s = series.new{ values = {1,2,3,4,5} }; print(forecast.fit('naive', s):forecast{ h = math.maxinteger })",
            "between 1 and 100000"
        ),
        (
            "local s = series.new{ values = {1,2,3,4,5,6,7,8,9,10,11,12} }; print(forecast.backtest('naive', s, { h = 4611686018427387904, windows = 4 }))",
            "h"
        ),
        (
            "local p = data.panel{ a = series.new{ values = {1,2,3,4,5} } }; print(forecast.fit_many(p, 'naive', {}, { threads = math.maxinteger }))",
            "between 1 and 1024"
        ),
        ("local p = data.synthetic_retail{ skus = 20, periods = 10000 }; print(#p:keys())", nil),
        (
            "print(forecast.fit('auto', series.new{ values = {1,2,3,4,5,6,7,8,9,10}, period = 4611686018427387904 }))",
            "period"
        ),
        (
            "print(forecast.fit('theta', series.new{ values = {1,2,3,4,5,6,7,8,9,10}, period = 4611686018427387904 }))",
            "period"
        ),
        (
            "print(plot.decomposition(series.new{ values = {1,2,3,4,5,6,7,8,9,10}, period = 4611686018427387904 }))",
            "period"
        ),
        (
            "print(forecast.fit('theta', series.new{ values = {1,2,3,4,5,6,7,8,9,10} }:with_period(math.maxinteger)))",
            "between 1 and 1000000"
        ),
        (
            "print(inventory.simulate({ type = 'ss', s = 1, S = 5 }, { demand = dist.poisson(2), periods = 10, lead_time = math.maxinteger }))",
            "lead_time"
        ),
        (
            "print(inventory.serial_base_stock{ num_nodes = 2, echelon_holding_cost = {1, 1}, lead_time = {1, 1}, stockout_cost = 10, demand = dist.poisson(1e300) })",
            "mean must be at most"
        ),
        (
            "print(inventory.serial_base_stock{ num_nodes = 2, echelon_holding_cost = {1, 1}, lead_time = {1, 1}, stockout_cost = 10, demand_mean = 5, demand_standard_deviation = 1, method = 'stockpyl_grid', x_num = math.maxinteger })",
            "x_num"
        ),
        ("print(dist.poisson(1e18):quantile(0.5))", "mean must be at most"),
    ]

    @Test("each one-liner", arguments: 0..<cases.count)
    func oneLiner(_ index: Int) throws {
        let (script, expected) = Self.cases[index]
        let folder = temporaryFolder("hostile")
        try script.write(toFile: folder + "/one.lua", atomically: true, encoding: .utf8)
        let result = try almanac(["run", "--safe", "--timeout", "60", "one.lua"], directory: folder)
        #expect(!result.signaled, "\(script) died of signal \(result.status): \(result.stderr.suffix(400))")
        #expect(result.status == 0 || result.status == 1, "\(script): exit \(result.status)")
        if let expected {
            #expect(result.status == 1, "\(script) should fail cleanly")
            #expect(result.stderr.contains(expected), "\(script): \(result.stderr.prefix(400))")
            #expect(result.stderr.contains("one.lua:1:"), "the message names the line: \(result.stderr.prefix(300))")
        }
    }

    @Test("a discrete loss far past the support is exact without summing to x")
    func lossFarOut() throws {
        let folder = temporaryFolder("hostile")
        try "local s, l = dist.poisson(5):loss(1e300); print(s, l); print(dist.negbin(5, 0.5):cdf(1e300))"
            .write(toFile: folder + "/one.lua", atomically: true, encoding: .utf8)
        let result = try almanac(["run", "--safe", "one.lua"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "0.0\t1e+300\n1.0\n")
    }

    @Test("a CSV value past Double's range is an error naming the line")
    func csvOverflow() throws {
        let folder = temporaryFolder("hostile")
        try "date,value\n2024-01-01,1\n2024-01-02,1e400\n".write(
            toFile: folder + "/big.csv", atomically: true, encoding: .utf8)
        try "print(data.csv('big.csv'))".write(toFile: folder + "/one.lua", atomically: true, encoding: .utf8)
        let result = try almanac(["run", "--safe", "one.lua"], directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("big.csv:3"), "\(result.stderr)")
        #expect(result.stderr.contains("too large"), "\(result.stderr)")
    }
}

/// Issue 16 §2: a saved model file is untrusted input. Each damaged file once
/// crashed (or hung) `forecast.load`; each must now be a clear error.
@Suite("Damaged model files are clear errors", .serialized)
struct DamagedModelFileTests {
    /// Saves an ETS(A,A,A) fit, applies `damage` to its JSON and loads it.
    private func load(damage: (inout [String: Any]) -> Void) throws -> Completed {
        let folder = temporaryFolder("model-file")
        let save = """
            local v = {}
            for i = 1, 48 do v[i] = 100 + 10 * math.sin(i * math.pi / 6) + i end
            local s = series.new{ values = v, freq = "month", start = "2020-01" }
            forecast.fit("ets", s, { model = "AAA" }):save("m.json")
            """
        try save.write(toFile: folder + "/save.lua", atomically: true, encoding: .utf8)
        let saved = try almanac(["run", "-o", folder, "save.lua"], directory: folder)
        #expect(saved.status == 0, "\(saved.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/m.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        damage(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: folder + "/m.json"))
        try "print(forecast.load('m.json'):forecast{ h = 12 }.mean:values()[1])"
            .write(toFile: folder + "/load.lua", atomically: true, encoding: .utf8)
        return try almanac(["run", "--safe", "--timeout", "20", "-o", folder, "load.lua"], directory: folder)
    }

    private func state(_ json: inout [String: Any], _ key: String, _ value: Any) {
        var state = json["state"] as? [String: Any] ?? [:]
        state[key] = value
        json["state"] = state
    }

    @Test("an untouched file loads")
    func untouched() throws {
        let result = try load { _ in }
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("a start past Int's range")
    func start() throws {
        let result = try load { json in
            var series = json["series"] as? [String: Any] ?? [:]
            series["start"] = "9223372036854775807"
            series["frequency"] = "none"
            json["series"] = series
        }
        #expect(!result.signaled && result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("start"), "\(result.stderr)")
    }

    @Test(
        "ETS states that do not match the model",
        arguments: [
            ("seasonal", "[]"), ("m", "1000"), ("m", "0"), ("m", "-3"), ("estimated", "9223372036854775807"),
            ("alpha", "\"x\""),
        ])
    func etsState(_ change: (String, String)) throws {
        let value = try JSONSerialization.jsonObject(with: Data(change.1.utf8), options: .fragmentsAllowed)
        let result = try load { json in state(&json, change.0, value) }
        #expect(!result.signaled && result.status == 1, "\(change.0): \(result.stderr)")
        #expect(result.stderr.contains("damaged") || result.stderr.contains("saved"), "\(change.0): \(result.stderr)")
    }
}

/// Saved models the model-file fuzzer made (fuzz/findings/FuzzModelFile-*): each loads to a clear error, never a trap.
@Suite("Fuzzed model files")
struct FuzzedModelFileTests {
    @Test("each finding", arguments: ["FuzzModelFile-1", "FuzzModelFile-2"])
    func finding(_ name: String) throws {
        let folder = temporaryFolder("fuzzed-model")
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fuzz/findings/" + name, toPath: folder + "/m.json")
        try
            "local ok, err = pcall(function() return forecast.load('m.json'):forecast{ h = 3 } end) print(ok, err ~= nil)"
            .write(toFile: folder + "/load.lua", atomically: true, encoding: .utf8)
        let result = try almanac(["run", "--safe", "--timeout", "20", "-o", folder, "load.lua"], directory: folder)
        #expect(!result.signaled, "\(name): \(result.stderr.suffix(400))")
        #expect(result.status == 0, "\(name): \(result.stderr.suffix(400))")
    }
}
