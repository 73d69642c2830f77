extension RPackage {
    /// grid: the units and arrows that ggplot2 re-exports.
    static let grid = RPackage(name: "grid", s3Methods: ["print.unit"], install: { interp in GridUnitsLibrary.install(interp) })
}
