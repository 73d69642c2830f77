extension RPackage {
    /// magrittr: the %>% and %$% pipes.
    static let magrittr = RPackage(name: "magrittr", version: "2.0.3", install: { interp in MagrittrPipes.install(interp) })
}
