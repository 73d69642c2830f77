extension RPackage {
    /// R's stats package: models (lm), summaries, distributions and random variates.
    static let stats = RPackage(
        name: "stats",
        s3Methods: ["naresid.default", "naresid.exclude", "napredict.default", "napredict.exclude", "aggregate.default", "aggregate.formula", "cor.test.default", "cor.test.formula", "var.test.default", "var.test.formula", "anova.glm", "anova.lm", "confint.glm", "logLik.glm", "nobs.glm", "predict.glm", "print.anova", "print.density", "print.family",
                    "print.aov", "print.glm", "print.htest", "print.lm", "print.summary.aov", "print.xtabs", "print.logLik", "print.summary.glm", "print.summary.lm", "residuals.glm",
                    "summary.aov", "summary.glm", "t.test.default", "t.test.formula", "vcov.glm", "wilcox.test.default", "wilcox.test.formula", "ftable.default", "ftable.formula", "format.ftable", "print.ftable", "as.table.ftable", "print.ts",
                    "formula.default", "formula.formula", "formula.character", "formula.lm", "formula.glm", "getCall.default", "update.default", "update.formula",
                    "terms.default", "terms.formula", "terms.terms", "drop1.lm", "extractAIC.lm", "extractAIC.glm",
                    "model.frame.default", "model.frame.lm", "model.frame.glm", "weights.default", "weights.glm"],
        install: { interp in
            LinearModelLibrary.install(interp)
            GLMFamilyObjects.install(interp)
            GeneralizedLinearModelLibrary.install(interp)
            GeneralizedLinearModelSummary.install(interp)
            GeneralizedLinearModelMethods.install(interp)
            GeneralizedLinearModelAnova.install(interp)
            GeneralizedLinearModelProfile.install(interp)
            Simulate.install(interp)
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
            ModelMatrixLibrary.install(interp)
            RootFinding.install(interp)
            RankAndNormalityKernels.install(interp)
            FisherExactKernel.install(interp)
            InteractionPlot.install(interp)
            FormulaUpdate.install(interp)
            TermsObject.install(interp)
        }, rSource: StatsRSource.source)
}
