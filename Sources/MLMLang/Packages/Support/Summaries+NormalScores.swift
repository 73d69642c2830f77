import CRmath

// MARK: - The normal QQ plot's pieces, shared by qqnorm/qqline and geom_qq/geom_qq_line

extension Summaries {
    /// qnorm(ppoints(n)): (i − a) / (n + 1 − 2a) with a = 3/8 up to 10 points, else 1/2.
    static func normalScores(_ n: Int) -> [Double] {
        let a = n <= 10 ? 3.0 / 8 : 0.5
        return (0..<n).map { qnorm5((Double($0 + 1) - a) / (Double(n) + 1 - 2 * a), 0, 1, 1, 0) }
    }

    /// qqnorm's x: each value at the normal score of its rank among the non-missing values
    /// (ties in their order), NaN where the value is missing.
    static func normalScorePositions(_ y: [Double]) -> [Double] {
        let kept = y.indices.filter { !y[$0].isNaN }
        let scores = normalScores(kept.count)
        var x = [Double](repeating: .nan, count: y.count)
        for (rank, index) in kept.sorted(by: { y[$0] < y[$1] }).enumerated() { x[index] = scores[rank] }
        return x
    }

    /// qqline's line through the first and third quartiles (type 7) of the sorted, NA-free
    /// sample and of the normal: y = intercept + slope x.
    static func quartileLine(_ sorted: [Double]) -> (intercept: Double, slope: Double) {
        let q = Coerce.doubles(quantileValues(RVector(.double(sorted)), probs: [0.25, 0.75], type: 7)) ?? [.nan, .nan]
        let z1 = qnorm5(0.25, 0, 1, 1, 0), z2 = qnorm5(0.75, 0, 1, 1, 0)
        let slope = (q[1] - q[0]) / (z2 - z1)
        return (q[0] - slope * z1, slope)
    }
}
