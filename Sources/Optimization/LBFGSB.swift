/// L-BFGS-B: limited-memory BFGS for smooth functions of many variables with
/// optional box bounds (Byrd, Lu, Nocedal & Zhu 1995; Zhu et al. 1997; with the
/// 2011 subspace correction of Morales & Nocedal, as in L-BFGS-B 3.0, which
/// scipy.optimize runs). Each iteration finds the generalized Cauchy point on
/// the projected gradient path, minimizes the quadratic model over the
/// variables left free there, and searches along the way to that point with
/// the Moré–Thuente line search (strong Wolfe conditions). The gradient is
/// taken by forward differences, and every evaluation that costs is counted.
public enum LBFGSB {
    public struct Options: Sendable {
        /// Correction pairs kept (scipy's maxcor).
        public var memory = 10
        /// Converged when the projected gradient's largest component is at most this (scipy's gtol, pgtol).
        public var gradientTolerance = 1e-5
        /// Converged when (f_k − f_k+1) / max(|f_k|, |f_k+1|, 1) ≤ this (scipy's ftol = factr·ε).
        public var fTolerance = 2.220446049250313e-09
        public var maxIterations = 15000
        public var maxEvaluations = 15000
        /// Evaluations allowed in one line search (scipy's maxls).
        public var maxLineSearchSteps = 20
        /// Forward-difference step relative to max(1, |xᵢ|).
        public var differenceStep = Double.ulpOfOne.squareRoot()
        public var lower: [Double]? = nil
        public var upper: [Double]? = nil
        public init() {}
    }

    /// Minimizes f from `start`, which is first moved into the bounds (as scipy does).
    public static func minimize(
        _ f: @escaping ([Double]) throws -> Double, start: [Double],
        options: Options = Options()
    ) throws -> OptimizationResult {
        try validateStart(start, optimizer: "lbfgsb")
        guard options.memory >= 1, options.maxLineSearchSteps >= 1, options.maxEvaluations >= 1,
            options.maxIterations >= 0
        else {
            throw OptimizationError("lbfgsb: memory, max_line_search_steps and max_evaluations must be at least 1")
        }
        let box = try BoxBounds(lower: options.lower, upper: options.upper, dimension: start.count, optimizer: "lbfgsb")
        var search = Search(
            options: options, box: box,
            evaluator: ForwardDifferenceGradient(
                objective: BudgetedObjective(f, maxEvaluations: options.maxEvaluations),
                box: box, relativeStep: options.differenceStep))
        return try search.run(from: box.clamp(start))
    }
}

extension LBFGSB {
    /// One run's state: the iterate, its value and gradient, and the memory.
    struct Search {
        let options: Options
        let box: BoxBounds
        var evaluator: ForwardDifferenceGradient
        var x: [Double] = [], f = Double.nan, g: [Double] = []
        var iterations = 0

        init(options: Options, box: BoxBounds, evaluator: ForwardDifferenceGradient) {
            self.options = options
            self.box = box
            self.evaluator = evaluator
        }

        mutating func run(from start: [Double]) throws -> OptimizationResult {
            x = start
            do {
                f = try evaluator.value(at: x)
                guard f.isFinite else {
                    throw OptimizationError("lbfgsb: the objective is \(f) at the start point")
                }
                g = try evaluator.gradient(at: x, value: f)
                return try iterate()
            } catch is EvaluationBudgetExhausted {
                return result(converged: false, "stopped after max_evaluations (\(options.maxEvaluations))")
            }
        }

        func result(converged: Bool, _ message: String) -> OptimizationResult {
            OptimizationResult(
                x: x, value: f, iterations: iterations, evaluations: evaluator.evaluations,
                converged: converged, message: message)
        }

        /// The largest component of the gradient projected onto the box.
        var projectedGradientNorm: Double {
            var largest = 0.0
            for i in 0..<x.count {
                let gi = g[i] < 0 ? max(x[i] - box.upper[i], g[i]) : min(x[i] - box.lower[i], g[i])
                largest = max(largest, abs(gi))
            }
            return largest
        }

        private mutating func iterate() throws -> OptimizationResult {
            var memory = CompactLBFGSMatrix(capacity: options.memory)
            let constrained = box.hasAnyBound
            if projectedGradientNorm <= options.gradientTolerance {
                return result(converged: true, "projected gradient norm ≤ gradient_tolerance")
            }
            while true {
                if iterations >= options.maxIterations {
                    return result(converged: false, "stopped after max_iterations (\(options.maxIterations))")
                }
                // Without bounds (and once there is a memory) the Cauchy step is skipped, as in L-BFGS-B.
                let cauchy =
                    !constrained && memory.count > 0
                    ? GeneralizedCauchyPoint(unconstrainedAt: x, memory: memory)
                    : GeneralizedCauchyPoint(x: x, gradient: g, box: box, memory: memory)
                guard
                    let target = SubspaceMinimization.target(
                        x: x, gradient: g, cauchy: cauchy, box: box, memory: memory)
                else {
                    memory.reset()
                    continue
                }
                let d = (0..<x.count).map { target[$0] - x[$0] }
                guard let step = try lineSearch(towards: target, direction: d, firstIteration: iterations == 0) else {
                    if memory.count == 0 {
                        return result(
                            converged: false, "the line search found no lower value along the search direction")
                    }
                    memory.reset()  // as L-BFGS-B does: forget the curvature pairs and start again
                    continue
                }
                iterations += 1
                let s = (0..<x.count).map { step.x[$0] - x[$0] }
                let y = (0..<x.count).map { step.g[$0] - g[$0] }
                let gdOld = dot(g, s)
                let fOld = f
                (x, f, g) = (step.x, step.f, step.g)
                if projectedGradientNorm <= options.gradientTolerance {
                    return result(converged: true, "projected gradient norm ≤ gradient_tolerance")
                }
                if fOld - f <= options.fTolerance * max(abs(fOld), abs(f), 1) {
                    return result(converged: true, "relative reduction of f ≤ f_tolerance")
                }
                // Keep the pair only with enough positive curvature, so B stays positive definite.
                if dot(s, y) > .ulpOfOne * -gdOld { _ = memory.append(s: s, y: y) }
            }
        }

        struct Step { var x: [Double]; var f: Double; var g: [Double] }

        /// Searches from x along d (x + d = target); nil when it fails to find
        /// an acceptable lower point within maxLineSearchSteps evaluations.
        private mutating func lineSearch(
            towards target: [Double], direction d: [Double],
            firstIteration: Bool
        ) throws -> Step? {
            let slope = dot(g, d)
            guard slope < 0 else { return nil }  // not a descent direction
            // The longest step that stays in the box (1 reaches the target).
            var stpmax = 1e10
            if box.hasAnyBound {
                if firstIteration {
                    stpmax = 1
                } else {
                    for i in 0..<x.count {
                        if d[i] < 0, box.lower[i] > -.infinity {
                            let room = box.lower[i] - x[i]
                            if room >= 0 { stpmax = 0 } else if d[i] * stpmax < room { stpmax = room / d[i] }
                        } else if d[i] > 0, box.upper[i] < .infinity {
                            let room = box.upper[i] - x[i]
                            if room <= 0 { stpmax = 0 } else if d[i] * stpmax > room { stpmax = room / d[i] }
                        }
                    }
                }
            }
            guard stpmax > 0 else { return nil }
            let norm = dot(d, d).squareRoot()
            let first = firstIteration && !box.hasEveryBound ? min(1 / norm, stpmax) : 1
            var search = MoreThuenteLineSearch(f: f, g: slope, step: first, stpmax: stpmax)
            var stp = search.stp
            for _ in 0..<options.maxLineSearchSteps {
                let trial = stp == 1 ? target : box.clamp((0..<x.count).map { x[$0] + stp * d[$0] })
                let ft = try evaluator.value(at: trial)
                guard ft.isFinite else {
                    stp = search.retreat()
                    continue
                }
                let gt = try evaluator.gradient(at: trial, value: ft)
                guard gt.allSatisfy(\.isFinite) else {
                    stp = search.retreat()
                    continue
                }
                switch search.next(f: ft, g: dot(gt, d)) {
                case .evaluate(let next): stp = next
                case .accept:
                    // A safeguard may stop on a higher value; never step uphill.
                    return ft <= f ? Step(x: trial, f: ft, g: gt) : nil
                }
            }
            return nil
        }
    }
}
