extension RPackage {
    /// stringr: attached by tidyverse; its common functions (StringrRSource).
    static let stringr = RPackage(name: "stringr", reexports: ["%>%": "magrittr"], install: { _ in },
                                  rSource: StringrRSource.source)
}
