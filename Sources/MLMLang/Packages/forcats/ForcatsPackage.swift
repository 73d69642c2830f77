extension RPackage {
    /// forcats: attached by tidyverse; reordering levels (ForcatsRSource).
    static let forcats = RPackage(name: "forcats", reexports: ["%>%": "magrittr"], install: { _ in },
                                  rSource: ForcatsRSource.source)
}
