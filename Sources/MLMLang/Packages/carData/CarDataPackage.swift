extension RPackage {
    /// carData: the data sets of Fox and Weisberg's "An R Companion to Applied Regression",
    /// which car depends on.
    static let carData = RPackage(name: "carData", datasets: DatasetIndex.names["carData"] ?? [], install: { _ in })
}
