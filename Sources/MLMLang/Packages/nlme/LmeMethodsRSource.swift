/// nlme's methods for lme fits, as values: fixed and random effects, per-group coefficients,
/// fitted values and residuals at each level, predictions, the log-likelihood (REML or ML),
/// and anova (nlme's sequential or marginal Wald F tests with its degrees of freedom, or the
/// likelihood-ratio table of several fits). Written in R.
enum LmeMethodsRSource {
    static let source = RSource(functions: [
        "fixef.lme", "ranef.lme", "print.ranef.lme", "coef.lme", "fitted.lme", "residuals.lme",
        "predict.lme", "logLik.lme", "sigma.lme", "vcov.lme", "nobs.lme", "formula.lme",
        "anova.lme", "print.anova.lme",
    ], code: #"""
fixef.lme <- function(object, ...) object$coefficients$fixed

vcov.lme <- function(object, ...) object$varFix

sigma.lme <- function(object, ...) object$sigma

nobs.lme <- function(object, ...) object$dims$N

formula.lme <- function(x, ...) eval(x$call$fixed)

ranef.lme <- function(object, level = 1:Q, standard = FALSE, ...) {
  Q <- object$dims$Q
  effects <- object$coefficients$random
  names <- names(effects)
  grpNames <- vapply(seq_len(Q), function(q) paste(rev(names[seq_len(q)]), collapse = " %in% "), "")
  effects <- effects[level]
  grpNames <- grpNames[level]
  if (standard) {
    for (i in names(effects)) {
      sds <- object$sigma * sqrt(diag(object$modelStruct$reStruct[[i]]$cov))
      effects[[i]] <- t(t(effects[[i]]) / sds)
    }
  }
  effects <- lapply(effects, function(el) {
    el <- as.data.frame(el)
    attr(el, "effectNames") <- names(el)
    el
  })
  if (length(level) == 1L) effects <- effects[[1L]]
  structure(effects, class = c("ranef.lme", class(effects)),
            label = if (standard) "Standardized random effects" else "Random effects",
            level = max(level), standardized = standard, grpNames = grpNames)
}

print.ranef.lme <- function(x, ...) {
  if (!inherits(x[[1L]], "data.frame")) {
    print.data.frame(x, ...)
  } else {
    for (i in seq_along(x)) {
      cat("Level:", attr(x, "grpNames")[i], "\n")
      print.data.frame(x[[i]])
      if (i < length(x)) cat("\n")
    }
  }
  invisible(x)
}

coef.lme <- function(object, level = Q, ...) {
  Q <- object$dims$Q
  if (length(level) > 1) stop("only single level allowed")
  fixed <- object$coefficients$fixed
  p <- length(fixed)
  random <- object$coefficients$random[seq_len(level)]
  groups <- object$groups
  rows <- rownames(random[[level]])
  # The groups of each outer level that each group of this level sits in.
  first <- match(rows, as.character(groups[[level]]))
  effNames <- unique(c(names(fixed), unlist(lapply(random, colnames))))
  effs <- array(0, c(length(rows), length(effNames)), list(rows, effNames))
  effs[, names(fixed)] <- array(rep(fixed, rep(length(rows), p)), c(length(rows), p))
  for (i in seq_len(level)) {
    outer <- as.character(groups[[i]])[first]
    b <- random[[i]]
    effs[, colnames(b)] <- effs[, colnames(b)] + b[outer, , drop = FALSE]
  }
  effs <- as.data.frame(effs)
  grpNames <- vapply(seq_len(Q), function(q) paste(rev(names(groups)[seq_len(q)]), collapse = " %in% "), "")
  attr(effs, "level") <- level
  attr(effs, "label") <- "Coefficients"
  attr(effs, "effectNames") <- effNames
  attr(effs, "standardized") <- FALSE
  attr(effs, "grpNames") <- grpNames[level]
  class(effs) <- c("coef.lme", "ranef.lme", "data.frame")
  effs
}

# A column of fitted values or residuals at one level, named by group, padded where
# na.exclude dropped rows.
.lme_level_column <- function(object, values, level, label) {
  groups <- object$groups
  grps <- as.character(groups[[max(1L, level)]])
  names(values) <- grps
  if (inherits(object$na.action, "exclude")) {
    keep <- stats::setNames(values, row.names(groups))
    values <- stats::naresid(object$na.action, keep)
    names(values) <- grps[match(names(values), row.names(groups))]
  }
  attr(values, "label") <- label
  values
}

# A label with the response's units, as grouped data carry them ("Fitted values (mm)").
.lme_with_units <- function(object, label) {
  units <- attr(object, "units")$y
  if (is.null(units)) label else paste(label, units)
}

fitted.lme <- function(object, level = Q, asList = FALSE, ...) {
  Q <- object$dims$Q
  columns <- if (is.character(level)) match(level, colnames(object$fitted)) else level + 1L
  if (length(columns) > 1L) return(object$fitted[, columns])
  .lme_level_column(object, unname(object$fitted[, columns]), columns - 1L,
                    .lme_with_units(object, "Fitted values"))
}

residuals.lme <- function(object, level = Q, type = c("response", "pearson", "normalized"), asList = FALSE, ...) {
  type <- match.arg(type)
  Q <- object$dims$Q
  columns <- if (is.character(level)) match(level, colnames(object$residuals)) else level + 1L
  values <- object$residuals[, columns]
  if (type != "response") values <- values / attr(object$residuals, "std")
  if (length(columns) > 1L) return(values)
  label <- switch(type, response = .lme_with_units(object, "Residuals"), pearson = "Standardized residuals",
                  normalized = "Normalized residuals")
  .lme_level_column(object, unname(values), columns - 1L, label)
}

predict.lme <- function(object, newdata, level = Q, asList = FALSE, na.action = na.fail, ...) {
  Q <- object$dims$Q
  if (missing(newdata)) return(stats::fitted(object, level = level))
  if (length(level) > 1L) stop("predict.lme() for several levels is not supported yet")
  fixed <- stats::delete.response(object$terms)
  mf <- stats::model.frame(fixed, newdata, xlev = .lme_xlevels(object))
  X <- stats::model.matrix(fixed, mf, contrasts.arg = object$contrasts)
  values <- drop(X %*% object$coefficients$fixed)
  label <- "Predicted values"
  if (level >= 1L) {
    label <- .lme_with_units(object, label)
    forms <- lapply(rev(object$modelStruct$reStruct), `[[`, "formula")
    names <- names(object$groups)
    raw <- lapply(names[seq_len(level)], function(g) as.character(eval(parse(text = g)[[1L]], newdata)))
    for (q in seq_len(level)) {
      groupLabels <- if (q == 1L) raw[[1L]] else do.call(paste, c(raw[seq_len(q)], sep = "/"))
      b <- object$coefficients$random[[q]]
      Z <- stats::model.matrix(forms[[q]], newdata)
      found <- match(groupLabels, rownames(b))
      values <- values + rowSums(Z * b[found, , drop = FALSE])
    }
    names(values) <- if (level == 1L) raw[[1L]] else do.call(paste, c(raw[seq_len(level)], sep = "/"))
  } else names(values) <- NULL
  attr(values, "label") <- label
  values
}

# The levels of the fit's factors, so that newdata's factors are coded as the fit's.
.lme_xlevels <- function(object) {
  data <- object$data
  if (is.null(data)) return(NULL)
  vars <- all.vars(stats::delete.response(object$terms))
  levels <- lapply(vars, function(v) if (is.factor(data[[v]])) levels(data[[v]])
                   else if (is.character(data[[v]])) sort(unique(data[[v]])) else NULL)
  names(levels) <- vars
  levels[!vapply(levels, is.null, NA)]
}

logLik.lme <- function(object, REML, ...) {
  dd <- object$dims
  p <- dd$ncol[[dd$Q + 1L]]
  N <- dd$N
  method <- object$method
  if (missing(REML)) REML <- method == "REML"
  val <- object$logLik
  logDet <- 2 * sum(log(diag(chol(object$varFix))))
  if (REML && method == "ML") val <- val + (p * (log(2 * pi) + 1L) + (N - p) * log(1 - p / N) + logDet) / 2
  if (!REML && method == "REML") val <- val - (p * (log(2 * pi) + 1L) + N * log(1 - p / N) + logDet) / 2
  npar <- sum(vapply(object$modelStruct$reStruct, function(el) { k <- ncol(el$cov); k * (k + 1) / 2 }, 1)) +
    length(object$modelStruct$varStruct$unconstrained)
  structure(val, class = "logLik", nall = N, nobs = N - REML * p, df = p + npar + 1)
}

anova.lme <- function(object, ..., test = TRUE, type = c("sequential", "marginal"),
                      adjustSigma = TRUE, Terms, L, verbose = FALSE) {
  dots <- list(...)
  if (length(dots) == 0L) {
    if (!missing(Terms) || !missing(L)) stop("anova.lme(Terms = , L = ) is not supported yet")
    type <- match.arg(type)
    vFix <- attr(object$fixDF, "varFixFact")
    if (adjustSigma && object$method == "ML")
      vFix <- sqrt(object$dims$N / (object$dims$N - ncol(vFix))) * vFix
    c0 <- solve(t(vFix), object$coefficients$fixed)
    assign <- attr(object$fixDF, "assign")
    nTerms <- length(assign)
    Fval <- Pval <- double(nTerms)
    nDF <- integer(nTerms)
    dDF <- object$fixDF$terms
    for (i in seq_len(nTerms)) {
      nDF[i] <- length(assign[[i]])
      c0i <- if (type == "sequential") c0[assign[[i]]]
             else c(qr.qty(qr(vFix[, assign[[i]], drop = FALSE]), c0))[seq_len(nDF[i])]
      Fval[i] <- sum(c0i^2) / nDF[i]
      Pval[i] <- 1 - stats::pf(Fval[i], nDF[i], dDF[i])
    }
    aod <- data.frame(numDF = nDF, denDF = dDF, `F-value` = Fval, `p-value` = Pval, check.names = FALSE)
    rownames(aod) <- names(assign)
    attr(aod, "rt") <- 1L
    class(aod) <- c("anova.lme", "data.frame")
    return(aod)
  }
  args <- as.list(sys.call())[-1L]
  if (!is.null(names(args))) args <- args[names(args) %in% c("", "object")]
  .nlme_compare(c(list(object), dots), args, test, verbose)
}

# The likelihood-ratio table of several lme or gls fits, anova's for more than one model; rows
# are named by the expressions the fits were given as.
.nlme_compare <- function(objects, exprs, test, verbose) {
  rt <- length(objects)
  methods <- unique(vapply(objects, function(el) el$method, ""))
  if (length(methods) > 1L) stop("all fitted objects must have the same estimation method")
  REML <- methods == "REML"
  if (REML) {
    fixedTerms <- vapply(objects, function(el) {
      tt <- stats::terms(stats::formula(el))
      val <- paste(sort(attr(tt, "term.labels")), collapse = "&")
      if (attr(tt, "intercept") == 1) paste(val, "(Intercept)", sep = "&") else val
    }, "")
    if (length(unique(fixedTerms)) > 1L)
      warning("fitted objects with different fixed effects. REML comparisons are not meaningful.")
  }
  calls <- vapply(objects, function(el) paste(deparse(el$call), collapse = ""), "")
  lls <- lapply(objects, stats::logLik, REML)
  if (length(unique(vapply(lls, attr, 1, "nall"))) > 1L)
    stop("all fitted objects must use the same number of observations")
  dfModel <- vapply(lls, attr, 1, "df")
  logLik <- vapply(lls, c, 1.1)
  aod <- data.frame(call = calls, Model = seq_len(rt), df = dfModel,
                    AIC = vapply(lls, stats::AIC, 1), BIC = vapply(lls, stats::BIC, 1),
                    logLik = logLik, check.names = FALSE)
  if (test) {
    ddf <- diff(dfModel)
    if (sum(abs(ddf)) > 0) {
      effects <- rep("", rt)
      for (i in 2:rt) if (ddf[i - 1] != 0) effects[i] <- paste(i - 1, i, sep = " vs ")
      pval <- rep(NA, rt - 1)
      ldf <- as.logical(ddf)
      lratio <- 2 * abs(diff(logLik))
      lratio[!ldf] <- NA
      pval[ldf] <- stats::pchisq(lratio[ldf], abs(ddf[ldf]), lower.tail = FALSE)
      aod <- data.frame(aod, Test = effects, L.Ratio = c(NA, lratio), `p-value` = c(NA, pval),
                        check.names = FALSE, stringsAsFactors = TRUE)
    }
  }
  row.names(aod) <- vapply(exprs, function(a) paste(deparse(a), collapse = ""), "")
  attr(aod, "rt") <- rt
  attr(aod, "verbose") <- verbose
  class(aod) <- c("anova.lme", "data.frame")
  aod
}

print.anova.lme <- function(x, verbose = attr(x, "verbose"), ...) {
  ox <- x
  if (attr(x, "rt") == 1L) {
    if (!is.null(label <- attr(x, "label"))) cat(label)
    pval <- format(round(x[, "p-value"], 4))
    pval[as.double(pval) == 0] <- "<.0001"
    x[, "F-value"] <- format(zapsmall(x[, "F-value"]))
    x[, "p-value"] <- pval
    print(as.data.frame(x), ...)
  } else {
    if (isTRUE(verbose)) {
      cat("Call:\n")
      for (i in seq_len(attr(x, "rt"))) {
        cat(" ", row.names(x)[i], ":\n", sep = "")
        cat(" ", as.character(x[i, "call"]), "\n")
      }
      cat("\n")
    }
    x <- as.data.frame(x)[, -1L]
    for (i in names(x)) {
      xx <- x[[i]]
      if (i == "p-value") {
        xx <- round(xx, 4)
        xna <- is.na(xx)
        xx[!xna] <- format(xx[!xna])
        xx[as.double(xx) == 0] <- "<.0001"
        xx[xna] <- ""
      } else if (i %in% c("AIC", "BIC", "logLik", "L.Ratio")) {
        xna <- is.na(xx)
        xx <- zapsmall(xx)
        xx[xna] <- 0
        xx <- format(xx)
        xx[xna] <- ""
      }
      x[[i]] <- xx
    }
    print(as.data.frame(x), ...)
  }
  invisible(ox)
}
"""#)
}
