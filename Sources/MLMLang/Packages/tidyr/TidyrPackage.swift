extension RPackage {
    /// tidyr: attached by tidyverse. Pivots (TidyrPivot), gather and spread (TidyrGather), nest,
    /// unnest and complete (TidyrRSource).
    static let tidyr = RPackage(
        name: "tidyr",
        reexports: Dictionary(uniqueKeysWithValues: ["all_of", "any_of", "contains", "ends_with", "everything", "last_col",
                                                     "matches", "num_range", "one_of", "starts_with"].map { ($0, "dplyr") })
            .merging(["%>%": "magrittr", "as_tibble": "tibble", "tibble": "tibble", "tribble": "tibble"]) { a, _ in a },
        install: { interp in
            TidyrPivot.install(interp)
            TidyrGather.install(interp)
        }, rSource: TidyrRSource.source)
}
