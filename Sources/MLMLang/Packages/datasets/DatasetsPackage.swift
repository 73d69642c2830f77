extension RPackage {
    /// R's datasets package: the classic data sets, each loaded when first used.
    static let datasets = RPackage(name: "datasets", datasets: DatasetIndex.names["datasets"] ?? [], install: { _ in })
}
