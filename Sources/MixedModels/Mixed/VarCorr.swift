/// One random-effects term's variance components, as `VarCorr(m)` prints them: the covariance
/// σ² λλ' of the term's q random effects, their standard deviations and correlations.
public struct VarianceComponent {
    public let grouping: String
    public let columnNames: [String]
    /// q x q, column-major.
    public let covariance: [Double]
    public let standardDeviations: [Double]
    /// q x q, column-major, 1 on the diagonal.
    public let correlations: [Double]

    /// The component of a q x q covariance matrix (column-major): its standard deviations and
    /// correlations follow from it.
    public init(grouping: String, columnNames: [String], covariance: [Double]) {
        let q = columnNames.count
        let sd = (0..<q).map { covariance[$0 + $0 * q].squareRoot() }
        var correlations = covariance
        for i in 0..<q {
            for j in 0..<q { correlations[i + j * q] = i == j ? 1 : covariance[i + j * q] / (sd[i] * sd[j]) }
        }
        self.grouping = grouping
        self.columnNames = columnNames
        self.covariance = covariance
        self.standardDeviations = sd
        self.correlations = correlations
    }
}

extension LinearMixedModel {
    /// One entry per term, in lme4's term order; the residual standard deviation is `sigma`.
    public var varianceComponents: [VarianceComponent] {
        let s2 = sigma * sigma
        return zip(terms, lambdas).map { term, lambda in
            VarianceComponent(grouping: term.grouping, columnNames: term.columnNames,
                              covariance: term.covariance(lambda: lambda, scale: s2))
        }
    }
}

extension GeneralizedLinearMixedModel {
    /// One component per term, covariance λλ' (a GLMM has no residual scale).
    public var varianceComponents: [VarianceComponent] {
        var offset = 0
        return terms.map { term in
            defer { offset += term.thetaCount }
            let lambda = term.lambda(theta[offset..<(offset + term.thetaCount)])
            return VarianceComponent(grouping: term.grouping, columnNames: term.columnNames,
                                     covariance: term.covariance(lambda: lambda, scale: 1))
        }
    }
}
