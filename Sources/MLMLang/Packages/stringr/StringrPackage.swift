extension RPackage {
    /// stringr: attached by tidyverse; mlmd has only what it re-exports so far.
    static let stringr = RPackage(name: "stringr", reexports: ["%>%": "magrittr"], install: { _ in })
}
