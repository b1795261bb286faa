/// Many keyed series (one per SKU, store, SKU × store), each with optional
/// static attributes (category, unit cost) and dynamic covariates (price,
/// promotion flag) aligned with its observations.
public struct Panel: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var series: Series
        /// Covariates by name, each aligned with `series` (same length and index).
        public var covariates: [String: [Double]]
        public var attributes: [String: AttributeValue]

        public init(series: Series, covariates: [String: [Double]] = [:], attributes: [String: AttributeValue] = [:]) {
            self.series = series
            self.covariates = covariates
            self.attributes = attributes
        }
    }

    public enum AttributeValue: Sendable, Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)

        public var description: String {
            switch self {
            case .number(let x): return "\(x)"
            case .text(let s): return s
            }
        }
    }

    public private(set) var entries: [String: Entry] = [:]
    /// Keys in sorted order.
    public private(set) var keys: [String] = []

    public init() {}

    public init(_ series: [Series]) {
        for s in series { self[s.name] = Entry(series: s) }
    }

    public var count: Int { keys.count }

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

    public func series(_ key: String) -> Series? { entries[key]?.series }
}
