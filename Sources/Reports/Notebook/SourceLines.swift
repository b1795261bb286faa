/// Splits text into lines exactly as Lua's lexer counts them, so line numbers
/// agree with Lua's error messages: `\n`, `\r`, `\r\n` and `\n\r` each end one line.
/// "a\n" gives ["a", ""]: joining with "\n" gives the text back (with `\n` endings).
func splitLuaLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // a UTF-8 BOM, which Lua skips in files
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let byte = bytes[index]
        index += 1
        guard byte == 0x0A || byte == 0x0D else {
            current.append(byte)
            continue
        }
        if index < bytes.endIndex, bytes[index] != byte, bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        lines.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
    }
    lines.append(String(decoding: current, as: UTF8.self))
    return lines
}

extension String {
    var trimmedWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
