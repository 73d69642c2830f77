/// nlme's approximate intervals for an lme fit: t intervals for the fixed effects with nlme's
/// degrees of freedom, and for the random-effects standard deviations, their correlations and
/// the residual standard deviation, normal intervals on nlme's natural scale (log standard
/// deviations, log((1 + r)/(1 - r)) for correlations, log σ) from the inverse Hessian of the
/// log-likelihood there (apVar) by central differences. Written in R over a kernel
/// that evaluates the lmer core at other variance parameters.
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
  c(pars, lSigma = log(object$sigma))
}

# The log-likelihood (REML or ML, fixed effects profiled) at natural parameters.
.lme_loglik_at <- function(object, pars) {
  fit <- attr(object$modelStruct, "fit")
  sigma <- exp(pars[[length(pars)]])
  relative <- list()
  k <- 0L
  for (g in names(object$modelStruct$reStruct)) {
    q <- ncol(object$modelStruct$reStruct[[g]]$cov)
    nc <- q * (q - 1L) / 2L
    logSd <- pars[k + seq_len(q)]
    z <- pars[k + q + seq_len(nc)]
    k <- k + q + nc
    r <- diag(q)
    r[lower.tri(r)] <- (exp(z) - 1) / (exp(z) + 1)
    r[upper.tri(r)] <- t(r)[upper.tri(r)]
    sds <- exp(logSd)
    relative[[g]] <- r * outer(sds, sds) / sigma^2
  }
  # θ of the lmer fit: each term's lower Cholesky factor, column by column, in the fit's order.
  theta <- unlist(lapply(names(lme4::getME(fit, "cnms")), function(term) {
    level <- names(object$groups)[as.integer(sub(".lme.group", "", term, fixed = TRUE))]
    L <- t(chol(relative[[level]]))
    L[lower.tri(L, diag = TRUE)]
  }))
  pieces <- .Internal(lmm_loglik_pieces(fit, theta))
  N <- object$dims$N
  p <- length(object$coefficients$fixed)
  if (object$method == "REML")
    -0.5 * (pieces[2L] + pieces[3L] + (N - p) * log(2 * pi * sigma^2) + pieces[1L] / sigma^2)
  else -0.5 * (pieces[2L] + N * log(2 * pi * sigma^2) + pieces[1L] / sigma^2)
}

# The Hessian of f at x by central differences. nlme's fdHess takes steps of the cube root of
# the machine epsilon, which its QR-based likelihood is smooth enough for; the lmer core's is
# smooth to about 1e-13, so steps of 1e-4 give the same Hessian without that noise.
.lme_fd_hessian <- function(f, x) {
  n <- length(x)
  h <- 1e-4 * pmax(abs(x), 1)
  at <- function(d) f(x + h * d)
  f0 <- at(rep(0, n))
  unit <- diag(n)
  H <- matrix(0, n, n)
  for (i in seq_len(n)) {
    H[i, i] <- (at(unit[, i]) - 2 * f0 + at(-unit[, i])) / h[i]^2
    for (j in seq_len(i - 1L)) {
      H[i, j] <- H[j, i] <- (at(unit[, i] + unit[, j]) - at(unit[, i] - unit[, j]) -
                               at(-unit[, i] + unit[, j]) + at(-unit[, i] - unit[, j])) / (4 * h[i] * h[j])
    }
  }
  H
}

.lme_apVar <- function(object) {
  pars <- .lme_natural_pars(object)
  H <- .lme_fd_hessian(function(p) .lme_loglik_at(object, p), unname(pars))
  # Negative definite, as nlme asks of every eigenvalue: -H has a Cholesky factor.
  if (inherits(tryCatch(chol(-H), error = function(e) e), "error"))
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
