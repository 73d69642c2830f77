/// nlme's approximate intervals for an lme fit: t intervals for the fixed effects with nlme's
/// degrees of freedom, and for the random-effects standard deviations, their correlations and
/// the residual standard deviation, normal intervals on nlme's natural scale (log standard
/// deviations, log((1 + r)/(1 - r)) for correlations, log σ) from the inverse Hessian of the
/// log-likelihood there (apVar) by central differences, which a kernel takes on the lmer core.
/// Written in R.
enum LmeIntervalsRSource {
    static let source = RSource(functions: ["intervals", "intervals.lme", "print.intervals.lme"], code: #"""
intervals <- function(object, level = 0.95, ...) UseMethod("intervals")

# The variance parameters of each level (innermost first, as nlme orders them) on the natural
# scale, and log sigma last.
.lme_natural_pars <- function(object) {
  pars <- double(0)
  for (g in names(object$modelStruct$reStruct)) {
    cv <- object$modelStruct$reStruct[[g]]$cov * object$sigma^2
    sds <- sqrt(diag(cv))
    r <- cv / outer(sds, sds)
    corr <- r[lower.tri(r)]
    values <- c(log(sds), log((1 + corr) / (1 - corr)))
    pars <- c(pars, structure(values, names = paste0("reStruct.", g, if (length(values) > 1L) seq_along(values))))
  }
  if (length(ratios <- object$modelStruct$varStruct$unconstrained))
    pars <- c(pars, structure(ratios, names = paste0("varStruct", if (length(ratios) > 1L) seq_along(ratios))))
  c(pars, lSigma = log(object$sigma))
}

# apVar: the inverse of minus the Hessian of the log-likelihood (REML or ML, fixed effects
# profiled) on the natural scale, at the estimates; the kernel evaluates the lmer fit.
.lme_apVar <- function(object) {
  pars <- .lme_natural_pars(object)
  fit <- attr(object$modelStruct, "fit")
  structs <- object$modelStruct$reStruct
  sizes <- vapply(structs, function(el) ncol(el$cov), 1L)
  termLevels <- vapply(names(lme4::getME(fit, "cnms")), function(term)
    match(names(object$groups)[as.integer(sub(".lme.group", "", term, fixed = TRUE))], names(structs)), 1L)
  strata <- attr(object$modelStruct, "strata")
  H <- if (is.null(strata)) .Internal(lme_natural_hessian(fit, unname(pars), unname(sizes), unname(termLevels), object$method == "REML"))
       else .Internal(lme_natural_hessian(fit, unname(pars), unname(sizes), unname(termLevels), object$method == "REML",
                                          strata, length(object$modelStruct$varStruct$estimate)))
  # Negative definite, as nlme asks of every eigenvalue: -H has a Cholesky factor.
  if (anyNA(H) || inherits(tryCatch(chol(-H), error = function(e) e), "error"))
    return("Non-positive definite approximate variance-covariance")
  V <- solve(-H)
  dimnames(V) <- list(names(pars), names(pars))
  attr(V, "Pars") <- pars
  attr(V, "natural") <- TRUE
  V
}

intervals.lme <- function(object, level = 0.95, which = c("all", "var-cov", "fixed"), ...) {
  which <- match.arg(which)
  val <- list()
  if (which != "var-cov") {
    est <- object$coefficients$fixed
    len <- -stats::qt((1 - level) / 2, object$fixDF$X) * sqrt(diag(object$varFix))
    fixed <- array(c(est - len, est, est + len), c(length(est), 3L), list(names(est), c("lower", "est.", "upper")))
    attr(fixed, "label") <- "Fixed effects:"
    val$fixed <- fixed
  }
  if (which != "fixed") {
    aV <- object$apVar
    if (is.character(aV))
      stop(gettextf("cannot get confidence intervals on var-cov components: %s\n Consider '%s'", aV, "which = \"fixed\""))
    est <- attr(aV, "Pars")
    len <- -stats::qnorm((1 - level) / 2) * sqrt(diag(aV))
    bounds <- cbind(lower = est - len, est. = est, upper = est + len)
    k <- 0L
    random <- list()
    for (g in names(object$modelStruct$reStruct)) {
      names <- colnames(object$modelStruct$reStruct[[g]]$cov)
      q <- length(names)
      nc <- q * (q - 1L) / 2L
      rows <- k + seq_len(q + nc)
      k <- k + q + nc
      values <- bounds[rows, , drop = FALSE]
      values[seq_len(q), ] <- exp(values[seq_len(q), ])
      if (nc > 0) {
        z <- values[q + seq_len(nc), , drop = FALSE]
        values[q + seq_len(nc), ] <- (exp(z) - 1) / (exp(z) + 1)
      }
      pairs <- which(lower.tri(diag(q)), arr.ind = TRUE)
      rownames(values) <- c(paste0("sd(", names, ")"),
                            if (nc > 0) paste0("cor(", names[pairs[, 2L]], ",", names[pairs[, 1L]], ")"))
      random[[g]] <- as.data.frame(values)
    }
    random <- rev(random)
    attr(random, "label") <- "Random Effects:"
    val$reStruct <- random
    if (length(ratios <- object$modelStruct$varStruct$unconstrained)) {
      rows <- k + seq_along(ratios)
      variance <- exp(bounds[rows, , drop = FALSE])
      rownames(variance) <- names(object$modelStruct$varStruct$estimate)[-1L]
      attr(variance, "label") <- "Variance function:"
      val$varStruct <- variance
    }
    sigma <- exp(bounds[nrow(bounds), ])
    attr(sigma, "label") <- "Within-group standard error:"
    val$sigma <- sigma
  }
  attr(val, "level") <- level
  class(val) <- "intervals.lme"
  val
}

print.intervals.lme <- function(x, ...) {
  cat(paste0("Approximate ", attr(x, "level") * 100, "% confidence intervals\n"))
  for (i in names(x)) {
    part <- x[[i]]
    cat("\n ", attr(part, "label"), "\n", sep = "")
    attr(part, "label") <- NULL
    if (i == "reStruct") {
      for (j in names(part)) {
        cat("  Level:", j, "\n")
        print(as.matrix(part[[j]]), ...)
      }
    } else if (i == "sigma") print(c(part), ...)
    else print(as.matrix(part), ...)
  }
  invisible(x)
}
"""#)
}
