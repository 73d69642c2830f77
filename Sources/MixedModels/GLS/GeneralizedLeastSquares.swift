import Foundation

/// Generalized least squares as nlme's gls fits it: y = Xβ + ε with Var(ε) = σ²Λ, Λ block
/// diagonal by group, Λ_g = W_g C_g W_g for a within-group correlation C (AR(1) in the
/// positions, or compound symmetry) and standard-deviation ratios W by stratum (varIdent).
/// Each group is whitened by the Cholesky factor of its Λ_g, and β, σ and the profiled log-
/// likelihood come from the QR decomposition of the whitened [X y]:
///   ML:   −N/2 (log 2π + 1 + log(RSS/N))             − ½ log|Λ|
///   REML: −(N−p)/2 (log 2π + 1 + log(RSS/(N−p)))      − ½ log|Λ| − ½ log|R_X'R_X|
/// (nlme's). The structure's parameters are estimated on nlme's unconstrained scale by
/// Nelder–Mead, then Newton steps to the optimum (NewtonPolish).
public struct GeneralizedLeastSquares {
    public enum Correlation: Equatable {
        case none
        /// φ^|t_i − t_j| within a group, t the position covariate.
        case autoregressive
        /// ρ between any two observations of a group.
        case compoundSymmetry
    }

    public let x: [Double]
    public let y: [Double]
    public let n: Int
    public let p: Int
    /// Rows of each group, in order.
    public let groups: [[Int]]
    /// Position of each row within its group (AR(1)'s covariate).
    public let positions: [Double]
    /// Stratum of each row (0 is the reference, ratio 1), and how many there are.
    public let strata: [Int]
    public let strataCount: Int
    public let correlation: Correlation
    public let reml: Bool

    public init(x: [Double], y: [Double], n: Int, p: Int, groups: [[Int]], positions: [Double],
                strata: [Int], strataCount: Int, correlation: Correlation, reml: Bool) throws {
        guard x.count == n * p, y.count == n, positions.count == n, strata.count == n,
              groups.flatMap({ $0 }).sorted() == Array(0..<n), strata.allSatisfy({ $0 >= 0 && $0 < max(strataCount, 1) }) else {
            throw MixedModelsError("gls: the model's parts do not conform")
        }
        guard n > p else { throw MixedModelsError("gls: fewer observations than coefficients") }
        self.x = x; self.y = y; self.n = n; self.p = p
        self.groups = groups; self.positions = positions
        self.strata = strata; self.strataCount = max(strataCount, 1)
        self.correlation = correlation; self.reml = reml
        integralPositions = positions.allSatisfy { $0 == $0.rounded() && abs($0) < 1e6 }
        maxLag = integralPositions
            ? groups.map { rows in Int((rows.map { positions[$0] }.max() ?? 0) - (rows.map { positions[$0] }.min() ?? 0)) }.max() ?? 0
            : 0
    }

    /// Whether every position is a whole number (so lags index a table), and the longest lag.
    private let integralPositions: Bool
    private let maxLag: Int

    /// The number of unconstrained parameters: the correlation's, then a log ratio per stratum
    /// after the first.
    public var parameterCount: Int { (correlation == .none ? 0 : 1) + strataCount - 1 }

    /// The structure's natural parameters from unconstrained ones: (correlation, ratios).
    public func natural(_ u: [Double]) -> (correlation: Double, ratios: [Double]) {
        var k = 0
        var rho = 0.0
        switch correlation {
        case .none: break
        case .autoregressive:
            rho = tanh(u[0] / 2)
            k = 1
        case .compoundSymmetry:
            // nlme's: ρ in (−1/(m − 1), 1) for the largest group size m.
            let m = Double(groups.map(\.count).max() ?? 2)
            let lower = -1 / max(m - 1, 1)
            let e = exp(u[0])
            rho = (e + lower) / (e + 1)
            k = 1
        }
        let ratios = [1.0] + (0..<(strataCount - 1)).map { exp(u[k + $0]) }
        return (rho, ratios)
    }

    public struct Fit {
        public let logLik: Double
        public let beta: [Double]
        /// (X*'X*)⁻¹, p x p column-major: σ² times it is β's covariance.
        public let unscaledCovariance: [Double]
        public let rss: Double
        public let sigma: Double
        /// Each row's residual scaled by the whitening (nlme's normalized residuals times σ).
        public let whitenedResiduals: [Double]
    }

    /// The fit at unconstrained parameters u; nil where Λ is not positive definite.
    public func evaluate(_ u: [Double]) -> Fit? {
        guard u.count == parameterCount, u.allSatisfy(\.isFinite) else { return nil }
        let (rho, ratios) = natural(u)
        let columns = p + 1
        // AR(1)'s φ^lag, taken once per whole lag (pow per pair of rows dominated the fit).
        let lagPowers: [Double] = correlation == .autoregressive && integralPositions
            ? (0...maxLag).map { pow(rho, Double($0)) } : []
        var whitened = [Double](repeating: 0, count: n * columns)
        var logDetLambda = 0.0
        for rows in groups {
            let m = rows.count
            var lambda = [Double](repeating: 0, count: m * m)
            for j in 0..<m {
                for i in j..<m {
                    let c: Double
                    if i == j { c = 1 } else {
                        switch correlation {
                        case .none: c = 0
                        case .autoregressive:
                            let lag = abs(positions[rows[i]] - positions[rows[j]])
                            c = lagPowers.isEmpty ? pow(rho, lag) : lagPowers[Int(lag)]
                        case .compoundSymmetry: c = rho
                        }
                    }
                    let value = c * ratios[strata[rows[i]]] * ratios[strata[rows[j]]]
                    lambda[i + j * m] = value
                    lambda[j + i * m] = value
                }
            }
            guard LAPACK.choleskyLower(&lambda, n: m) else { return nil }
            for i in 0..<m { logDetLambda += 2 * log(lambda[i + i * m]) }
            // The group's rows of [X y], whitened: L⁻¹ times them.
            var block = [Double](repeating: 0, count: m * columns)
            for col in 0..<columns {
                for (i, r) in rows.enumerated() { block[i + col * m] = col < p ? x[r + col * n] : y[r] }
            }
            LAPACK.solveLowerInPlace(lambda, n: m, &block, columns: columns)
            for col in 0..<columns {
                for (i, r) in rows.enumerated() { whitened[r + col * n] = block[i + col * m] }
            }
        }
        let qr = PivotedQR(whitened, rows: n, columns: columns)
        guard qr.rank == columns, qr.pivot == Array(0..<columns) else { return nil }
        func r(_ i: Int, _ j: Int) -> Double { qr.qr[i + j * n] }
        let rss = r(p, p) * r(p, p)
        var logDetRX = 0.0
        for i in 0..<p { logDetRX += 2 * log(abs(r(i, i))) }
        // β from R_X β = Q'y, and (R_X'R_X)⁻¹ by LAPACK.
        var beta = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = r(i, p)
            for k in (i + 1)..<max(p, i + 1) { s -= r(i, k) * beta[k] }
            beta[i] = s / r(i, i)
        }
        var rX = [Double](repeating: 0, count: p * p)
        for j in 0..<p { for i in 0...j { rX[i + j * p] = r(i, j) } }
        guard let covariance = LAPACK.choleskyInverse(upper: rX, n: p) else { return nil }
        let dof = Double(reml ? n - p : n)
        var logLik = -dof / 2 * (log(2 * Double.pi) + 1 + log(rss / dof)) - logDetLambda / 2
        if reml { logLik -= logDetRX / 2 }
        var residuals = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = whitened[i + p * n]
            for k in 0..<p { s -= whitened[i + k * n] * beta[k] }
            residuals[i] = s
        }
        return Fit(logLik: logLik, beta: beta, unscaledCovariance: covariance, rss: rss,
                   sigma: (rss / dof).squareRoot(), whitenedResiduals: residuals)
    }

    /// The unconstrained parameters that maximize the likelihood, from `start`: Nelder–Mead to
    /// near the optimum, then Newton steps to it (bounded at ±50, e^50 on nlme's scales being
    /// beyond any structure a fit could show).
    public func estimate(from start: [Double]) throws -> [Double] {
        guard !start.isEmpty else { return [] }
        let objective = { (u: [Double]) -> Double in
            guard let fit = self.evaluate(u), fit.logLik.isFinite else { return .infinity }
            return -2 * fit.logLik
        }
        let bound = [Double](repeating: 50, count: start.count)
        let run = try NelderMead.minimize(start: start, lower: bound.map { -$0 }, upper: bound,
                                          step: start.map { _ in 0.5 }, xTolerance: start.map { _ in 1e-5 },
                                          maxEvaluations: 20_000, objective)
        return NewtonPolish.refine(run.x, lower: bound.map { -$0 }, objective)
    }
}
