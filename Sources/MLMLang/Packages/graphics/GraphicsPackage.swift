extension RPackage {
    /// R's graphics package: base plots drawn as SVG.
    static let graphics = RPackage(name: "graphics", reexports: ["plot": "base"],
                                   install: { interp in
                                       BaseGraphicsLibrary.install(interp)
                                       LegendLibrary.install(interp)
                                   })
}
