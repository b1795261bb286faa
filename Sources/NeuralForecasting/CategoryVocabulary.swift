import AlmanacCore
import Forecasting

/// The categorical attributes a global network embeds (category, store) and
/// the levels it learnt for each, fixed at training: a level's index is its
/// place in the sorted list plus one, 0 standing for a level the network
/// never saw (a new store) or a series without the attribute.
struct CategoryVocabulary: Sendable, Equatable {
    let names: [String]
    /// levels[j]: attribute names[j]'s known levels, sorted.
    let levels: [[String]]

    static let none = CategoryVocabulary(names: [], levels: [])

    init(names: [String], levels: [[String]]) {
        self.names = names
        self.levels = levels
    }

    /// Reads the levels from the training data. Every name must be an attribute of at least one series.
    init(names: [String], data: [ModelData], model: String) throws(ForecastError) {
        var levels: [[String]] = []
        for name in names {
            let seen = Set(data.compactMap { $0.attributes[name] })
            guard !seen.isEmpty else {
                let available = Set(data.flatMap { $0.attributes.keys }).sorted()
                let guess = closestMatch(to: name, in: available).map { " (did you mean '\($0)'?)" } ?? ""
                let list =
                    available.isEmpty
                    ? "the data has no attributes (load it with attributes = { \"\(name)\" }, or build the panel with them)"
                    : "the data's attributes are: " + available.joined(separator: ", ")
                throw ForecastError.modelWide(
                    "\(model): categories: no series has the attribute '\(name)'\(guess); \(list)")
            }
            levels.append(seen.sorted())
        }
        self.init(names: names, levels: levels)
    }

    var isEmpty: Bool { names.isEmpty }

    /// Levels per attribute as the network counts them (the unknown level included).
    var tableSizes: [Int] { levels.map { $0.count + 1 } }

    /// Each attribute's level index for a series with these attributes (0 when absent or unseen).
    func indices(_ attributes: [String: String]) -> [Int] {
        zip(names, levels).map { name, known in
            guard let value = attributes[name], let i = Self.position(of: value, in: known) else { return 0 }
            return i + 1
        }
    }

    /// The attributes this vocabulary reads, with the levels a series has (for saving with its fit).
    func restrict(_ attributes: [String: String]) -> [String: String] {
        attributes.filter { names.contains($0.key) }
    }

    /// Binary search in the sorted levels.
    private static func position(of value: String, in sorted: [String]) -> Int? {
        var lower = 0, upper = sorted.count
        while lower < upper {
            let mid = (lower + upper) / 2
            if sorted[mid] < value { lower = mid + 1 } else { upper = mid }
        }
        return lower < sorted.count && sorted[lower] == value ? lower : nil
    }
}
