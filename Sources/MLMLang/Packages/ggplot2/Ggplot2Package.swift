extension RPackage {
    /// ggplot2: plots built from layers and drawn as SVG.
    static let ggplot2 = RPackage(name: "ggplot2", s3Methods: ["+.gg", "plot.ggplot", "print.ggplot", "print.uneval"],
                                  reexports: ["vars": "dplyr", "unit": "grid", "arrow": "grid"],
                                  install: { interp in
                                      GgplotLibrary.install(interp)
                                      GgplotDateScale.install(interp)
                                  }, rSource: GgplotRSource.source)
}
