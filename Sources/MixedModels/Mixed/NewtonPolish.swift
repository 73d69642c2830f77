/// Newton steps from an optimizer's result to the minimum itself, for fits whose printed
/// digits come from an optimizer that converges further than Nelder–Mead stops (nlme's gls
/// prints its structure's parameters to seven digits). The gradient is a Richardson-extrapolated
/// central difference and the Hessian NumericalDerivatives' central one; a step is taken only
/// where it lowers the objective, so the result is never worse than the start. Elements on or
/// next to their lower bound are held where they are.
public enum NewtonPolish {
    public static func refine(_ start: [Double], lower: [Double], maxIterations: Int = 25,
                              _ f: ([Double]) -> Double) -> [Double] {
        var x = start
        var fx = f(x)
        for _ in 0..<maxIterations {
            let steps = x.indices.map { 1e-3 * max(abs(x[$0]), 0.1) }
            let free = x.indices.filter { x[$0] - 2 * steps[$0] > lower[$0] }
            guard !free.isEmpty else { break }
            let n = free.count
            // The objective over the free elements only.
            let base = x
            func restricted(_ z: [Double]) -> Double {
                var y = base
                for (a, i) in free.enumerated() { y[i] = z[a] }
                return f(y)
            }
            let z = free.map { x[$0] }, h = free.map { steps[$0] }
            // Richardson-extrapolated central differences for the gradient.
            let gradient = (0..<n).map { a -> Double in
                func moved(_ d: Double) -> Double {
                    var y = z
                    y[a] += d
                    return restricted(y)
                }
                let wide = (moved(h[a]) - moved(-h[a])) / (2 * h[a])
                let narrow = (moved(h[a] / 2) - moved(-h[a] / 2)) / h[a]
                return (4 * narrow - wide) / 3
            }
            var factor = NumericalDerivatives.centralHessian(restricted, at: z, steps: h)
            guard LAPACK.choleskyLower(&factor, n: n) else { break }
            var direction = gradient.map { -$0 }
            LAPACK.solveLowerInPlace(factor, n: n, &direction, columns: 1)
            direction = LAPACK.solveTransposedLower(factor, n: n, direction)
            var accepted = false
            var scale = 1.0
            for _ in 0..<30 {
                var candidate = x
                for (a, i) in free.enumerated() { candidate[i] += scale * direction[a] }
                if candidate.indices.allSatisfy({ candidate[$0] >= lower[$0] }) {
                    let value = f(candidate)
                    if value <= fx {
                        let moved = free.indices.map { abs(candidate[free[$0]] - x[free[$0]]) }.max() ?? 0
                        x = candidate
                        fx = value
                        // Steps below 1e-9 (relative) are the objective's rounding, not progress.
                        accepted = moved > 1e-9 * (1 + (x.map(abs).max() ?? 0))
                        break
                    }
                }
                scale /= 2
            }
            if !accepted { break }
        }
        return x
    }
}
