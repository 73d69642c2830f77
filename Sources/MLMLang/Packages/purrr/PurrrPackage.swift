extension RPackage {
    /// purrr: attached by tidyverse; the map family so far (PurrrMap).
    static let purrr = RPackage(name: "purrr", reexports: ["%>%": "magrittr"], install: { interp in
        PurrrMap.install(interp)
    })
}
