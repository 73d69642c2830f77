import Foundation

/// Estimates at the current θ: the PLS solution (β, u, b) by back substitution through L, and
/// what lme4 reports from it.
extension LinearMixedModel {
    /// Fixed effects β, named by `fixedEffectNames`.
    public var beta: [Double] { solution.beta }

    /// Spherical random effects u per term, level-major (level g, column c at g * q + c).
    public var u: [[Double]] { solution.u }

    /// Conditional modes b = Λθ u per term, laid out as `u`; `ranef(m)` in matrix form.
    public var b: [[Double]] { solution.b }

    /// Residual standard deviation: sqrt(pwrss / (n − p)) for REML, sqrt(pwrss / n) for ML.
    public var sigma: Double {
        (pwrss / Double(reml ? n - p : n)).squareRoot()
    }

    /// Xβ + Zb.
    public var fittedValues: [Double] { fitted(solution) }

    /// Xβ alone, `predict(m, re.form = NA)`.
    public var fixedEffectPredictions: [Double] {
        let beta = solution.beta
        return (0..<n).map { r in (0..<p).reduce(0) { $0 + xy.xy[r + $1 * n] * beta[$1] } }
    }

    /// y − Xβ − Zb, unweighted (`residuals(m)`).
    public var residuals: [Double] {
        zip(response, fittedValues).map { $0 - $1 }
    }

    public var response: [Double] { Array(xy.xy[(n * p)..<(n * (p + 1))]) }

    /// ‖W^½(y − Xβ − Zb)‖², lme4's `wrss`.
    public var wrss: Double {
        let r = residuals
        return r.indices.reduce(0) { $0 + (weights?[$1] ?? 1) * r[$1] * r[$1] }
    }

    /// ‖u‖², lme4's `ussq`.
    public var ussq: Double { solution.u.joined().reduce(0) { $0 + $1 * $1 } }

    /// `logLik(m)`: −objective / 2 (the REML log-likelihood for a REML fit, as lme4 reports it).
    public var logLikelihood: Double { -objective / 2 }

    /// Parameters counted by `logLik`: β, θ and σ.
    public var logLikelihoodDF: Int { p + theta.count + 1 }

    public var aic: Double { -2 * logLikelihood + 2 * Double(logLikelihoodDF) }

    public var bic: Double { -2 * logLikelihood + log(Double(n)) * Double(logLikelihoodDF) }

    /// `vcov(m)`: σ² (RX'RX)⁻¹, p x p column-major.
    public var fixedEffectsCovariance: [Double] {
        let block = l[terms.count, terms.count]
        var rx = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            for i in j..<p { rx[i + j * p] = block.values[i + j * (p + 1)] }
        }
        let s2 = sigma * sigma
        return (LAPACK.choleskyInverse(lower: rx, n: p) ?? [Double](repeating: .nan, count: p * p)).map { $0 * s2 }
    }

    /// RX β, RX the fixed effects' upper-triangular Cholesky factor (lme4's `pp$RX() %*% beta`):
    /// the squares of its entries are the fixed effects' sequential sums of squares.
    public var fixedEffectsProjection: [Double] { projection(of: beta) }

    /// RX β for a given β (a GLMM's, whose RX comes from its final working weights).
    public func projection(of beta: [Double]) -> [Double] {
        let block = l[terms.count, terms.count]
        return (0..<p).map { i in (i..<p).reduce(0.0) { $0 + block.values[$1 + i * (p + 1)] * beta[$1] } }
    }

    // MARK: - The PLS solution

    struct Solution {
        let beta: [Double]
        let u: [[Double]]
        let b: [[Double]]
    }

    var solution: Solution {
        if let cachedSolution { return cachedSolution }
        let computed = solve()
        cachedSolution = computed
        return computed
    }

    /// Back substitution through L: first RX'β = cβ, then block by block from the last term,
    /// L_jj' u_j = c_j − L_{X,j}'β − Σ_{i>j} L_ij' u_i.
    private func solve() -> Solution {
        let k = terms.count, width = p + 1
        let last = l[k, k]
        var beta = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = last.values[p + i * width]
            for m in (i + 1)..<p { s -= last.values[m + i * width] * beta[m] }
            beta[i] = s / last.values[i + i * width]
        }
        var u = terms.map { [Double](repeating: 0, count: $0.columnCount) }
        for j in stride(from: k - 1, through: 0, by: -1) {
            let columns = terms[j].columnCount
            let bottom = l[k, j]
            var rhs = [Double](repeating: 0, count: columns)
            for c in 0..<columns {
                var s = bottom.values[p + c * width]
                for i in 0..<p { s -= bottom.values[i + c * width] * beta[i] }
                rhs[c] = s
            }
            for i in (j + 1)..<k {
                let product = l[i, j].transposedTimes(u[i])
                for c in 0..<columns { rhs[c] -= product[c] }
            }
            u[j] = l[j, j].solveTransposed(rhs)
        }
        let lambdas = self.lambdas
        let b = terms.indices.map { terms[$0].conditionalModes(spherical: u[$0], lambda: lambdas[$0]) }
        return Solution(beta: beta, u: u, b: b)
    }

    /// Xβ + Zb from a solution: computed when asked for, since a GLMM's PIRLS steps never need it.
    private func fitted(_ solution: Solution) -> [Double] {
        let beta = solution.beta, b = solution.b
        var fitted = [Double](repeating: 0, count: n)
        for r in 0..<n {
            var f = 0.0
            for c in 0..<p { f += xy.xy[r + c * n] * beta[c] }
            for (j, term) in terms.enumerated() {
                let start = term.refs[r] * term.q
                for s in 0..<term.q { f += term.value(r, s) * b[j][start + s] }
            }
            fitted[r] = f
        }
        return fitted
    }
}

extension LinearMixedModel {
    /// (RX'RX)⁻¹, p x p column-major: lme4's `pp$unsc()`.
    public var unscaledFixedEffectsCovariance: [Double] {
        let block = l[terms.count, terms.count]
        var rx = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            for i in j..<p { rx[i + j * p] = block.values[i + j * (p + 1)] }
        }
        return LAPACK.choleskyInverse(lower: rx, n: p) ?? [Double](repeating: .nan, count: p * p)
    }

    /// RX, the fixed effects' upper triangular Cholesky factor: p x p column-major (getME(m, "RX")).
    public var fixedEffectsFactor: [Double] {
        let block = l[terms.count, terms.count]
        var rx = [Double](repeating: 0, count: p * p)
        for j in 0..<p { for i in j..<p { rx[j + i * p] = block.values[i + j * (p + 1)] } }
        return rx
    }
}
