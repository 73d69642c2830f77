extension RPackage {
    /// R's methods package (S4); attached at start-up as in R, with none of its functions yet.
    static let methods = RPackage(name: "methods", install: { _ in })
}
