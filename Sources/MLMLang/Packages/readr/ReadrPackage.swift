extension RPackage {
    /// readr: read_csv and read_tsv, giving tibbles.
    static let readr = RPackage(name: "readr", version: "2.1.4", install: { interp in ReadrReaders.install(interp) })
}
