/// How nlme shows an lme fit: print, summary (AIC/BIC/logLik, the random-effects block, the
/// t table with nlme's degrees of freedom, the correlation of the fixed effects and the
/// standardized within-group residuals), VarCorr, and the printing of random-effects
/// covariances per level. Written in R, as nlme's own methods print.
enum LmePrintRSource {
    static let source = RSource(functions: [
        "print.lme", "summary.lme", "print.summary.lme", "VarCorr.lme", "print.VarCorr.lme",
        "print.correlation",
    ], code: #"""
# "Subject", or "Variety %in% Block" for an inner level: each level named with those it is nested in.
.lme_level_labels <- function(names) {
  vapply(seq_along(names), function(q) paste(rev(names[seq_len(q)]), collapse = " %in% "), "")
}

.lme_print_header <- function(x) {
  cat("Linear mixed-effects model fit by ")
  cat(if (x$method == "REML") "REML\n" else "maximum likelihood\n")
  cat("  Data:", deparse(x$call$data), "\n")
}

.lme_print_groups <- function(x) {
  dd <- x$dims
  cat("Number of Groups: ")
  ngrps <- rev(dd$ngrps[seq_len(dd$Q)])
  if (length(ngrps) == 1L) cat(ngrps, "\n")
  else {
    names(ngrps) <- .lme_level_labels(names(ngrps))
    cat("\n")
    print(ngrps)
  }
}

# One level's block of the "Random effects:" section; the innermost carries the residual.
.lme_print_level <- function(cv, form, label, sigma, resid, pdClass) {
  cat(" Formula: ", deparse(form), " | ", label, "\n", sep = "")
  sds <- sqrt(diag(cv))
  p <- length(sds)
  if (p == 1L) {
    values <- if (resid) c(sds, sigma) else sds
    print(array(values, c(1L, length(values)),
                list("StdDev:", c(names(sds), if (resid) "Residual"))))
    return(invisible())
  }
  cat(" Structure: ", if (pdClass == "pdLogChol") "General positive-definite, Log-Cholesky parametrization"
      else "General positive-definite", "\n", sep = "")
  corr <- cv / outer(sds, sds)
  ll <- lower.tri(corr)
  shown <- array("", dim(corr))
  shown[ll] <- format(round(corr[ll], digits = 3))
  rows <- c(names(sds), if (resid) "Residual")
  out <- array("", c(length(rows), p), list(rows, c("StdDev", "Corr", rep("", p - 2L))))
  out[, 1L] <- format(c(sds, if (resid) sigma))
  out[2:p, -1L] <- shown[-1L, -p]
  out[1L, -1L] <- abbreviate(names(sds)[-p], minlength = 6L)
  print(out, quote = FALSE)
}

.lme_print_random <- function(x) {
  cat("Random effects:\n")
  levels <- rev(x$modelStruct$reStruct)
  labels <- .lme_level_labels(names(levels))
  for (q in seq_along(levels)) {
    .lme_print_level(levels[[q]]$cov * x$sigma^2, levels[[q]]$formula, labels[q], x$sigma,
                     resid = q == length(levels), pdClass = class(levels[[q]])[1L])
    cat("\n")
  }
  if (!is.null(varStruct <- x$modelStruct$varStruct)) print(varStruct)
}

print.lme <- function(x, ...) {
  .lme_print_header(x)
  cat("  Log-", if (x$method == "REML") "restricted-" else "", "likelihood: ", format(x$logLik), "\n", sep = "")
  cat("  Fixed:", deparse(x$call$fixed), "\n")
  print(x$coefficients$fixed, ...)
  cat("\n")
  .lme_print_random(x)
  cat("Number of Observations:", x$dims[["N"]])
  cat("\n")
  .lme_print_groups(x)
  invisible(x)
}

summary.lme <- function(object, adjustSigma = TRUE, verbose = FALSE, ...) {
  fixed <- object$coefficients$fixed
  stdFixed <- sqrt(diag(as.matrix(object$varFix)))
  object$corFixed <- array(t(object$varFix / stdFixed) / stdFixed, dim(object$varFix),
                           list(names(fixed), names(fixed)))
  if (adjustSigma && object$method == "ML")
    stdFixed <- stdFixed * sqrt(object$dims$N / (object$dims$N - length(stdFixed)))
  df <- object$fixDF[["X"]]
  tVal <- fixed / stdFixed
  object$tTable <- cbind(Value = fixed, Std.Error = stdFixed, DF = df, `t-value` = tVal,
                         `p-value` = 2 * stats::pt(-abs(tVal), df))
  object <- .nlme_summary_fit(object)
  structure(object, verbose = verbose, oClass = class(object), class = c("summary.lme", class(object)))
}

print.summary.lme <- function(x, verbose = FALSE, ...) {
  .lme_print_header(x)
  print(data.frame(AIC = x$AIC, BIC = x$BIC, logLik = c(x$logLik), row.names = " "), ...)
  cat("\n")
  .lme_print_random(x)
  cat("Fixed effects: ", deparse(x$call$fixed), "\n")
  .nlme_print_ttable(x$tTable, x$corFixed, " Correlation:", ...)
  cat("\nStandardized Within-Group Residuals:\n")
  print(x$residuals, ...)
  cat("\nNumber of Observations:", x$dims[["N"]])
  cat("\n")
  .lme_print_groups(x)
  invisible(x)
}

print.correlation <- function(x, title = " Correlation:", rdig = 3, ...) {
  p <- dim(x)[2L]
  if (p > 1) {
    cat(title, "\n")
    ll <- lower.tri(x)
    shown <- array("", dim(x), dimnames(x))
    shown[ll] <- format(round(unclass(x)[ll], digits = rdig))
    if (!is.null(colnames(shown))) colnames(shown) <- abbreviate(colnames(shown), minlength = rdig + 3)
    print(shown[-1L, -p, drop = FALSE], ..., quote = FALSE)
  }
  invisible(x)
}

VarCorr.lme <- function(x, sigma = x$sigma, rdig = 3, ...) {
  levels <- rev(x$modelStruct$reStruct)
  block <- function(level) {
    cv <- level$cov * sigma^2
    sds <- sqrt(diag(cv))
    m <- cbind(Variance = diag(cv), StdDev = sds)
    rownames(m) <- names(sds)
    corr <- NULL
    if (length(sds) > 1L) {
      r <- cv / outer(sds, sds)
      k <- length(sds)
      shown <- array("", dim(r))
      ll <- lower.tri(r)
      shown[ll] <- format(round(r[ll], digits = rdig))
      corr <- array("", c(k, k - 1L), list(names(sds), c("Corr", rep("", k - 2L))))
      corr[-1L, ] <- shown[-1L, -k]
      corr[1L, ] <- abbreviate(names(sds)[-k], minlength = rdig + 3)
    }
    list(values = m, corr = corr, formStr = paste0(class(level)[1L], "(", deparse(level$formula[[2L]]), ")"))
  }
  m <- lapply(levels, block)
  Q <- length(m)
  if (Q == 1L) {
    mm <- rbind(m[[1L]]$values, Residual = c(sigma^2, sigma))
    v <- array("", dim(mm), dimnames(mm))
    v[, 1L] <- format(mm[, 1L])
    v[, 2L] <- format(mm[, 2L])
    if (!is.null(corr <- m[[1L]]$corr)) v <- cbind(v, rbind(corr, Residual = rep("", ncol(corr))))
    return(structure(v, title = paste(names(levels), "=", m[[1L]]$formStr), class = "VarCorr.lme"))
  }
  nrows <- vapply(m, function(el) nrow(el$values), 1L)
  trows <- 1L + c(0L, cumsum(1L + nrows))[1:Q]
  bd <- rbind(do.call(rbind, lapply(m, `[[`, "values")), c(sigma^2, sigma))
  corr <- lapply(m, `[[`, "corr")
  cols <- c("Variance", "StdDev")
  maxCorr <- 0L
  if (!all(nulls <- vapply(corr, is.null, NA))) {
    maxCorr <- max(vapply(corr[!nulls], ncol, 1L))
    cols <- c(cols, "Corr", rep("", maxCorr - 1L))
  }
  v <- array("", c(sum(nrows) + Q + 1L, 2L + maxCorr), list(NULL, cols))
  v[-trows, 1L] <- format(bd[, 1L])
  v[-trows, 2L] <- format(bd[, 2L])
  v[trows, 1L] <- vapply(m, `[[`, "", "formStr")
  rn <- rep("", sum(nrows) + Q)
  rn[trows] <- paste(names(levels), "=")
  r <- 1L
  for (i in seq_len(Q)) {
    rows <- r + seq_len(nrows[i])
    rn[rows] <- rownames(m[[i]]$values)
    if (!is.null(corr[[i]])) v[rows, 2L + seq_len(ncol(corr[[i]]))] <- corr[[i]]
    r <- r + nrows[i] + 1L
  }
  rownames(v) <- c(rn, "Residual")
  class(v) <- "VarCorr.lme"
  v
}

print.VarCorr.lme <- function(x, ...) {
  if (!is.null(title <- attr(x, "title"))) cat(title, "\n")
  attr(x, "title") <- NULL
  print(unclass(x), ..., quote = FALSE)
  invisible(x)
}
"""#)
}
