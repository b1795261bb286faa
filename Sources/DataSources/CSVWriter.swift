import AlmanacCore
import Foundation

/// Writes tables as CSV. The file is written under a temporary name beside the
/// target and renamed when complete, so a failure never leaves a partial file
/// that looks finished.
public enum CSVWriter {
    public static func write(_ table: Table, to path: String, delimiter: Character = ",") throws(DataError) {
        try table.validate(for: path)
        var text = table.columns.map { quote($0, delimiter) }.joined(separator: String(delimiter)) + "\n"
        for row in table.rows {
            text += row.map { cell -> String in
                switch cell {
                case .number(let x): return format(x)
                case .text(let s): return quote(s, delimiter)
                case .missing: return ""
                }
            }.joined(separator: String(delimiter))
            text += "\n"
        }
        try writeAtomically(Data(text.utf8), to: path)
    }

    /// Shortest text that reads back as the same number; whole numbers without ".0".
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func quote(_ s: String, _ delimiter: Character) -> String {
        let needs =
            s.contains(delimiter) || s.contains("\"") || s.contains("\n") || s.contains("\r")
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// Writes `data` to a temporary file in the target's folder, then renames it over the target.
public func writeAtomically(_ data: Data, to path: String) throws(DataError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder) else {
        throw DataError("\(path): the folder '\(folder)' does not exist")
    }
    let temporary = folder + "/." + url.lastPathComponent + ".partial-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
        throw DataError("\(path): cannot write in '\(folder)' (permissions?)")
    }
    if rename(temporary, path) != 0 {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw DataError("\(path): cannot replace the file: \(reason)")
    }
}
