extension RPackage {
    /// dplyr: the data-frame verbs. The tidyselect helpers (starts_with, where, ...) are
    /// tidyselect's, which dplyr re-exports; mlmd provides no tidyselect, so they live here.
    static let dplyr = RPackage(
        name: "dplyr",
        notExported: ["where"],
        reexports: ["%>%": "magrittr", "as_tibble": "tibble", "tibble": "tibble", "tribble": "tibble", "glimpse": "tibble", "data_frame": "tibble",
                    "as_data_frame": "tibble"],
        install: { interp in
            DplyrLibrary.install(interp)
            TidySelect.install(interp)
            DplyrGrouping.install(interp)
            DplyrJoins.install(interp)
            DplyrRows.install(interp)
            DplyrHelpers.install(interp)
            DplyrAcross.install(interp)
            DataFrameBind.install(interp)
            DplyrVars.install(interp)
        }, rSource: DplyrRSource.source)
}
