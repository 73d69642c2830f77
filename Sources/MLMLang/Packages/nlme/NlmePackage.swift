extension RPackage {
    /// nlme: lme() for linear mixed-effects models with its methods (print, summary, anova,
    /// VarCorr, fixef, ranef, coef, fitted, residuals, predict, logLik, intervals), its data sets
    /// (Orthodont, Oxboys, BodyWeight, ...: "groupedData" frames with their grouping formulas)
    /// and the printing and subsetting of grouped data; gls() with corAR1, corCompSymm and
    /// varIdent. nlme() is not provided yet: calling it is R's "could not find function". fixef, ranef and VarCorr, nlme's
    /// generics that lme4 re-exports, live in lme4's folder.
    static let nlme = RPackage(
        name: "nlme",
        s3Methods: [
            "print.groupedData", "[.groupedData",
            "print.lme", "summary.lme", "print.summary.lme", "VarCorr.lme", "print.VarCorr.lme",
            "print.correlation", "fixef.lme", "ranef.lme", "print.ranef.lme", "coef.lme",
            "fitted.lme", "residuals.lme", "predict.lme", "logLik.lme", "sigma.lme", "vcov.lme",
            "nobs.lme", "formula.lme", "anova.lme", "print.anova.lme", "intervals.lme", "print.intervals.lme",
            "print.gls", "summary.gls", "print.summary.gls", "logLik.gls", "anova.gls", "coef.gls",
            "vcov.gls", "fitted.gls", "residuals.gls", "sigma.gls", "nobs.gls", "formula.gls",
            "print.corStruct", "print.varFunc",
        ],
        reexports: ["fixef": "lme4", "ranef": "lme4", "VarCorr": "lme4"],
        datasets: DatasetIndex.names["nlme"] ?? [],
        install: { interp in
            LmeKernels.install(interp)
            GlsKernel.install(interp)
        },
        rSource: .combined([GroupedDataRSource.source, NlmeSupportRSource.source, LmeFitRSource.source,
                                     LmePrintRSource.source, LmeMethodsRSource.source, LmeIntervalsRSource.source,
                                     GlsRSource.source]))
}
