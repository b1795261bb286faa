import Foundation

/// The runs recorded by Tests/References/scipy_optimizers.py (scipy's version is in the file).
struct ScipyReference: Decodable {
    struct Run: Decodable {
        let name: String
        let x: [Double]
        let f: Double
        let nit: Int
        let nfev: Int
        let x0: [Double]?
        let seed: Int?
    }

    struct Grid: Decodable {
        let lower: [Double]
        let upper: [Double]
        let x: [Double]
        let f: Double
        let points: Int
    }

    let scipy: String
    let lbfgsb: [Run]
    let differentialEvolution: [Run]
    let grid: Grid

    enum CodingKeys: String, CodingKey {
        case scipy, lbfgsb, grid
        case differentialEvolution = "differential_evolution"
    }

    static func load() throws -> ScipyReference {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("References/scipy_optimizers.json")
        return try JSONDecoder().decode(ScipyReference.self, from: Data(contentsOf: url))
    }

    func lbfgsb(_ name: String) throws -> Run {
        guard let run = lbfgsb.first(where: { $0.name == name }) else { throw MissingRun(name: name) }
        return run
    }

    struct MissingRun: Error { let name: String }
}

/// The standard test functions, written as the reference script writes them.
enum TestFunctions {
    static func rosenbrock(_ x: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<(x.count - 1) {
            let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
            sum += 100 * a * a + b * b
        }
        return sum
    }

    static func himmelblau(_ x: [Double]) -> Double {
        let a = x[0] * x[0] + x[1] - 11, b = x[0] + x[1] * x[1] - 7
        return a * a + b * b
    }

    static func eoqWithBackorders(_ v: [Double]) -> Double {
        let (q, x) = (v[0], v[1])
        return 8 * 1300 / q + 0.225 * (1 - x) * (1 - x) * q / 2 + 5 * x * x * q / 2
    }

    /// An (r, Q) policy's yearly cost with normal lead-time demand (mean 50, sd 10),
    /// K = 100, h = 1, backorders at 10 a unit, 500 a year (Hadley–Whitin).
    static func reorderPointCost(_ v: [Double]) -> Double {
        let (r, q) = (v[0], v[1])
        let z = (r - 50) / 10
        let loss = exp(-z * z / 2) / (2 * Double.pi).squareRoot() - z * 0.5 * erfc(z / 2.0.squareRoot())
        return 100 * 500 / q + 1 * (r - 50 + q / 2) + 10 * 500 * 10 * loss / q
    }

    /// The four minima of Himmelblau's function (value 0).
    static let himmelblauMinima: [[Double]] = [
        [3, 2], [-2.805118086952745, 3.131312518250573], [-3.779310253377747, -3.283185991286170],
        [3.584428340330492, -1.848126526964404],
    ]
}
