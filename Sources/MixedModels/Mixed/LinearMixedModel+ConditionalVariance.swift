/// lme4's conditional variances of the random effects (`ranef(m, condVar = TRUE)`): given θ and
/// σ, the covariance of the spherical effects u is σ²(Λ'Z'ZΛ + I)⁻¹, so that of b = Λu is
/// σ² Λ (Λ'Z'ZΛ + I)⁻¹ Λ'. lme4 reports its diagonal blocks, one q x q block per level of each
/// term. The system is formed and inverted densely, which is exact and quick for the models of
/// lessons (a few hundred random effects) and refused beyond `maxEffects`.
extension LinearMixedModel {
    /// `scale` replaces σ (a GLMM's is 1); prior weights weight Z'Z as W does.
    public func conditionalCovariances(maxEffects: Int = 5000, scale: Double? = nil) throws -> [[[Double]]] {
        let offsets = terms.reduce(into: [0]) { $0.append($0.last! + $1.columnCount) }
        let total = offsets.last!
        guard total <= maxEffects else {
            throw MixedModelsError("conditional variances of \(total) random effects are more than mlmd computes (\(maxEffects))")
        }
        var thetaStart = 0
        let lambdas = terms.map { term -> [Double] in
            defer { thetaStart += term.thetaCount }
            return term.lambda(theta[thetaStart..<(thetaStart + term.thetaCount)])
        }
        // A = Λ'Z'ZΛ + I, accumulated row by row from each row's few non-zeros of ZΛ.
        var a = [Double](repeating: 0, count: total * total)
        for i in 0..<total { a[i + i * total] = 1 }
        var columns: [Int] = [], values: [Double] = []
        for r in 0..<n {
            columns.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            for (t, term) in terms.enumerated() {
                let q = term.q, base = offsets[t] + term.refs[r] * q, lambda = lambdas[t]
                for c2 in 0..<q {
                    var v = 0.0
                    for c in c2..<q { v += term.z[r + c * n] * lambda[c + c2 * q] }
                    columns.append(base + c2)
                    values.append(v)
                }
            }
            let w = weights?[r] ?? 1
            for (j, cj) in columns.enumerated() {
                for (i, ci) in columns.enumerated() { a[ci + cj * total] += w * values[i] * values[j] }
            }
        }
        guard LAPACK.choleskyLower(&a, n: total), let inverse = LAPACK.choleskyInverse(lower: a, n: total) else {
            throw MixedModelsError("the random-effects system is not positive definite")
        }
        let s2 = scale.map { $0 * $0 } ?? sigma * sigma
        return terms.enumerated().map { t, term in
            let q = term.q, lambda = lambdas[t]
            return (0..<term.levelCount).map { g in
                let base = offsets[t] + g * q
                // σ² λ A⁻¹[block] λ'
                var out = [Double](repeating: 0, count: q * q)
                for i in 0..<q { for j in 0..<q {
                    var v = 0.0
                    for k in 0..<q { for l in 0..<q {
                        v += lambda[i + k * q] * inverse[(base + k) + (base + l) * total] * lambda[j + l * q]
                    } }
                    out[i + j * q] = s2 * v
                } }
                return out
            }
        }
    }
}

extension LinearMixedModel {
    /// The diagonal of L's first block (the term with the most levels): for a single scalar
    /// term, the whole of L_Z, whose inverse scales adaptive Gauss–Hermite quadrature.
    var diagonalOfFirstBlock: [Double] {
        let block = l[0, 0]
        return (0..<block.rows).map { block.diagonalElement($0) }
    }
}
