extension RPackage {
    /// emmeans: estimated marginal means of lm, glm, lmer and glmer fits, their contrasts and
    /// tests, written in R over the fit's coefficients, covariance and degrees of freedom.
    static let emmeans = RPackage(
        name: "emmeans",
        s3Methods: ["print.emmGrid", "print.emm_list", "contrast.emmGrid", "pairs.emmGrid", "summary.emmGrid",
                    "confint.emmGrid", "test.emmGrid", "as.data.frame.emmGrid", "print.summary_emm"],
        install: { _ in },
        rSource: .combined([EmmeansGridRSource.source, EmmeansContrastRSource.source, EmmeansSummaryRSource.source,
                             EmmeansJointTestsRSource.source, EmmeansTrendsRSource.source]))
}
