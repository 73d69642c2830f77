extension RPackage {
    /// knitr: the chunk-option objects a notebook sets its defaults with
    /// (`knitr::opts_chunk$set(echo = FALSE)`), which mlmd's knitter honours from the next chunk.
    static let knitr = RPackage(name: "knitr", install: { interp in KnitrOptions.install(interp) })
}
