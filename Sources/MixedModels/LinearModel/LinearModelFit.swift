/// `LinearModelFit(x:y:weights:hasIntercept:tolerance:)`: ordinary or weighted least squares as
/// R's `lm.fit` and `lm.wfit` compute it, by the dqrdc2 QR of `PivotedQR`.
///
/// Aliased coefficients (columns dqrdc2 judges dependent on earlier ones) are NaN, which the
/// interpreter prints as NA. Rows with zero weight are left out of the fit, as `lm.wfit` does,
/// and get fitted values from the coefficients (aliased ones taken as 0).
public struct LinearModelFit {
    public let coefficientNames: [String]
    /// One per column of `x`, in column order; NaN where aliased.
    public let coefficients: [Double]
    public let rank: Int
    /// 0-based column index at each position of the decomposition: kept columns first.
    public let pivot: [Int]
    /// The decomposition of `sqrt(w) * x` over the rows with non-zero weight.
    public let qr: PivotedQR
    /// y - fitted, for every row (unweighted, as `residuals(fit)`).
    public let residuals: [Double]
    public let fittedValues: [Double]
    /// Q'(sqrt(w) y) over the rows with non-zero weight, as `fit$effects`.
    public let effects: [Double]
    /// Names of `effects`: the kept coefficients' names, then empty strings.
    public let effectNames: [String]
    public let dfResidual: Int
    /// The prior weights as given (nil for an unweighted fit).
    public let weights: [Double]?
    /// Whether the model has an intercept term; decides the null model of R² and F.
    public let hasIntercept: Bool
    public let response: [Double]

    /// - Parameters:
    ///   - hasIntercept: R reads this from the model's terms; by default a column named
    ///     "(Intercept)" means there is one.
    ///   - tolerance: R's `lm(tol = 1e-7)`.
    public init(x: DesignMatrix, y: [Double], weights: [Double]? = nil, hasIntercept: Bool? = nil,
                tolerance: Double = 1e-7) throws {
        let n = x.rows, p = x.columns
        guard y.count == n else { throw MixedModelsError("incompatible dimensions") }
        guard n > 0 else { throw MixedModelsError("0 (non-NA) cases") }
        guard x.values.allSatisfy(\.isFinite) else { throw MixedModelsError("NA/NaN/Inf in 'x'") }
        guard y.allSatisfy(\.isFinite) else { throw MixedModelsError("NA/NaN/Inf in 'y'") }
        if let weights {
            guard weights.count == n else { throw MixedModelsError("incompatible dimensions") }
            guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw MixedModelsError("missing or negative weights not allowed")
            }
        }
        self.coefficientNames = x.names
        self.weights = weights
        self.hasIntercept = hasIntercept ?? x.names.contains("(Intercept)")
        self.response = y

        // lm.wfit fits on the rows with non-zero weight only.
        let keep = weights.map { $0.map { $0 != 0 } } ?? [Bool](repeating: true, count: n)
        let fitX = keep.allSatisfy { $0 } ? x : x.selectingRows(keep)
        let m = fitX.rows
        let rootW = weights.map { w in keep.indices.filter { keep[$0] }.map { w[$0].squareRoot() } }
            ?? [Double](repeating: 1, count: m)
        let fitY = keep.indices.filter { keep[$0] }.map { y[$0] }

        var scaledX = fitX.values
        for j in 0..<p {
            for i in 0..<m { scaledX[i + j * m] *= rootW[i] }
        }
        let scaledY = zip(fitY, rootW).map { $0 * $1 }
        let qr = PivotedQR(scaledX, rows: m, columns: p, tolerance: tolerance)
        let qty = qr.qty(scaledY)
        let rank = qr.rank

        var coefficients = [Double](repeating: .nan, count: p)
        if let kept = qr.backSolve(qty) {
            for (position, value) in kept.enumerated() { coefficients[qr.pivot[position]] = value }
        }
        // Residuals are Q applied to qty with its first `rank` elements zeroed (dqrsl's rsd).
        var tail = qty
        for i in 0..<min(rank, m) { tail[i] = 0 }
        let scaledResiduals = rank > 0 ? qr.qy(tail) : scaledY
        var residuals = y, fitted = [Double](repeating: 0, count: n)
        var row = 0
        for i in 0..<n {
            if keep[i] {
                residuals[i] = scaledResiduals[row] / rootW[row]
                fitted[i] = y[i] - residuals[i]
                row += 1
            } else {
                var f = 0.0
                for j in 0..<p where !coefficients[j].isNaN { f += x[i, j] * coefficients[j] }
                fitted[i] = f
                residuals[i] = y[i] - f
            }
        }

        self.coefficients = coefficients
        self.rank = rank
        self.pivot = qr.pivot
        self.qr = qr
        self.residuals = residuals
        self.fittedValues = fitted
        self.effects = qty
        self.effectNames = (0..<m).map { $0 < rank ? x.names[qr.pivot[$0]] : "" }
        self.dfResidual = m - rank
    }

    /// Whether each coefficient is aliased (NA in R).
    public var aliased: [Bool] { coefficients.map(\.isNaN) }

    /// The number of observations with non-zero weight, R's `nobs`.
    public var nobs: Int { qr.rows }
}
