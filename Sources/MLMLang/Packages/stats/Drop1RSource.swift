/// stats' drop1 for lm fits, extractAIC and the scope helpers, written in R as R writes them: each term
/// that no other term contains is dropped in turn (its columns removed from the model matrix),
/// with the residual sum of squares, AIC and optionally an F or chi-square test.
enum Drop1RSource {
    static let source = RSource(functions: ["drop1", "drop1.lm", "drop.scope", "factor.scope", "extractAIC", "extractAIC.lm",
                                            "extractAIC.glm"], code: #"""
drop1 <- function(object, scope, ...) UseMethod("drop1")

extractAIC <- function(fit, scale = 0, k = 2, ...) UseMethod("extractAIC")

extractAIC.lm <- function(fit, scale = 0, k = 2, ...) {
  n <- length(fit$residuals)
  edf <- n - fit$df.residual
  RSS <- sum(if (is.null(fit$weights)) fit$residuals^2 else fit$weights * fit$residuals^2)
  dev <- if (scale > 0) RSS / scale - n else n * log(RSS / n)
  c(edf, dev + k * edf)
}

extractAIC.glm <- function(fit, scale = 0, k = 2, ...) {
  n <- length(fit$residuals)
  edf <- n - fit$df.residual
  c(edf, fit$aic + (k - 2) * edf)
}

factor.scope <- function(factor, scope) {
  drop <- scope$drop
  add <- scope$add
  if (length(factor) && !is.null(drop)) {
    nmdrop <- colnames(drop)
    facs <- factor
    if (length(drop)) {
      nmfac <- colnames(factor)
      nmfac0 <- vapply(strsplit(nmfac, ":", fixed = TRUE), function(x) paste(sort(x), collapse = ":"), "")
      nmdrop0 <- vapply(strsplit(nmdrop, ":", fixed = TRUE), function(x) paste(sort(x), collapse = ":"), "")
      where <- match(nmdrop0, nmfac0, 0L)
      if (any(!where)) stop(sprintf(ngettext(sum(where == 0), "lower scope has term %s not included in model",
                                              "lower scope has terms %s not included in model"),
                                    paste(sQuote(nmdrop[where == 0]), collapse = ", ")), domain = NA)
      facs <- factor[, -where, drop = FALSE]
      nmdrop <- nmfac[-where]
    } else nmdrop <- colnames(factor)
    if (ncol(facs) > 1) {
      keep <- rep.int(TRUE, ncol(facs))
      f <- crossprod(facs > 0)
      for (i in seq(keep)) keep[i] <- max(f[i, -i]) != f[i, i]
      nmdrop <- nmdrop[keep]
    }
  } else nmdrop <- character()
  if (!length(add)) nmadd <- character()
  else stop("factor.scope() with an upper scope is not available in mlmd yet")
  list(drop = nmdrop, add = nmadd)
}

drop.scope <- function(terms1, terms2) {
  terms1 <- terms(terms1)
  f2 <- if (missing(terms2)) numeric() else attr(terms(terms2), "factors")
  factor.scope(attr(terms1, "factors"), list(drop = f2))$drop
}

# The residual sum of squares of y on the columns of x (weighted by w), through x's QR.
.rss <- function(x, y, w = NULL) {
  if (!is.null(w)) {
    x <- x * sqrt(w)
    y <- y * sqrt(w)
  }
  q <- qr(x)
  Q <- qr.Q(q)[, seq_len(q$rank), drop = FALSE]
  r <- y - Q %*% crossprod(Q, y)
  list(rss = sum(r^2), rank = q$rank)
}

drop1.lm <- function(object, scope, scale = 0, all.cols = TRUE, test = c("none", "Chisq", "F"), k = 2, ...) {
  x <- model.matrix(object)
  w <- object$weights
  n <- nrow(x)
  asgn <- attr(x, "assign")
  tl <- attr(terms(object), "term.labels")
  if (missing(scope)) scope <- drop.scope(object)
  else {
    if (!is.character(scope)) scope <- attr(terms(update(formula(object), scope)), "term.labels")
    if (!all(match(scope, tl, 0L) > 0L)) stop("scope is not a subset of term labels")
  }
  ndrop <- match(scope, tl)
  ns <- length(scope)
  y <- object$residuals + object$fitted.values
  full <- .rss(x, y, w)
  dfs <- numeric(ns)
  RSS <- numeric(ns)
  for (i in seq_len(ns)) {
    ii <- seq_along(asgn)[asgn == ndrop[i]]
    jj <- setdiff(seq(ncol(x)), ii)
    z <- .rss(x[, jj, drop = FALSE], y, w)
    dfs[i] <- z$rank
    RSS[i] <- z$rss
  }
  scope <- c("<none>", scope)
  dfs <- c(object$rank, dfs)
  RSS <- c(full$rss, RSS)
  aic <- if (scale > 0) RSS / scale - n + k * dfs else n * log(RSS / n) + k * dfs
  dfs <- dfs[1L] - dfs
  dfs[1L] <- NA
  aod <- data.frame(Df = dfs, `Sum of Sq` = c(NA, RSS[-1L] - RSS[1L]), RSS = RSS, AIC = aic,
                    row.names = scope, check.names = FALSE)
  if (scale > 0) names(aod) <- c("Df", "Sum of Sq", "RSS", "Cp")
  test <- match.arg(test)
  if (test == "Chisq") {
    dev <- aod$"Sum of Sq"
    if (scale == 0) {
      dev <- n * log(RSS / n)
      dev <- dev - dev[1L]
      dev[1L] <- NA
    } else dev <- dev / scale
    df <- aod$Df
    nas <- !is.na(df)
    dev[nas] <- stats::pchisq(dev[nas], df[nas], lower.tail = FALSE)
    aod[, "Pr(>Chi)"] <- dev
  } else if (test == "F") {
    dev <- aod$"Sum of Sq"
    dfs <- aod$Df
    rdf <- object$df.residual
    rms <- aod$RSS[1L] / rdf
    Fs <- (dev / dfs) / rms
    Fs[dfs < 1e-4] <- NA
    P <- Fs
    nnas <- !is.na(Fs)
    P[nnas] <- stats::pf(Fs[nnas], dfs[nnas], rdf, lower.tail = FALSE)
    aod[, c("F value", "Pr(>F)")] <- list(Fs, P)
  }
  head <- c("Single term deletions", "\nModel:", deparse(formula(object)),
            if (scale > 0) paste("\nscale: ", format(scale), "\n"))
  class(aod) <- c("anova", "data.frame")
  attr(aod, "heading") <- head
  aod
}
"""#)
}
