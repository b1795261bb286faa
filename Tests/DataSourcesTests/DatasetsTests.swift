import DataSources
import Foundation
import TestSupport
import Testing
import TimeSeries

@Suite struct DatasetsTests {
    @Test func bundledDatasetsLoadByNameWithTheirCalendars() throws {
        let air = try BundledDataset.named("airpassengers").series
        #expect(air.count == 144 && air.label(at: 0) == "1949-01" && air.label(at: 143) == "1960-12")
        #expect(air.values.prefix(3) == [112, 118, 132] && air.seasonalPeriod == 12)
        #expect(try BundledDataset.named("nile").series.label(at: 0) == "1871")
        #expect(try BundledDataset.named("ukgas").series.label(at: 0) == "1960-Q1")
        let co2 = try BundledDataset.named("co2").series
        #expect(co2.frequency == .week && co2.missingPositions.count == 59)
        #expect(try BundledDataset.named("vatnsdalsa").series.count == 1096)
        do { _ = try BundledDataset.named("airpassenger") } catch {
            #expect(error.message.hasPrefix("no bundled dataset named 'airpassenger' (did you mean 'airpassengers'?)"))
        }
    }

    @Test func theCompiledDatasetsMatchTheirCSVFiles() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot + "/scripts/generate-datasets.py", "--check"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run scripts/generate-datasets.py")
    }

    @Test func theSyntheticPanelIsReproducibleAndHasItsFeatures() throws {
        var spec = SyntheticRetail()
        spec.skus = 40
        spec.periods = 104
        spec.seed = 11
        let a = try spec.generate(), b = try spec.generate()
        #expect(a == b)
        spec.seed = 12
        #expect(try spec.generate() != a)
        #expect(a.keys.first == "SKU-0001" && a.count == 40)
        let entries = a.keys.compactMap { a[$0] }
        let segments = Dictionary(grouping: entries) { entry -> String in
            if case .text(let s) = entry.attributes["segment"] { return s } else { return "" }
        }
        #expect(Set(segments.keys) == ["regular", "slow", "new"])
        // Slow movers are intermittent; new products start late; stock-outs censor sales below demand.
        for e in segments["slow"] ?? [] { #expect(e.series.values.filter { $0 == 0 }.count > 10) }
        for e in segments["new"] ?? [] { #expect(e.series.count < 104) }
        let censored = entries.flatMap { e in zip(e.series.values, e.covariates["demand"] ?? []).filter { $0 < $1 } }
        #expect(!censored.isEmpty)
        #expect(entries.allSatisfy { e in e.series.values.allSatisfy { $0 >= 0 && $0 == $0.rounded() } })
        #expect(entries.contains { ($0.covariates["promo"] ?? []).contains(1) })
        #expect(a["SKU-0001"]?.series.frequency == .week && a["SKU-0001"]?.series.label(at: 0) == "2023-01-02")
        var bad = SyntheticRetail()
        bad.skus = 0
        #expect(throws: DataError.self) { try bad.generate() }
    }
}
