import Foundation
import TimeSeries

/// Reads CSV files in long form (date, key, value, ...) or wide form (date and
/// one column per series). See TableOptions.
public enum CSVReader {
    public static func read(path: String, options: TableOptions = TableOptions()) throws(DataError) -> TableContents {
        let shown = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DataError(exists ? "\(shown): cannot be read (permissions?)" : "\(shown): no such file")
        }
        defer { try? handle.close() }
        var scanner = CSVScanner(handle: handle, delimiter: options.delimiter)
        var header: [String] = []
        var assembler: TableAssembler?
        var width = 0
        do {
            // Header.
            let gotHeader = try scanner.nextRow { bytes, row, _ in
                header = row.fields.prefix(row.count).map { fieldText(bytes, $0).trimmingCharacters(in: .whitespaces) }
                if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
            }
            guard gotHeader else { throw DataError("\(shown): the file is empty") }
            width = header.count
            assembler = try TableAssembler(columns: header, options: options, source: shown)
            while try scanner.nextRow({ bytes, row, line in
                if row.count == 1 && row.fields[0].end == row.fields[0].start { return }  // blank line
                if row.unterminatedQuote {
                    throw DataError("\(shown):\(line): a quoted field is never closed")
                }
                guard row.count == width else {
                    throw DataError(
                        "\(shown):\(line): \(row.count) fields, but the header has \(width) (\(header.joined(separator: ", ")))"
                    )
                }
                try assembler?.add(CSVRow(bytes: bytes, row: row), line: line)
            }) {}
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError("\(shown): \(error.localizedDescription)")
        }
        guard var assembler else { throw DataError("\(shown): the file is empty") }
        return try assembler.finish()
    }
}

struct CSVRow: RowSource {
    let bytes: UnsafeBufferPointer<UInt8>
    let row: CSVScanner.Row

    func withBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(fieldBytes(bytes, row.fields[column]))
    }

    func number(_ column: Int) -> Double? { NumberParser.parse(fieldBytes(bytes, row.fields[column])) }

    func text(_ column: Int) -> String { fieldText(bytes, row.fields[column]) }
}
