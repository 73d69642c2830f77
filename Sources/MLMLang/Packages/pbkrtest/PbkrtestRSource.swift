/// pbkrtest's functions that R writes in R: vcovAdj and Lb_ddf (the Kenward-Roger denominator
/// degrees of freedom of a hypothesis matrix L) over the Swift kernels, whose formula lmerTest's
/// and car's Kenward-Roger tests share.
enum PbkrtestRSource {
    static let source = RSource(functions: ["vcovAdj", "vcovAdj.lmerMod", "Lb_ddf"], code: #"""
vcovAdj <- function(object, details = 0) UseMethod("vcovAdj")

vcovAdj.lmerMod <- function(object, details = 0) {
  # The adjustment is defined for REML estimates; an ML fit is refitted with REML first.
  # (lme4's R source, which defines the refit helper, has run once isREML has.)
  if (!lme4::isREML(object)) object <- lme4:::.merMod_refit(object, REML = TRUE)
  .Internal(kr_adjustment(object))
}

Lb_ddf <- function(L, V0, Vadj) {
  if (!is.matrix(L)) L <- matrix(L, nrow = 1)
  .Internal(kr_ddf(L, as.matrix(V0), Vadj))
}
"""#)
}
