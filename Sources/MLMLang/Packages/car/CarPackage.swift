extension RPackage {
    /// car: Anova's type II and III tests of each model term, for lm fits (F tests of sums of
    /// squares) and lmer fits (Wald chi-square tests, or Kenward-Roger F tests), written in R.
    static let car = RPackage(
        name: "car",
        depends: ["carData"],
        s3Methods: ["Anova.lm", "Anova.merMod"],
        install: { _ in },
        rSource: CarAnovaRSource.source)
}
