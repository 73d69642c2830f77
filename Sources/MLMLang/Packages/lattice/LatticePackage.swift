extension RPackage {
    /// lattice: the trellis plots lme4's methods draw.
    static let lattice = RPackage(name: "lattice", s3Methods: ["print.trellis"],
                                  install: { interp in Dotplot.install(interp) })
}
