extension RPackage {
    /// forcats: attached by tidyverse; mlmd has only what it re-exports so far.
    static let forcats = RPackage(name: "forcats", reexports: ["%>%": "magrittr"], install: { _ in })
}
