/// f and its gradient by forward differences, for objectives that are black
/// boxes (a Lua function, a cost plugin). Like scipy's 2-point `approx_grad`,
/// one extra evaluation per variable, stepping backwards where a forward step
/// would leave the box. The step is h = relativeStep · max(1, |xᵢ|) (scipy
/// uses an absolute 1e-8), so large coordinates keep their precision; the
/// quotient divides by the step actually taken, (xᵢ + h) − xᵢ.
struct ForwardDifferenceGradient {
    var objective: BudgetedObjective
    let box: BoxBounds
    let relativeStep: Double

    var evaluations: Int { objective.evaluations }

    mutating func value(at x: [Double]) throws -> Double { try objective(x) }

    /// The gradient at x, where f(x) = fx is already known.
    mutating func gradient(at x: [Double], value fx: Double) throws -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        var probe = x
        for i in 0..<x.count {
            let below = x[i] - box.lower[i], above = box.upper[i] - x[i]
            var h = relativeStep * max(1, abs(x[i]))
            if h > above {
                if h <= below { h = -h } else if above >= below { h = above } else { h = -below }
            }
            probe[i] = x[i] + h
            let taken = probe[i] - x[i]
            if taken != 0 { g[i] = (try objective(probe) - fx) / taken }  // a fixed variable keeps g = 0
            probe[i] = x[i]
        }
        return g
    }
}
