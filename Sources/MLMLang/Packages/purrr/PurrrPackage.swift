extension RPackage {
    /// purrr: attached by tidyverse; mlmd has only what it re-exports so far.
    static let purrr = RPackage(name: "purrr", reexports: ["%>%": "magrittr"], install: { _ in })
}
