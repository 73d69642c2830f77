extension RPackage {
    /// broom.mixed: tidy and glance methods for mixed-model fits.
    static let broomMixed = RPackage(name: "broom.mixed", s3Methods: ["glance.merMod", "tidy.merMod"],
                                     reexports: ["tidy": "broom", "glance": "broom", "augment": "broom"],
                                     install: { interp in BroomMixedLibrary.install(interp) })
}
