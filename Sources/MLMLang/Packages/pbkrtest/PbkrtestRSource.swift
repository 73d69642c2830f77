/// pbkrtest's functions that R writes in R: vcovAdj over the Swift kernel, and Lb_ddf, the
/// Kenward-Roger denominator degrees of freedom of a hypothesis matrix L.
enum PbkrtestRSource {
    static let source = RSource(functions: ["vcovAdj", "vcovAdj.lmerMod", "Lb_ddf"], code: #"""
vcovAdj <- function(object, details = 0) UseMethod("vcovAdj")

vcovAdj.lmerMod <- function(object, details = 0) {
  # The adjustment is defined for REML estimates; an ML fit is refitted with REML first.
  if (!lme4::isREML(object)) {
    # update() would evaluate the call where this namespace cannot see lmer or the data, so the
    # refit names lme4's lmer and hands it the data frame the fit kept.
    cl <- stats::getCall(object)
    cl[[1L]] <- quote(lme4::lmer)
    cl$REML <- TRUE
    cl$data <- object$frame
    object <- eval(cl)
  }
  .Internal(kr_adjustment(object))
}

Lb_ddf <- function(L, V0, Vadj) {
  if (!is.matrix(L)) L <- matrix(L, nrow = 1)
  Theta <- t(L) %*% solve(L %*% V0 %*% t(L), L)
  P <- attr(Vadj, "P")
  W <- attr(Vadj, "W")
  A1 <- A2 <- 0
  ThetaV0 <- Theta %*% V0
  n.ggamma <- length(P)
  for (ii in 1:n.ggamma) {
    for (jj in ii:n.ggamma) {
      e <- if (ii == jj) 1 else 2
      ui <- ThetaV0 %*% P[[ii]] %*% V0
      uj <- ThetaV0 %*% P[[jj]] %*% V0
      A1 <- A1 + e * W[ii, jj] * (sum(diag(ui)) * sum(diag(uj)))
      A2 <- A2 + e * W[ii, jj] * sum(ui * t(uj))
    }
  }
  q <- nrow(L)
  B <- (1 / (2 * q)) * (A1 + 6 * A2)
  g <- ((q + 1) * A1 - (q + 4) * A2) / ((q + 2) * A2)
  denominator <- 3 * q + 2 * (1 - g)
  c1 <- g / denominator
  c2 <- (q - g) / denominator
  c3 <- (q + 2 - g) / denominator
  V0f <- 1 + c1 * B
  V1 <- 1 - c2 * B
  V2 <- 1 - c3 * B
  if (abs(V0f) < 1e-10) V0f <- 0
  x <- 1 - A2 / q
  ratio <- if (abs(x) < 1e-14 && abs(V1) < 1e-14) 1 else x / V1
  rho <- 1 / q * ratio^2 * V0f / V2
  4 + (q + 2) / (q * rho - 1)
}
"""#)
}
