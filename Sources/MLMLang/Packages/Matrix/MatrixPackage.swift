extension RPackage {
    /// Matrix: attached by lme4 as in R. mlmd's fits keep their sparse matrices in Swift, so
    /// none of Matrix's functions are defined yet.
    static let Matrix = RPackage(name: "Matrix", install: { _ in })
}
