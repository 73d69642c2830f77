import CRmath
import Foundation

/// One row of the coefficient table, as `tidy(fit)` prints it; NaN throughout for an aliased term.
public struct CoefficientRow: Equatable {
    public let term: String
    public let estimate: Double
    public let stdError: Double
    public let statistic: Double
    public let pValue: Double
}

/// The F test of the model against the intercept-only (or empty) model, as `summary.lm` reports it.
public struct FStatistic: Equatable {
    public let value: Double
    public let numeratorDF: Double
    public let denominatorDF: Double
    /// `pf(value, numdf, dendf, lower.tail = FALSE)`.
    public let pValue: Double
}

/// What `summary.lm`, `glance`, `logLik`, `AIC`, `BIC` and `deviance` compute from an lm fit,
/// following the R functions' own formulas so that the edge cases (rank 0, no residual degrees
/// of freedom, zero weights) come out as R's NA, NaN or Inf.
extension LinearModelFit {
    /// Sum of (weighted) squared residuals, `deviance(fit)`.
    public var deviance: Double {
        var rss = 0.0
        for i in residuals.indices {
            let w = weights?[i] ?? 1
            rss += w * residuals[i] * residuals[i]
        }
        return rss
    }

    /// Residual standard error, `sigma(fit)`; NaN or Inf when no degrees of freedom remain.
    public var sigma: Double { (deviance / Double(dfResidual)).squareRoot() }

    /// R's `chol2inv` of R over the kept columns: rank x rank, in pivoted order, column-major.
    /// Names are `coefficientNames[pivot[0..<rank]]`.
    public var unscaledCovariance: [Double] {
        LAPACK.choleskyInverse(upper: qr.r, n: rank)
            ?? [Double](repeating: .nan, count: rank * rank)
    }

    /// The regression sum of squares about the (weighted) mean, or about zero without intercept.
    private var modelSumOfSquares: Double {
        let w = weights ?? [Double](repeating: 1, count: fittedValues.count)
        if hasIntercept {
            let total = w.reduce(0, +)
            var mean = 0.0
            for i in fittedValues.indices { mean += w[i] * fittedValues[i] / total }
            var mss = 0.0
            for i in fittedValues.indices { mss += w[i] * (fittedValues[i] - mean) * (fittedValues[i] - mean) }
            return mss
        }
        var mss = 0.0
        for i in fittedValues.indices { mss += w[i] * fittedValues[i] * fittedValues[i] }
        return mss
    }

    /// Whether the model has no term beyond the intercept, when R reports R² = 0 and no F.
    private var interceptOnly: Bool { rank == (hasIntercept ? 1 : 0) || rank == 0 }

    public var rSquared: Double {
        if interceptOnly { return 0 }
        let mss = modelSumOfSquares
        return mss / (mss + deviance)
    }

    public var adjustedRSquared: Double {
        if interceptOnly { return 0 }
        let interceptDF = hasIntercept ? 1.0 : 0.0
        return 1 - (1 - rSquared) * ((Double(nobs) - interceptDF) / Double(dfResidual))
    }

    /// Nil when the model has nothing beyond the intercept, as in `summary.lm`.
    public var fStatistic: FStatistic? {
        if interceptOnly { return nil }
        let numerator = Double(rank) - (hasIntercept ? 1 : 0)
        let denominator = Double(dfResidual)
        let value = (modelSumOfSquares / numerator) / (deviance / denominator)
        return FStatistic(value: value, numeratorDF: numerator, denominatorDF: denominator,
                          pValue: pf(value, numerator, denominator, 0, 0))
    }

    /// Every coefficient in column order; aliased ones as all-NaN rows, as `tidy` shows them.
    /// `summary.lm` prints only the rows where `aliased` is false.
    public var coefficientTable: [CoefficientRow] {
        let covariance = unscaledCovariance
        let residualVariance = deviance / Double(dfResidual)
        var rows = coefficientNames.map {
            CoefficientRow(term: $0, estimate: .nan, stdError: .nan, statistic: .nan, pValue: .nan)
        }
        for position in 0..<rank {
            let column = pivot[position]
            let estimate = coefficients[column]
            let se = (covariance[position + position * rank] * residualVariance).squareRoot()
            let t = estimate / se
            let p = 2 * CRmath.pt(abs(t), Double(dfResidual), 0, 0)
            rows[column] = CoefficientRow(term: coefficientNames[column], estimate: estimate,
                                          stdError: se, statistic: t, pValue: p)
        }
        return rows
    }

    /// `summary.lm` warns "essentially perfect fit: summary may be unreliable" when this holds.
    public var isEssentiallyPerfectFit: Bool {
        let residualVariance = deviance / Double(dfResidual)
        guard residualVariance.isFinite, !fittedValues.isEmpty else { return false }
        let n = Double(fittedValues.count)
        let mean = fittedValues.reduce(0, +) / n
        var variance = 0.0
        for f in fittedValues { variance += (f - mean) * (f - mean) }
        variance /= n - 1  // NaN for one observation, as var() gives NA and the test fails
        return residualVariance < (mean * mean + variance) * 1e-30
    }

    /// `logLik(fit)`: the Gaussian log-likelihood at the ML variance, zero-weight rows left out.
    public var logLikelihood: Double {
        var sumLogW = 0.0, rss = 0.0, count = 0.0
        for i in residuals.indices {
            let w = weights?[i] ?? 1
            if w == 0 { continue }
            sumLogW += log(w)
            rss += w * residuals[i] * residuals[i]
            count += 1
        }
        return 0.5 * (sumLogW - count * (log(2 * Double.pi) + 1 - log(count) + log(rss)))
    }

    /// Parameters counted by `logLik`: the kept coefficients and sigma.
    public var logLikelihoodDF: Int { rank + 1 }

    public var aic: Double { -2 * logLikelihood + 2 * Double(logLikelihoodDF) }

    public var bic: Double { -2 * logLikelihood + log(Double(nobs)) * Double(logLikelihoodDF) }
}

extension LinearModelFit {
    /// Leverages as lm.influence computes them: each row's squared norm over the first `rank`
    /// columns of Q (of the weighted decomposition), one where that is within 10 ε of one.
    /// Rows with zero weight take no part in the fit and have leverage 0.
    public var leverages: [Double] {
        let m = qr.rows
        var squares = [Double](repeating: 0, count: m)
        for j in 0..<min(rank, m) {
            var unit = [Double](repeating: 0, count: m)
            unit[j] = 1
            let column = qr.qy(unit)
            for i in 0..<m { squares[i] += column[i] * column[i] }
        }
        let fitted = squares.map { $0 >= 1 - 10 * Double.ulpOfOne ? 1 : $0 }
        guard let weights else { return fitted }
        var next = fitted.makeIterator()
        return weights.map { $0 != 0 ? (next.next() ?? 0) : 0 }
    }
}
