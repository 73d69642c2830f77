import CRmath
import Foundation

/// One t test of a contrast L'β, as a row of lmerTest's `contest1D` (and of `summary()`'s
/// coefficient table when L picks one coefficient).
public struct SatterthwaiteTest: Equatable {
    public let estimate: Double
    public let stdError: Double
    /// Satterthwaite's denominator degrees of freedom.
    public let df: Double
    public let tValue: Double
    /// Two-sided: 2 P(T_df > |t|).
    public let pValue: Double
}

/// `coef(summary(m))` of an lmerTest fit: one test per fixed effect, and lmerTest's warnings
/// about the Hessian of the variance parameters.
public struct SatterthwaiteTable {
    public let names: [String]
    public let rows: [SatterthwaiteTest]
    public let warnings: [String]
}

/// What lmerTest 3.1-3 computes once per fit (`as_lmerModLT` in R/lmer.R) to give every
/// contrast its Satterthwaite degrees of freedom: with varpar = (θ, σ) at the fit,
///
/// - the Hessian H of the deviance in varpar (`devfun_vp`) by numDeriv's `hessian`,
/// - A = 2 H⁻¹, the asymptotic covariance of varpar, where H⁻¹ keeps only the eigenvalues of H
///   above `tolerance` (a pseudo-inverse, so a fit on the boundary still gives numbers),
/// - the Jacobian of vcov(β) = σ²(RX'RX)⁻¹ in varpar by numDeriv's `jacobian`.
///
/// For a contrast L, `contest1D` then gives v = L'VL, g_i = L'(∂V/∂varpar_i)L and
/// df = 2 v² / (g'Ag).
public struct SatterthwaiteApproximation {
    public let fixedEffectNames: [String]
    public let beta: [Double]
    /// (θ, σ) at which everything below was computed.
    public let varianceParameters: [Double]
    /// vcov(β̂), p x p column-major (lmerTest's `vcov_beta`).
    public let fixedEffectsCovariance: [Double]
    /// Hessian of `devfun_vp` at `varianceParameters`, k x k for k = θ count + 1.
    public let hessian: [Double]
    /// A = 2 H⁻¹ (lmerTest's `vcov_varpar`), k x k.
    public let varianceParameterCovariance: [Double]
    /// ∂vcov(β̂)/∂varpar_i, one p x p matrix per variance parameter (lmerTest's `Jac_list`).
    public let covarianceJacobian: [[Double]]
    /// lmerTest's warnings about negative or near-zero eigenvalues of H.
    public let warnings: [String]

    /// lmerTest's eigenvalue tolerance (as_lmerModLmerTest's `tol`).
    public static let tolerance = 1e-8

    /// lmerTest's `contest1D(model, L)`: the t test of L'β = 0.
    public func test(contrast: [Double]) throws -> SatterthwaiteTest {
        let p = beta.count
        guard contrast.count == p else {
            throw MixedModelsError("the contrast has \(contrast.count) elements for \(p) fixed effects")
        }
        guard !contrast.contains(where: \.isNaN) else {
            return SatterthwaiteTest(estimate: .nan, stdError: .nan, df: .nan, tValue: .nan, pValue: .nan)
        }
        let estimate = zip(contrast, beta).reduce(0) { $0 + $1.0 * $1.1 }
        let variance = Self.quadraticForm(contrast, fixedEffectsCovariance)
        let gradient = covarianceJacobian.map { Self.quadraticForm(contrast, $0) }
        let denominator = Self.quadraticForm(gradient, varianceParameterCovariance)
        let df = 2 * variance * variance / denominator
        let se = variance.squareRoot()
        let t = estimate / se
        return SatterthwaiteTest(estimate: estimate, stdError: se, df: df, tValue: t,
                                 pValue: 2 * CRmath.pt(abs(t), df, 0, 0))
    }

    /// lmerTest's `get_coefmat`: one test per coefficient (L a row of the identity).
    public func table() throws -> SatterthwaiteTable {
        let p = beta.count
        let rows = try (0..<p).map { i in
            try test(contrast: (0..<p).map { $0 == i ? 1 : 0 })
        }
        return SatterthwaiteTable(names: fixedEffectNames, rows: rows, warnings: warnings)
    }

    /// lmerTest's `qform(x, A)`: x'Ax as sum(x * (A %*% x)), A column-major.
    static func quadraticForm(_ x: [Double], _ a: [Double]) -> Double {
        let n = x.count
        var ax = [Double](repeating: 0, count: n)
        for j in 0..<n {
            for i in 0..<n { ax[i] += a[i + j * n] * x[j] }
        }
        return zip(x, ax).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
