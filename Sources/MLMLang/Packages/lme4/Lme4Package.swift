extension RPackage {
    /// lme4: linear mixed models (lmer) and what is done with a fit. fixef, ranef and VarCorr
    /// are nlme's generics that lme4 re-exports; mlmd's nlme does not define them yet, so they live here.
    static let lme4 = RPackage(
        name: "lme4", depends: ["Matrix"],
        s3Methods: ["anova.merMod", "as.data.frame.ranef.mer", "coef.merMod", "as.data.frame.VarCorr.merMod", "print.merMod",
                    "print.ranef.mer", "print.summary.merMod", "print.VarCorr.merMod", "summary.merMod",
                    "formula.merMod", "refit.merMod", "print.bootMer", "profile.merMod", "confint.merMod", "confint.thpr", "confint.bootMer",
                    "isREML.merMod", "isLMM.merMod", "isGLMM.merMod", "isNLMM.merMod", "terms.merMod", "model.matrix.merMod", "drop1.merMod", "extractAIC.merMod", "model.frame.merMod", "weights.merMod",
                    "coef.lmList4", "fixef.lmList4", "sigma.lmList4"],
        showMethods: ["print.lmList4"],
        datasets: DatasetIndex.names["lme4"] ?? [],
        install: { interp in
            MixedModelLibrary.install(interp)
            GeneralizedMixedModelLibrary.install(interp)
            VarCorrLibrary.install(interp)
            MixedModelAnova.install(interp)
            MixedModelSummary.install(interp)
            MixedModelRandomEffects.install(interp)
            MixedModelCoef.install(interp)
            MixedModelProfile.install(interp)
            MixedModelRefit.install(interp)
        }, rSource: RSource.combined([Lme4RSource.source, Lme4ProfileRSource.source, LmListRSource.source, Lme4Drop1RSource.source]))
}
