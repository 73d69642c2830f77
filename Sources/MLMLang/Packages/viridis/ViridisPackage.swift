extension RPackage {
    /// viridis: viridisLite's colour maps for plots. It re-exports viridisLite's functions and
    /// adds viridis_pal (a palette function of n, as scales' palettes are); its ggplot2 scales
    /// (scale_colour_viridis and scale_fill_viridis) are not in mlmd yet.
    static let viridis = RPackage(
        name: "viridis",
        depends: ["viridisLite"],
        reexports: Dictionary(uniqueKeysWithValues: ["viridis", "magma", "inferno", "plasma", "cividis", "rocket", "mako", "turbo"]
            .map { ($0, "viridisLite") }),
        install: { _ in },
        rSource: RSource(functions: ["viridis_pal"], code: #"""
viridis_pal <- function(alpha = 1, begin = 0, end = 1, direction = 1, option = "D") {
  function(n) viridisLite::viridis(n, alpha, begin, end, direction, option)
}
"""#))
}
