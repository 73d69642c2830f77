extension RPackage {
    /// tibble: tibbles, their construction and printing. glimpse is pillar's, which tibble
    /// re-exports; mlmd provides no pillar, so it lives here, as does pillar's print method.
    static let tibble = RPackage(name: "tibble", s3Methods: ["$.tbl_df", "print.tbl"],
                                 reexports: ["%>%": "magrittr"], install: { interp in TibbleLibrary.install(interp) })
}
