import Foundation

/// Splits CSV bytes into rows of fields without copying them: RFC 4180 quoting
/// (quoted fields may hold the delimiter, newlines and "" for a quote), LF or
/// CRLF line ends, a chosen delimiter. Reads the file in chunks, so memory
/// stays at the chunk size however large the file is.
struct CSVScanner {
    let handle: FileHandle
    let delimiter: UInt8
    private var buffer: [UInt8] = []
    /// Reused for every row, so scanning allocates nothing per row.
    private var row = Row()
    private var position = 0
    private var atEnd = false
    /// Line number (1-based) where the current row starts.
    private(set) var line = 0
    private var nextLine = 1
    static let chunkSize = 4 << 20

    init(handle: FileHandle, delimiter: UInt8) {
        self.handle = handle
        self.delimiter = delimiter
    }

    /// Field boundaries of one row inside `bytes`, plus whether each field was quoted (needs unescaping).
    struct Row {
        /// Field ranges; only the first `count` are this row's (the storage is reused).
        var fields: [(start: Int, end: Int, quoted: Bool)] = []
        var count = 0
        /// The file ended inside a quoted field.
        var unterminatedQuote = false

        mutating func add(_ start: Int, _ end: Int, _ quoted: Bool) {
            if count < fields.count {
                fields[count] = (start, end, quoted)
            } else {
                fields.append((start, end, quoted))
            }
            count += 1
        }
    }

    /// Reads the next row; `body` sees the row's bytes, field ranges and starting
    /// line number. Returns false at end of file.
    mutating func nextRow(_ body: (UnsafeBufferPointer<UInt8>, Row, Int) throws -> Void) throws -> Bool {
        var row = self.row
        self.row = Row()  // keep a single owner of the storage while scanning
        defer { self.row = row }
        while true {
            if let end = try scanRow(into: &row) {
                line = nextLine
                nextLine += end.newlines
                let line = self.line
                try buffer.withUnsafeBufferPointer { try body($0, row, line) }
                position = end.next
                return true
            }
            if atEnd {
                return false
            }
            try refill()
        }
    }

    /// Scans one complete row starting at `position`; nil if the buffer ends first.
    private func scanRow(into row: inout Row) throws -> (next: Int, newlines: Int)? {
        row.count = 0
        row.unterminatedQuote = false
        var i = position
        let n = buffer.count
        if i >= n { return nil }
        var newlines = 0
        var fieldStart = i
        var quoted = false
        return buffer.withUnsafeBufferPointer { b -> (Int, Int)? in
            guard let base = b.baseAddress else { return nil }
            // Fast path: a line without quotes, split with memchr (vectorised in libc).
            let newline = memchr(base + i, 0x0A, n - i)
            if newline == nil && !atEnd { return nil }
            let lineEnd = newline.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
            if memchr(base + i, 0x22, lineEnd - i) == nil {
                var start = i
                while let d = memchr(base + start, Int32(delimiter), lineEnd - start) {
                    let k = UnsafePointer<UInt8>(d.assumingMemoryBound(to: UInt8.self)) - base
                    row.add(start, k, false)
                    start = k + 1
                }
                var end = lineEnd
                if end > start && b[end - 1] == 0x0D { end -= 1 }
                row.add(start, end, false)
                return (newline == nil ? n : lineEnd + 1, 1)
            }
            // General path: quoted fields, which may hold delimiters, quotes and newlines.
            while i < n {
                let c = b[i]
                if c == 0x22 && i == fieldStart {  // opening quote
                    quoted = true
                    i += 1
                    var closed = false
                    while i < n {
                        if b[i] == 0x22 {
                            if i + 1 < n && b[i + 1] == 0x22 { i += 2; continue }
                            if i + 1 >= n && !atEnd { return nil }  // "" may straddle the chunk
                            closed = true
                            i += 1
                            break
                        }
                        if b[i] == 0x0A { newlines += 1 }
                        i += 1
                    }
                    if !closed {
                        guard atEnd else { return nil }
                        row.unterminatedQuote = true  // the caller reports it
                        i = n
                        break
                    }
                    continue
                }
                if c == delimiter {
                    row.add(fieldStart, i, quoted)
                    quoted = false
                    i += 1
                    fieldStart = i
                    continue
                }
                if c == 0x0A {
                    var end = i
                    if end > fieldStart && b[end - 1] == 0x0D { end -= 1 }
                    row.add(fieldStart, end, quoted)
                    return (i + 1, newlines + 1)
                }
                i += 1
            }
            guard atEnd else { return nil }
            // Last row without a newline.
            var end = n
            if end > fieldStart && b[end - 1] == 0x0D { end -= 1 }
            row.add(fieldStart, end, quoted)
            return (n, newlines + 1)
        }
    }

    private mutating func refill() throws {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = try handle.read(upToCount: CSVScanner.chunkSize) ?? Data()
        if chunk.isEmpty {
            atEnd = true
        } else {
            buffer.append(contentsOf: chunk)
        }
    }
}

/// Text of a field: unquoted and with "" turned back into ".
func fieldText(_ bytes: UnsafeBufferPointer<UInt8>, _ field: (start: Int, end: Int, quoted: Bool)) -> String {
    var start = field.start, end = field.end
    if field.quoted {
        start += 1
        if end > start, bytes[end - 1] == 0x22 { end -= 1 }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return raw.replacingOccurrences(of: "\"\"", with: "\"")
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
}

/// The field's bytes without quotes (for numbers and dates, which never contain "").
func fieldBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ field: (start: Int, end: Int, quoted: Bool))
    -> UnsafeBufferPointer<UInt8>
{
    var start = field.start, end = field.end
    if field.quoted {
        start += 1
        if end > start, bytes[end - 1] == 0x22 { end -= 1 }
    }
    // Surrounding spaces are not part of a number or a date.
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}
