extension RPackage {
    /// readr: read_csv and read_tsv, giving tibbles.
    static let readr = RPackage(name: "readr", install: { interp in ReadrReaders.install(interp) })
}
