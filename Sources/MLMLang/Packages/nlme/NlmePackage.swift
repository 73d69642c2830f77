extension RPackage {
    /// nlme: so far its data sets (Orthodont, Oxboys, BodyWeight, ...: "groupedData" frames with
    /// their grouping formulas) and the printing and subsetting of grouped data. Its models
    /// (lme, gls, nlme) are not provided yet: calling them is R's "could not find function".
    /// fixef, ranef and VarCorr, nlme's generics that lme4 re-exports, live in lme4's folder.
    static let nlme = RPackage(
        name: "nlme",
        s3Methods: ["print.groupedData", "[.groupedData"],
        datasets: DatasetIndex.names["nlme"] ?? [],
        install: { _ in },
        rSource: GroupedDataRSource.source)
}
