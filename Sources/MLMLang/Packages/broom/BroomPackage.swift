extension RPackage {
    /// broom: tidy, glance and augment. The generics are the generics package's, which broom
    /// re-exports; mlmd provides no generics package, so they live here.
    static let broom = RPackage(name: "broom", s3Methods: ["augment.lm", "glance.lm", "tidy.lm"],
                                install: { interp in BroomLibrary.install(interp) })
}
