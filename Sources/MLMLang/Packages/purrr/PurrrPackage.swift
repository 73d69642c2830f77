extension RPackage {
    /// purrr: attached by tidyverse; the map family (PurrrMap) and what is written over it
    /// (PurrrRSource).
    static let purrr = RPackage(name: "purrr", reexports: ["%>%": "magrittr"], install: { interp in
        PurrrMap.install(interp)
    }, rSource: PurrrRSource.source)
}
