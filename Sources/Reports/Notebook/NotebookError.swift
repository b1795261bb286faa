import AlmanacCore

/// A notebook script that cannot be read, saying where:
/// `review.lua:4: unknown header key 'titel' (did you mean 'title'?)`.
public struct NotebookError: MessageError, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }

    init(path: String, line: Int, _ message: String) {
        self.message = "\(path):\(line): \(message)"
    }
}
