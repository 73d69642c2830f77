/// lme4's `Nelder_Mead` optimizer (its C++ port of NLopt 2.2.4's nldrmd with bound pinning),
/// the second-stage optimizer of `glmer`: the same simplex moves, the same order of
/// evaluations and the same stopping rule, so a fit follows lme4's path.
///
/// The run stops when every coordinate of the simplex lies within `xt` of its centroid
/// (lme4 reports "parameter values converged to within tolerance"), or after `maxEvaluations`.
/// The result is the best point evaluated.
public enum NelderMead {
    public struct Result {
        public let x: [Double]
        public let minimum: Double
        public let evaluations: Int
        /// lme4's NM.result: 3 converged (x tolerance), 4 out of evaluations.
        public let code: Int

        public init(x: [Double], minimum: Double, evaluations: Int, code: Int) {
            self.x = x
            self.minimum = minimum
            self.evaluations = evaluations
            self.code = code
        }
    }

    private static let alpha = 1.0, beta = 0.5, gamma = 2.0, delta = 0.5

    private static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-13 * (abs(a) + abs(b)) }

    /// - Parameters:
    ///   - step: the initial simplex's step for each coordinate (lme4's `xst`).
    ///   - xTolerance: lme4's `xt`, by default `step * 5e-4`.
    public static func minimize(start: [Double], lower: [Double], upper: [Double], step: [Double],
                                xTolerance: [Double]? = nil, maxEvaluations: Int = 10_000,
                                _ f: ([Double]) -> Double) throws -> Result {
        let n = start.count
        guard n > 0, lower.count == n, upper.count == n, step.count == n else {
            throw MixedModelsError("Nelder_Mead: dimension mismatch")
        }
        guard (0..<n).allSatisfy({ start[$0] >= lower[$0] && start[$0] <= upper[$0] }) else {
            throw MixedModelsError("initial x is not feasible")
        }
        let xt = xTolerance ?? step.map { $0 * 5e-4 }
        // The initial simplex: the start, and the start moved by its step along each axis,
        // pinned inside the bounds.
        var points = [[Double]](repeating: start, count: n + 1)
        for i in 0..<n {
            let j = i + 1
            points[j][i] += step[i]
            if points[j][i] > upper[i] {
                points[j][i] = upper[i] - start[i] > abs(step[i]) * 0.1 ? upper[i] : start[i] - abs(step[i])
            }
            if points[j][i] < lower[i] {
                if start[i] - lower[i] > abs(step[i]) * 0.1 {
                    points[j][i] = lower[i]
                } else {
                    points[j][i] = start[i] + abs(step[i])
                    if points[j][i] > upper[i] {
                        points[j][i] = 0.5 * ((upper[i] - start[i] > start[i] - lower[i] ? upper[i] : lower[i]) + start[i])
                    }
                }
            }
            if close(points[j][i], start[i]) { throw MixedModelsError("cannot generate a feasible simplex") }
        }

        var values = [Double](repeating: .leastNormalMagnitude, count: n + 1)
        var best = start, bestValue = Double.infinity
        var evaluations = 0
        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            if v < bestValue {
                bestValue = v
                best = x
            }
            return v
        }
        /// x = c + scale (c − old), pinned to the bounds; false when it coincides with c or old.
        func reflect(_ c: [Double], _ scale: Double, _ old: [Double]) -> [Double]? {
            var x = [Double](repeating: 0, count: n)
            var equalC = true, equalOld = true
            for i in 0..<n {
                let value = min(max(c[i] + scale * (c[i] - old[i]), lower[i]), upper[i])
                equalC = equalC && close(value, c[i])
                equalOld = equalOld && close(value, old[i])
                x[i] = value
            }
            return equalC || equalOld ? nil : x
        }
        func result(_ code: Int) -> Result { Result(x: best, minimum: bestValue, evaluations: evaluations, code: code) }

        // (Re)initialization: the value at every vertex, in order.
        var initialize = true
        while true {
            if initialize {
                for k in 0...n {
                    values[k] = evaluate(points[k])
                    if evaluations > maxEvaluations { return result(4) }
                }
                initialize = false
            }
            // restart: the best and worst vertices (first of equals), the centroid opposite the worst.
            var low = 0, high = 0
            for k in 1...n {
                if values[k] < values[low] { low = k }
                if values[k] > values[high] { high = k }
            }
            let fLow = values[low], fHigh = values[high]
            var centroid = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = 0.0
                for k in 0...n { s += points[k][i] }
                centroid[i] = (s - points[high][i]) / Double(n)
            }
            var converged = true
            for i in 0..<n {
                var deviation = 0.0
                for k in 0...n { deviation = max(deviation, abs(points[k][i] - centroid[i])) }
                if !(abs(0 - deviation) < xt[i] || deviation == 0) { converged = false; break }
            }
            if converged { return result(3) }
            guard let reflected = reflect(centroid, alpha, points[high]) else { return result(3) }
            let fReflected = evaluate(reflected)
            if evaluations > maxEvaluations { return result(4) }
            if fReflected < fLow {
                // New best point: try to expand.
                guard let expanded = reflect(centroid, gamma, points[high]) else { return result(3) }
                let fExpanded = evaluate(expanded)
                if evaluations > maxEvaluations { return result(4) }
                if fExpanded < values[high] {
                    points[high] = expanded
                    values[high] = fExpanded
                } else {
                    points[high] = reflected
                    values[high] = fReflected
                }
                continue
            }
            if fReflected < fHigh {
                points[high] = reflected
                values[high] = fReflected
                continue
            }
            // New worst point: contract, inside or outside.
            guard let contracted = reflect(centroid, fHigh <= fReflected ? -beta : beta, points[high]) else { return result(3) }
            let fContracted = evaluate(contracted)
            if evaluations > maxEvaluations { return result(4) }
            if fContracted < fReflected && fContracted < fHigh {
                points[high] = contracted
                values[high] = fContracted
                continue
            }
            // Unsuccessful contraction: shrink toward the best vertex and evaluate all again.
            for k in 0...n where k != low {
                guard let shrunk = reflect(points[low], -delta, points[k]) else { return result(3) }
                points[k] = shrunk
            }
            initialize = true
        }
    }
}
