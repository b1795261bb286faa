/// Calls f, counting evaluations, refusing NaN (as CountingObjective does) and
/// refusing to go past the evaluation budget: the optimizers catch
/// `EvaluationBudgetExhausted` and return their best point so far.
struct BudgetedObjective {
    let f: ([Double]) throws -> Double
    let maxEvaluations: Int
    private(set) var evaluations = 0

    init(_ f: @escaping ([Double]) throws -> Double, maxEvaluations: Int) {
        self.f = f
        self.maxEvaluations = maxEvaluations
    }

    var remaining: Int { maxEvaluations - evaluations }

    mutating func callAsFunction(_ x: [Double]) throws -> Double {
        guard evaluations < maxEvaluations else { throw EvaluationBudgetExhausted() }
        evaluations += 1
        let y = try f(x)
        if y.isNaN {
            throw OptimizationError(
                "the objective returned NaN at x = {" + x.map { "\($0)" }.joined(separator: ", ") + "}")
        }
        return y
    }

    /// Counts evaluations made elsewhere (a nested search) against this budget.
    mutating func charge(_ count: Int) { evaluations += count }
}

/// Thrown by BudgetedObjective instead of evaluating past max_evaluations.
struct EvaluationBudgetExhausted: Error {}
