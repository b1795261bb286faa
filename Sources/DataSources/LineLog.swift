/// The file line of each row of a series, for error messages. Rows of a key
/// usually sit on consecutive lines (files sorted by key), so only the first
/// line is kept until a row breaks the run; then the lines are stored one by one.
struct LineLog: Sendable {
    private var first: Int32 = 0
    private var count = 0
    private var explicit: [Int32]?

    mutating func append(_ line: Int32) {
        if var lines = explicit {
            explicit = nil  // keep one owner while appending
            lines.append(line)
            explicit = lines
        } else if count == 0 {
            first = line
        } else if line != first &+ Int32(count) {
            var lines = (0..<count).map { first &+ Int32($0) }
            lines.append(line)
            explicit = lines
        }
        count += 1
    }

    mutating func append(contentsOf other: LineLog, shiftedBy shift: Int32) {
        for i in 0..<other.count { append(other[i] &+ shift) }
    }

    subscript(i: Int) -> Int32 { explicit?[i] ?? first &+ Int32(i) }
}
