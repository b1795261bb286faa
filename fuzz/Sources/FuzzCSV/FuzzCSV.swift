// libFuzzer harness for the CSV reader: CSVReader.read (CSVScanner splitting the
// bytes, TableAssembler turning rows into a series or a panel).
//
// Input layout: byte 0 and byte 1 choose the TableOptions (see `options(_:_:header:)`),
// the rest is the CSV file. CSVReader only reads files, so each input is written to
// a temporary file named after the process (on /dev/shm when there is one), read
// back and removed.
// A thrown DataError is a normal outcome; only crashes and sanitizer reports are findings.

import DataSources
import Foundation
import TimeSeries

private let path: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return "\(folder)/almanac-fuzz-csv-\(getpid()).csv"
}()

/// Options from the two control bytes. The column names the options refer to are
/// taken from the first line of the file, so long form, covariates and attributes
/// are reachable (a name that is not a column is only an error).
///   byte 0: bits 0-1 delimiter (, ; tab |), bits 2-3 date order (iso dmy mdy iso),
///           bits 4-6 frequency (inferred, day, week, month, quarter, year, none, inferred), bit 7 seasonal period 4
///   byte 1: bits 0-1 key column (none, 2nd, 3rd, 4th), bits 2-3 value column (default, 2nd, 3rd, 4th),
///           bits 4-5 gap filling (error, zero, previous, linear), bit 6 last column as a covariate,
///           bit 7 last column as an attribute
func options(_ a: UInt8, _ b: UInt8, header: [UInt8]) -> TableOptions {
    var o = TableOptions()
    o.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")][Int(a & 3)]
    o.dateOrder = [DateParser.Order.iso, .dayFirst, .monthFirst, .iso][Int((a >> 2) & 3)]
    o.frequency = [nil, Frequency.day, .week, .month, .quarter, .year, Frequency.none, nil][Int((a >> 4) & 7)]
    if a & 0x80 != 0 { o.seasonalPeriod = 4 }
    let line = header.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
    let names = line.split(separator: o.delimiter, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
    func name(_ i: Int) -> String? { i < names.count ? names[i] : "missing" }
    let key = Int(b & 3), value = Int((b >> 2) & 3)
    if key > 0 { o.key = name(key) }
    if value > 0 { o.value = name(value) }
    o.fillGaps = [nil, Series.GapFill.zero, .previous, .linear][Int((b >> 4) & 3)]
    if b & 0x40 != 0, let last = names.last { o.covariates = [last] }
    if b & 0x80 != 0, let last = names.last { o.attributes = [last] }
    return o
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let csv = UnsafeBufferPointer(start: data + 2, count: size - 2)
    let o = options(data[0], data[1], header: Array(csv.prefix(512)))
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    if csv.count > 0 { fwrite(csv.baseAddress, 1, csv.count, file) }
    fclose(file)
    defer { unlink(path) }  // removed at once, so a crash leaves at most this one file behind
    do {
        switch try CSVReader.read(path: path, options: o) {
        case .series(let s):
            if s.count > 0 { _ = s.label(at: s.count - 1) }
        case .panel(let p):
            // Every key the panel lists has an entry.
            for key in p.keys {
                guard let entry = p[key] else { fatalError("FuzzCSV: panel key '\(key)' has no entry") }
                if entry.series.count > 0 { _ = entry.series.label(at: 0) }
            }
        }
    } catch {
        _ = error.message  // an error message is a normal outcome
    }
    return 0
}
