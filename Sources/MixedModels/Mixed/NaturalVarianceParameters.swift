import Foundation

/// nlme's natural parameters of an lme fit's random effects, level by level (q log standard
/// deviations, then log((1 + r)/(1 − r)) of the q(q − 1)/2 correlations of the lower triangle,
/// column by column), log σ last, and the lmer θ they give: each term's lower Cholesky factor
/// of its covariance relative to σ², column by column, terms in the fit's order.
public struct NaturalVarianceParameters {
    /// Each level's number of effects.
    public let sizes: [Int]
    /// The level (1-based) of each of the fit's terms.
    public let termLevels: [Int]

    public init(sizes: [Int], termLevels: [Int]) {
        self.sizes = sizes
        self.termLevels = termLevels
    }

    /// How many natural parameters the levels have (log σ not counted).
    public var count: Int { sizes.reduce(0) { $0 + $1 + $1 * ($1 - 1) / 2 } }

    /// θ from natural parameters x (log σ last); nil where a covariance is not positive definite.
    public func theta(_ x: [Double]) -> [Double]? {
        let sigma = exp(x[x.count - 1])
        var offsets: [Int] = []
        var k = 0
        for q in sizes {
            offsets.append(k)
            k += q + q * (q - 1) / 2
        }
        var theta: [Double] = []
        for level in termLevels {
            let q = sizes[level - 1], start = offsets[level - 1]
            let sd = (0..<q).map { exp(x[start + $0]) / sigma }
            var cov = [Double](repeating: 0, count: q * q)
            for i in 0..<q { cov[i + i * q] = sd[i] * sd[i] }
            var c = start + q
            for j in 0..<q {
                for i in (j + 1)..<max(q, j + 1) {
                    let z = exp(x[c])
                    cov[i + j * q] = (z - 1) / (z + 1) * sd[i] * sd[j]
                    c += 1
                }
            }
            guard LAPACK.choleskyLower(&cov, n: q) else { return nil }
            for j in 0..<q { for i in j..<q { theta.append(cov[i + j * q]) } }
        }
        return theta
    }
}
