extension RPackage {
    /// stringr: attached by tidyverse; mlmd has only what it re-exports so far.
    static let stringr = RPackage(name: "stringr", version: "1.5.0", reexports: ["%>%": "magrittr"], install: { _ in })
}
