/// Newton steps from an optimizer's result to the minimum itself, for fits whose printed
/// digits come from an optimizer that converges further than Nelder–Mead stops (nlme's gls
/// prints its structure's parameters to seven digits). The gradient is a Richardson-extrapolated
/// central difference and the Hessian a plain one; a step is taken only where it lowers the
/// objective, so the result is never worse than the start. Elements on or next to their lower
/// bound are held where they are.
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
            var gradient = [Double](repeating: 0, count: n)
            var hessian = [Double](repeating: 0, count: n * n)
            func shifted(_ moves: [(Int, Double)]) -> [Double] {
                var y = x
                for (i, d) in moves { y[i] += d }
                return y
            }
            for (a, i) in free.enumerated() {
                let h = steps[i]
                let plus = f(shifted([(i, h)])), minus = f(shifted([(i, -h)]))
                let wide = (plus - minus) / (2 * h)
                let narrow = (f(shifted([(i, h / 2)])) - f(shifted([(i, -h / 2)]))) / h
                gradient[a] = (4 * narrow - wide) / 3
                hessian[a * n + a] = (plus - 2 * fx + minus) / (h * h)
                for (b, j) in free.enumerated() where b < a {
                    let k = steps[j]
                    let value = (f(shifted([(i, h), (j, k)])) - f(shifted([(i, h), (j, -k)]))
                        - f(shifted([(i, -h), (j, k)])) + f(shifted([(i, -h), (j, -k)]))) / (4 * h * k)
                    hessian[a * n + b] = value
                    hessian[b * n + a] = value
                }
            }
            guard let direction = solvePositiveDefinite(hessian, gradient.map { -$0 }, n: n) else { break }
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

    /// The solution of A d = b for a symmetric positive-definite A (row-major n x n), by
    /// Cholesky; nil when A is not positive definite.
    static func solvePositiveDefinite(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k * n + i] * y[k] }
            y[i] /= l[i * n + i]
        }
        return y
    }
}
