extension RPackage {
    /// R's grDevices package; attached at start-up as in R. Figures are written by the notebook
    /// runner, so mlmd defines none of its device functions yet.
    static let grDevices = RPackage(name: "grDevices", install: { _ in })
}
