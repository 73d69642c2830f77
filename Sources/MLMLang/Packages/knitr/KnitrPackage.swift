extension RPackage {
    /// knitr: the chunk-option objects a notebook sets its defaults with
    /// (`knitr::opts_chunk$set(echo = FALSE)`), which mlmd's knitter honours from the next chunk,
    /// and kable() with knit_print(), which places its Markdown tables in the page.
    static let knitr = RPackage(name: "knitr",
                                s3Methods: ["print.knitr_kable", "knit_print.default", "knit_print.knitr_kable", "knit_print.knit_asis"],
                                install: { interp in KnitrOptions.install(interp) },
                                rSource: KableRSource.source)
}
