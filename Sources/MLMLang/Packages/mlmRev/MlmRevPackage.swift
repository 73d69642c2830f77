extension RPackage {
    /// mlmRev: data sets from multilevel-modeling software reviews.
    static let mlmRev = RPackage(name: "mlmRev", version: "1.0-8", depends: ["lme4"], datasets: ["Exam"], install: { _ in })
}
