/// emmeans' emtrends, written in R as emmeans writes it (first degree): the reference grid's
/// linear functions at the covariate's reference value and at that value plus delta.var (a
/// thousandth of its range), differenced and divided by delta.var, so that each estimate is the
/// slope of the linear predictor in the covariate; then emmeans() over the specs.
enum EmmeansTrendsRSource {
    static let source = RSource(functions: ["emtrends"], code: #"""
emtrends <- function(object, specs, var, delta.var = 0.001 * rng, max.degree = 1, ...) {
  if (max.degree != 1) stop("emtrends(max.degree > 1) is not available in mlmd yet")
  RG <- ref_grid(object, ...)
  x <- RG$data[[var]]
  if (is.null(x)) stop("Variable '", var, "' is not in the dataset")
  rng <- diff(range(x, na.rm = TRUE))
  if (delta.var == 0) stop("Provide a nonzero value of 'delta.var'")
  args <- list(...)
  if (is.null(args$at)) args$at <- list()
  args$at[[var]] <- RG$levels[[var]] + delta.var
  moved <- do.call(ref_grid, c(list(object), args))
  RG$linfct <- (moved$linfct - RG$linfct) / delta.var
  RG$trend <- var
  RG$misc$tran <- NULL
  RG$misc$estName <- paste(var, "trend", sep = ".")
  RG$misc$methDesc <- "emtrends"
  if (missing(specs) || is.null(specs)) return(RG)
  emmeans(RG, specs, ...)
}
"""#)
}
