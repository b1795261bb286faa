/// The optional header block at the top of a notebook script (Jupytext style,
/// YAML inside Lua comments). Every field is optional; `data` lists the input
/// files whose SHA-256 the report records.
public struct NotebookHeader: Sendable, Equatable {
    public var title: String?
    public var author: String?
    public var date: String?
    public var description: String?
    public var seed: UInt64?
    public var data: [String]

    /// The keys a header may use, in the order the documentation lists them.
    public static let knownKeys = ["title", "author", "date", "seed", "data", "description"]

    public init(
        title: String? = nil, author: String? = nil, date: String? = nil,
        description: String? = nil, seed: UInt64? = nil, data: [String] = []
    ) {
        self.title = title
        self.author = author
        self.date = date
        self.description = description
        self.seed = seed
        self.data = data
    }
}
