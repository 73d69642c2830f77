extension RPackage {
    /// lmerTest: lme4's lmer with Satterthwaite (or Kenward-Roger) t- and F-tests, contests of contrasts,
    /// ranova and rand.
    static let lmerTest = RPackage(name: "lmerTest", depends: ["lme4"],
                                   s3Methods: ["anova.lmerModLmerTest", "contest.lmerModLmerTest", "contest1D.lmerModLmerTest",
                                               "contestMD.lmerModLmerTest", "contest.lmerMod", "contest1D.lmerMod", "contestMD.lmerMod",
                                               "drop1.lmerModLmerTest"],
                                   install: { interp in
                                       LmerTestAnova.install(interp)
                                       LmerTestFit.install(interp)
                                       MixedModelRanova.install(interp)
                                       LmerTestContrasts.install(interp)
                                   },
                                   rSource: .combined([LmerTestContestRSource.source, LmerTestDrop1RSource.source]))
}
