/// ggplot2 functions written in R as ggplot2 writes them.
enum GgplotRSource {
    static let source = RSource(functions: ["mean_se"], code: #"""
# The mean and the mean plus and minus `mult` standard errors, as stat_summary() wants them.
mean_se <- function(x, mult = 1) {
  x <- stats::na.omit(x)
  se <- mult * sqrt(stats::var(x) / length(x))
  mean <- mean(x)
  data.frame(y = mean, ymin = mean - se, ymax = mean + se)
}
"""#)
}
