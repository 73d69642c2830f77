extension RPackage {
    /// readxl: Excel workbooks.
    static let readxl = RPackage(name: "readxl", install: { interp in ReadExcel.install(interp) })
}
