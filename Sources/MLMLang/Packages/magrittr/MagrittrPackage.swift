extension RPackage {
    /// magrittr: the %>% and %$% pipes.
    static let magrittr = RPackage(name: "magrittr", install: { interp in MagrittrPipes.install(interp) })
}
