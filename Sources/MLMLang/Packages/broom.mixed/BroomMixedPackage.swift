extension RPackage {
    /// broom.mixed: tidy and glance methods for mixed-model fits (lme4's and nlme's lme).
    static let broomMixed = RPackage(name: "broom.mixed", s3Methods: ["glance.merMod", "tidy.merMod", "tidy.lme"],
                                     reexports: ["tidy": "broom", "glance": "broom", "augment": "broom"],
                                     install: { interp in BroomMixedLibrary.install(interp) },
                                     rSource: BroomMixedLmeRSource.source)
}
