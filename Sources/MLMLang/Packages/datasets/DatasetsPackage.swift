extension RPackage {
    /// R's datasets package: the classic data sets, loaded when first used.
    static let datasets = RPackage(name: "datasets", datasets: ["mtcars", "iris", "ToothGrowth", "sleep", "PlantGrowth", "airquality", "warpbreaks",
                                                                "faithful", "women", "cars", "chickwts", "InsectSprays"],
                                   install: { _ in })
}
