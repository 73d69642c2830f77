extension RPackage {
    /// R's grDevices package; attached at start-up as in R. Figures are written by the notebook
    /// runner, so mlmd defines none of its device functions; colours: HSVColors, ColourPalette, ColourConversions and the ramps of GrDevicesRSource.
    static let grDevices = RPackage(name: "grDevices", install: { interp in
        HSVColors.install(interp)
        ColourPalette.install(interp)
        ColourConversions.install(interp)
    }, rSource: GrDevicesRSource.source)
}
