extension RPackage {
    /// broom: tidy, glance and augment. The generics are the generics package's, which broom
    /// re-exports; mlmd provides no generics package, so they live here.
    static let broom = RPackage(name: "broom", s3Methods: ["augment.glm", "augment.lm", "glance.glm", "glance.lm", "tidy.glm", "tidy.lm",
                                            "tidy.emmGrid", "tidy.summary_emm"],
                                install: { interp in
                                    BroomLibrary.install(interp)
                                    BroomGeneralizedLinearModels.install(interp)
                                },
                                rSource: BroomEmmeansRSource.source)
}
