extension RPackage {
    /// lmerTest: lme4's lmer with Satterthwaite t-tests, ranova and rand.
    static let lmerTest = RPackage(name: "lmerTest", depends: ["lme4"],
                                   s3Methods: ["anova.lmerModLmerTest"],
                                   install: { interp in
                                       LmerTestAnova.install(interp)
                                       LmerTestFit.install(interp)
                                       MixedModelRanova.install(interp)
                                       LmerTestContrasts.install(interp)
                                   })
}
