/// `FixedEffectsResponse(x:y:)`: the fixed-effects model matrix and the response side by side,
/// [X y] (MixedModels.jl's Xymat), after dropping columns of X that are linearly dependent on
/// earlier ones, as lme4 does with a message ("fixed-effect model matrix is rank deficient so
/// dropping k columns / coefficients"). Dependence is judged by R's dqrdc2 rule at tol 1e-7.
struct FixedEffectsResponse {
    let names: [String]
    let droppedNames: [String]
    /// Column-major n x (p + 1): the kept columns of X, then y.
    private(set) var xy: [Double]
    let n: Int
    let p: Int

    init(x: DesignMatrix, y: [Double]) throws {
        guard y.count == x.rows else {
            throw MixedModelsError("the response has \(y.count) values for \(x.rows) rows of the model matrix")
        }
        guard x.values.allSatisfy(\.isFinite) else { throw MixedModelsError("NA/NaN/Inf in 'x'") }
        guard y.allSatisfy(\.isFinite) else { throw MixedModelsError("NA/NaN/Inf in 'y'") }
        let qr = PivotedQR(x.values, rows: x.rows, columns: x.columns)
        let keep = qr.pivot.prefix(qr.rank).sorted()
        let kept = keep.count == x.columns ? x : x.selectingColumns(keep)
        self.names = kept.names
        self.droppedNames = (0..<x.columns).filter { !keep.contains($0) }.map { x.names[$0] }
        self.xy = kept.values + y
        self.n = x.rows
        self.p = kept.columns
    }

    /// Puts a new response in the last column.
    mutating func replaceResponse(_ y: [Double]) {
        xy.replaceSubrange((n * p)..<(n * (p + 1)), with: y)
    }
}
