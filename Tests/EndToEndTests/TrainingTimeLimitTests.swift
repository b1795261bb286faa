import Foundation
import Testing

/// Training a network is native code that the Lua count hook never sees; it
/// asks whether the script must stop at each validation check, so --timeout
/// ends a training that would otherwise run for hours, with the usual message,
/// and a pcall in the script cannot swallow the stop.
@Suite struct TrainingTimeLimitTests {
    @Test func timeoutStopsATrainingRun() throws {
        let folder = temporaryFolder("timeout")
        writeFile(
            folder + "/train.lua",
            """
            local panel = data.synthetic_retail{ skus = 50, periods = 104, seed = 4 }
            local ok = pcall(forecast.fit_many, panel, "nbeats", { horizon = 8, steps = 1000000, evaluate_every = 10, patience = 1000 })
            print("after the pcall", ok)
            for i = 1, 1e7 do end
            print("not reached")
            """)
        let r = try almanac(["run", "--timeout", "2", folder + "/train.lua"])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("time limit of 2.0 s (--timeout)"), "\(r.stderr)")
        #expect(!r.stdout.contains("not reached"))
    }
}
