/// One R package as mlmd provides it: what its DESCRIPTION and NAMESPACE files say in R
/// (version, Depends, exports, S3 registrations, data) and the Swift that defines its objects.
/// Each package folder under Sources/MLMLang/Packages declares one of these.
struct RPackage {
    let name: String
    /// Packages its DESCRIPTION Depends on (besides R, stats and methods), attached before it in
    /// this order with "Loading required package: ...".
    var depends: [String] = []
    /// Methods the namespace registers with S3method() but does not export (summary.merMod):
    /// dispatch finds them, `pkg:::name` reaches them, the search path does not show them.
    var s3Methods: Set<String> = []
    /// Print methods standing in for the show methods of the package's S4 classes (R shows an
    /// lmList4 through setMethod("show", "lmList4"); mlmd has no S4 dispatch). Named
    /// `print.<class>` and registered like S3 methods; R's package defines each class.
    var showMethods: Set<String> = []
    /// Objects the namespace keeps to itself (neither exported nor registered).
    var notExported: Set<String> = []
    /// Objects exported from another package's namespace (broom.mixed's `tidy` is broom's): name
    /// and the package that defines it.
    var reexports: [String: String] = [:]
    /// Data sets, loaded on first use once the package is attached (R's lazy data).
    var datasets: [String] = []
    /// Defines the package's objects with Interpreter.define, which files them in its namespace.
    let install: (Interpreter) -> Void
    /// Functions the package writes in R (run on first use).
    var rSource: RSource? = nil
    /// What the package's .onAttach does besides attaching (tidyverse's banner).
    var onAttach: ((Interpreter) throws -> Void)? = nil
}

extension RPackage {
    /// The version R 4.2 on Debian 12 has (from the package index), which start-up banners print.
    var version: String { PackageIndex.versions[name] ?? "" }

    /// Every package mlmd provides, in the order their namespaces are filled: a package comes
    /// after those whose objects it re-exports.
    static let all: [RPackage] = [
        .base, .methods, .utils, .grDevices, .graphics, .stats, .datasets, .splines,
        .Matrix, .boot, .lme4, .lmerTest, .pbkrtest, .mlmRev, .nlme, .emmeans,
        .magrittr, .tibble, .dplyr, .tidyr, .readr, .readxl, .purrr, .stringr, .forcats, .grid, .ggplot2, .tidyverse,
        .lattice, .broom, .broomMixed, .knitr, .viridisLite, .viridis, .carData, .car,
    ]

    /// The packages R attaches at start-up, last attached (nearest the global environment) first.
    static let defaultPackages = ["stats", "graphics", "grDevices", "utils", "datasets", "methods"]
}
