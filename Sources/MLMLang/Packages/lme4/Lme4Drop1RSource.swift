/// lme4's drop1 for merMod fits, written in R as lme4 writes it: each droppable fixed-effect
/// term removed in turn and the model refitted, compared by AIC on the maximum-likelihood
/// scale (a REML fit and its reductions are refitted by ML first, as extractAIC does), with a
/// likelihood-ratio test on request.
enum Lme4Drop1RSource {
    static let source = RSource(functions: ["drop1.merMod", "extractAIC.merMod"], code: #"""
# The fit again with another formula or criterion; the call names lme4's function and the
# data frame the fit kept, so that it runs from any namespace (update() would evaluate the call
# where a package's namespace sees neither lmer nor the data). pbkrtest's vcovAdj uses it too.
.merMod_refit <- function(object, formula = NULL, REML = NULL) {
  cl <- stats::getCall(object)
  cl[[1L]] <- if (inherits(object, "glmerMod")) quote(lme4::glmer) else quote(lme4::lmer)
  if (!is.null(formula)) cl$formula <- formula
  if (!is.null(REML)) cl$REML <- REML
  cl$data <- object$frame
  eval(cl)
}

extractAIC.merMod <- function(fit, scale = 0, k = 2, ...) {
  if (isREML(fit)) fit <- .merMod_refit(fit, REML = FALSE)
  L <- stats::logLik(fit)
  edf <- attr(L, "df")
  c(edf, -2 * as.numeric(L) + k * edf)
}

drop1.merMod <- function(object, scope, scale = 0, test = c("none", "Chisq", "user"), k = 2, trace = FALSE, sumFun = NULL, ...) {
  test <- match.arg(test)
  if ((test == "user" && is.null(sumFun)) || (test != "user" && !is.null(sumFun)))
    stop(sQuote("sumFun"), " must be specified if (and only if) test==\"user\"")
  tl <- attr(stats::terms(object), "term.labels")
  if (missing(scope)) scope <- stats::drop.scope(object)
  else if (!all(match(scope, tl, 0L) > 0L)) stop("scope is not a subset of term labels")
  if (is.null(sumFun)) sumFun <- function(x, scale, k, ...) stats::setNames(extractAIC.merMod(x, scale, k, ...), c("df", "AIC"))
  ss <- sumFun(object, scale = scale, k = k, ...)
  ans <- matrix(nrow = length(scope) + 1L, ncol = length(ss), dimnames = list(c("<none>", scope), names(ss)))
  ans[1, ] <- ss
  for (i in seq_along(scope)) {
    f <- stats::update(stats::formula(object), stats::as.formula(paste("~ . -", scope[i])))
    nfit <- .merMod_refit(object, formula = f)
    ans[i + 1, ] <- if (test == "user") sumFun(object, nfit, scale = scale, k = k, ...) else sumFun(nfit, scale, k = k, ...)
  }
  if (test == "user") {
    aod <- as.data.frame(ans)
  } else {
    dfs <- ans[1L, 1L] - ans[, 1L]
    dfs[1L] <- NA
    aod <- data.frame(npar = dfs, AIC = ans[, 2])
    if (test == "Chisq") {
      dev <- ans[, 2L] - k * ans[, 1L]
      dev <- dev - dev[1L]
      dev[1L] <- NA
      nas <- !is.na(dev)
      P <- dev
      P[nas] <- stats::pchisq(dev[nas], dfs[nas], lower.tail = FALSE)
      aod[, c("LRT", "Pr(Chi)")] <- list(dev, P)
    }
  }
  head <- c("Single term deletions", "\nModel:", deparse(stats::formula(object)),
            if (scale > 0) paste("\nscale: ", format(scale), "\n"))
  class(aod) <- c("anova", "data.frame")
  attr(aod, "heading") <- head
  aod
}
"""#)
}
