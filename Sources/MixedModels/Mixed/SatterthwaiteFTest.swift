import CRmath

/// The F test of a multi-row hypothesis Lβ = 0 with Satterthwaite's denominator degrees of
/// freedom, as lmerTest's contestMD computes it: L V Lᵀ is diagonalised (V the covariance of
/// β̂); each eigen-direction Pᵢᵀ L is a one-degree-of-freedom t test with its own Satterthwaite
/// df νᵢ; F is the mean of their squared t statistics, and its df combine the νᵢ.
public struct SatterthwaiteFTest {
    public let fValue: Double
    public let numeratorDF: Int
    public let denominatorDF: Double
    public let pValue: Double
}

extension SatterthwaiteApproximation {
    /// `contrasts` holds the rows of L, one weight per fixed effect each.
    public func fTest(contrasts: [[Double]]) throws -> SatterthwaiteFTest {
        let p = beta.count, rows = contrasts.count
        guard rows > 0, contrasts.allSatisfy({ $0.count == p }) else {
            throw MixedModelsError("the hypothesis matrix has rows of the wrong length for \(p) fixed effects")
        }
        // L V Lᵀ, rows x rows, column-major.
        var lvl = [Double](repeating: 0, count: rows * rows)
        for a in 0..<rows {
            for b in 0..<rows {
                var sum = 0.0
                for i in 0..<p { for j in 0..<p { sum += contrasts[a][i] * fixedEffectsCovariance[i + j * p] * contrasts[b][j] } }
                lvl[a + b * rows] = sum
            }
        }
        guard let eigen = LAPACK.symmetricEigen(lvl, n: rows) else { throw MixedModelsError("eigen decomposition of L V L' failed") }
        // Directions with eigenvalues above lmerTest's tolerance: the hypothesis's rank.
        let tolerance = max(Double.ulpOfOne.squareRoot() * (eigen.values.first ?? 0), 0)
        let rank = eigen.values.filter { $0 > tolerance }.count
        guard rank > 0 else { throw MixedModelsError("the hypothesis has rank zero") }
        var squaredT = [Double](), nu = [Double]()
        for m in 0..<rank {
            // Row m of Pᵀ L.
            let direction = (0..<p).map { j in (0..<rows).reduce(0.0) { $0 + eigen.vectors[$1 + m * rows] * contrasts[$1][j] } }
            let test = try self.test(contrast: direction)
            squaredT.append(test.tValue * test.tValue)
            nu.append(test.df)
        }
        let f = squaredT.reduce(0, +) / Double(rank)
        let df = Self.combinedDF(nu)
        return SatterthwaiteFTest(fValue: f, numeratorDF: rank, denominatorDF: df, pValue: pf(f, Double(rank), df, 0, 0))
    }

    /// lmerTest's get_Fstat_ddf: one ν, or all alike, is the df; otherwise 2E / (E - q) with
    /// E = Σ νᵢ / (νᵢ - 2), and 2 when any νᵢ is at most 2.
    static func combinedDF(_ nu: [Double]) -> Double {
        guard let first = nu.first else { return .nan }
        if nu.count == 1 || nu.allSatisfy({ abs($0 - first) < 1e-8 }) { return first }
        if nu.contains(where: { $0 <= 2 }) { return 2 }
        let e = nu.reduce(0) { $0 + $1 / ($1 - 2) }
        return 2 * e / (e - Double(nu.count))
    }
}
