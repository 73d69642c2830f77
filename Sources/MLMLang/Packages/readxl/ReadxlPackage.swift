extension RPackage {
    /// readxl: Excel workbooks.
    static let readxl = RPackage(name: "readxl", version: "1.4.2", install: { interp in ReadExcel.install(interp) })
}
