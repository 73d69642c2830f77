extension RPackage {
    /// R's stats package: models (lm), summaries, distributions and random variates.
    static let stats = RPackage(
        name: "stats",
        s3Methods: ["anova.lm", "print.anova", "print.density", "print.lm", "print.logLik", "print.summary.lm"],
        install: { interp in
            LinearModelLibrary.install(interp)
            LinearModelPrinting.install(interp)
            LinearModelInference.install(interp)
            LinearModelInfluence.install(interp)
            LinearModelAnova.install(interp)
            PrintAnova.install(interp)
            AnovaGeneric.install(interp)
            Summaries.installStats(interp)
            RandomLibrary.install(interp)
            SetNames.install(interp)
            Relevel.install(interp)
            AddMargins.install(interp)
            QuantilePlots.install(interp)
        })
}
