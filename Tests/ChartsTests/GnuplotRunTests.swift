import Charts
import Foundation
import TestSupport
import Testing
import TimeSeries

/// End to end with the real gnuplot: valid files of a sensible size, and failures that say why.
@Suite(.enabled(if: Fixtures.gnuplotAvailable)) struct GnuplotRunTests {
    static func fan() throws -> Figure {
        let mean = Fixtures.monthly([170, 172, 175], from: 1952, month: 1, name: "")
        return try ChartBuilder.forecast(
            history: Fixtures.airSeries, mean: mean,
            bands: [ForecastBand(level: 80, lower: [160, 158, 157], upper: [180, 186, 193])])
    }

    @Test func everyFormatIsAValidFile() throws {
        let runner = try GnuplotRunner.located()
        let folder = temporaryFolder("charts")
        for (name, format, minimum) in [
            ("fan.png", OutputFormat.png, 10_000), ("fan.svg", .svg, 5_000), ("fan.pdf", .pdf, 5_000),
            ("fan.txt", .text, 500),
        ] {
            let path = folder + "/" + name
            try runner.write(try GnuplotScript.render(try Self.fan(), format: format), format: format, to: path)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(data.count > minimum, "\(name): \(data.count) bytes")
            switch format {
            case .png: #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            case .pdf: #expect(data.starts(with: Array("%PDF-".utf8)))
            case .svg:
                let text = String(decoding: data, as: UTF8.self)
                #expect(text.contains("<svg") && text.contains("</svg>"))
                #expect(XMLParserCheck.isWellFormed(data))
            case .text: #expect(String(decoding: data, as: UTF8.self).contains("1951"))
            }
        }
        // No temporary file is left behind.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
                "fan.pdf", "fan.png", "fan.svg", "fan.txt",
            ])
    }

    @Test func aGnuplotErrorIsReportedAndNoFileIsWritten() throws {
        let runner = try GnuplotRunner.located()
        let path = temporaryFolder("charts") + "/bad.png"
        let error = #expect(throws: ChartError.self) {
            try runner.write("set terminal pngcairo\nplot sin(x) with nonsense\n", format: .png, to: path)
        }
        #expect(error?.message.hasPrefix("gnuplot failed (exit 1): ") == true)
        #expect(error?.message.contains("unrecognized plot type") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func missingGnuplotSaysHowToInstallIt() {
        let error = #expect(throws: ChartError.self) {
            try GnuplotRunner.located(environment: ["PATH": "/nonexistent"])
        }
        #expect(error?.message.contains("apt-get install gnuplot") == true)
        let named = #expect(throws: ChartError.self) {
            try GnuplotRunner.located(environment: ["ALMANAC_GNUPLOT": "/no/gnuplot"])
        }
        #expect(named?.message.contains("/no/gnuplot") == true)
    }

    @Test func outputThatIsNotTheFormatIsAnError() throws {
        let runner = try GnuplotRunner.located()
        // A program that draws nothing: gnuplot exits 0 but writes no PNG.
        let error = #expect(throws: ChartError.self) { try runner.run("print 1\n", format: .png) }
        #expect(error?.message.hasPrefix("gnuplot produced no valid PNG") == true)
    }

    @Test func versionIsReported() throws {
        #expect(try GnuplotRunner.located().version()?.hasPrefix("gnuplot ") == true)
    }
}

/// Foundation's XML parser as a well-formedness check for SVG.
enum XMLParserCheck {
    static func isWellFormed(_ data: Data) -> Bool {
        #if canImport(FoundationXML)
            return FoundationXML.XMLParser(data: data).parse()
        #else
            return XMLParser(data: data).parse()
        #endif
    }
}

#if canImport(FoundationXML)
    import FoundationXML
#endif
