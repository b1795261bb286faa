import Testing

@testable import TimeSeries

/// Inputs the fuzzers found (fuzz/findings/), kept as regressions.
@Suite struct FuzzFindingTests {
    /// FuzzDates-1 / FuzzCSV-1: a byte below '0' where a digit belongs trapped the digit check.
    @Test(arguments: ["-2-0--2-0-", "2024-01--7", "2024-0 -01", "2024-01-0/", "/024-01-01"])
    func negativeDigitsAreNotDates(_ text: String) {
        #expect(DateParser.iso.parse(text) == nil)
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { DateParser.isoDayNumber($0) } == nil)
    }
}
