extension RPackage {
    /// tidyverse: attaches its core packages and prints its banner and conflicts, as its
    /// .onAttach does.
    static let tidyverse = RPackage(name: "tidyverse", install: { _ in },
                                    onAttach: { interp in try TidyverseAttach.run(interp) })
}
