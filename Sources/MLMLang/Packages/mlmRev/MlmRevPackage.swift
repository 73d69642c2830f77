extension RPackage {
    /// mlmRev: data sets from multilevel-modeling software reviews.
    static let mlmRev = RPackage(name: "mlmRev", depends: ["lme4"], datasets: DatasetIndex.names["mlmRev"] ?? [], install: { _ in })
}
