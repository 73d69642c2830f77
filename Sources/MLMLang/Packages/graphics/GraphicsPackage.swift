extension RPackage {
    /// R's graphics package: base plots drawn as SVG.
    static let graphics = RPackage(name: "graphics", reexports: ["plot": "base"],
                                   install: { interp in
                                       BaseGraphicsLibrary.install(interp)
                                       LegendLibrary.install(interp)
                                   },
                                   rSource: GraphicsRSource.source)
}

/// graphics' generics written in R. `pairs` dispatches to methods of other packages (emmeans'
/// pairs.emmGrid); the scatterplot-matrix default method is not in mlmd yet.
enum GraphicsRSource {
    static let source = RSource(functions: ["pairs"], code: #"""
pairs <- function(x, ...) UseMethod("pairs")
"""#)
}
