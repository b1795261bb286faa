/// Many keyed series (one per SKU, store, SKU × store), each with optional
/// static attributes (category, unit cost) and dynamic covariates (price,
/// promotion flag) aligned with its observations.
public struct Panel: Sendable, Equatable {
    /// One key's series with its covariates and attributes.
    public struct Entry: Sendable, Equatable {
        /// The observations.
        public var series: Series
        /// Covariates by name, each aligned with `series` (same length and index).
        public var covariates: [String: [Double]]
        /// Static attributes by name (category, store, unit cost).
        public var attributes: [String: AttributeValue]

        /// An entry from its parts.
        public init(series: Series, covariates: [String: [Double]] = [:], attributes: [String: AttributeValue] = [:]) {
            self.series = series
            self.covariates = covariates
            self.attributes = attributes
        }
    }

    /// A static attribute: a number or text.
    public enum AttributeValue: Sendable, Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)

        /// The value as text.
        public var description: String {
            switch self {
            case .number(let x): return "\(x)"
            case .text(let s): return s
            }
        }
    }

    /// Entries by key.
    public private(set) var entries: [String: Entry] = [:]
    /// Keys in sorted order.
    public private(set) var keys: [String] = []

    /// An empty panel.
    public init() {}

    /// A panel keyed by the series' names (a later series replaces one of the same name).
    public init(_ series: [Series]) {
        for s in series { self[s.name] = Entry(series: s) }
    }

    /// Number of series.
    public var count: Int { keys.count }

    /// The entry at `key`; setting nil removes it, keeping `keys` sorted.
    public subscript(key: String) -> Entry? {
        get { entries[key] }
        set {
            if entries[key] == nil, newValue != nil {
                let at = keys.firstIndex { $0 > key } ?? keys.count
                keys.insert(key, at: at)
            } else if newValue == nil, entries[key] != nil {
                keys.removeAll { $0 == key }
            }
            entries[key] = newValue
        }
    }

    /// Builds from entries whose keys are already unique (faster than inserting one by one).
    public init(entries: [String: Entry]) {
        self.entries = entries
        self.keys = entries.keys.sorted()
    }

    /// The series at `key`.
    public func series(_ key: String) -> Series? { entries[key]?.series }
}
