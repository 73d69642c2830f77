extension RPackage {
    /// boot: bootstrap results. lme4 loads it; bootMer() objects are "boot" objects and print
    /// with its print.boot.
    static let boot = RPackage(
        name: "boot",
        s3Methods: ["print.boot"],
        install: { _ in },
        rSource: BootRSource.source)
}

/// boot's print method for its results, written in R: the kind of bootstrap, the call, and
/// each statistic's original value, bias and standard error over the replicates; and boot.ci's
/// normal, basic and percentile intervals (the order statistics interpolated on the normal
/// quantile scale, as boot's norm.inter does).
enum BootRSource {
    static let source = RSource(functions: ["print.boot", "boot.ci"], code: #"""
.norm_inter <- function(t, alpha) {
  t <- t[is.finite(t)]
  R <- length(t)
  rk <- (R + 1) * alpha
  if (!all(rk > 1 & rk < R)) warning("extreme order statistics used as endpoints")
  k <- trunc(rk)
  out <- numeric(length(k))
  tstar <- sort(t)
  exact <- k == rk
  out[exact] <- tstar[k[exact]]
  out[k == 0] <- tstar[1L]
  out[k == R] <- tstar[R]
  between <- which(!exact & k != 0 & k != R)
  if (length(between)) {
    z <- stats::qnorm(alpha[between])
    zk <- stats::qnorm(k[between] / (R + 1))
    zk1 <- stats::qnorm((k[between] + 1) / (R + 1))
    tk <- tstar[k[between]]
    tk1 <- tstar[k[between] + 1L]
    out[between] <- tk + (z - zk) / (zk1 - zk) * (tk1 - tk)
  }
  cbind(round(rk, 2), out)
}

boot.ci <- function(boot.out, conf = 0.95, type = "all", index = 1:min(2, length(boot.out$t0)),
                    var.t0 = NULL, var.t = NULL, t0 = NULL, t = NULL, L = NULL, h = function(t) t,
                    hdot = function(t) rep(1, length(t)), hinv = function(t) t, ...) {
  if (identical(type, "all")) type <- c("norm", "basic", "perc")
  unsupported <- setdiff(type, c("norm", "basic", "perc"))
  if (length(unsupported)) stop(gettextf("boot.ci(type = \"%s\") is not available in mlmd yet", unsupported[1L]), domain = NA)
  index <- index[1L]
  if (is.null(t0)) t0 <- boot.out$t0[index]
  if (is.null(t)) t <- boot.out$t[, index]
  t <- h(t[is.finite(t)])
  t0 <- h(t0)
  R <- length(t)
  out <- list(R = R, t0 = hinv(t0), call = match.call())
  if ("norm" %in% type) {
    bias <- mean(t) - t0
    spread <- if (is.null(var.t0)) stats::var(t) else var.t0
    merr <- sqrt(spread) * stats::qnorm((1 + conf) / 2)
    out$normal <- cbind(conf, hinv(t0 - bias - merr), hinv(t0 - bias + merr))
  }
  if ("basic" %in% type) {
    qq <- .norm_inter(t, (1 + c(conf, -conf)) / 2)
    out$basic <- cbind(conf, matrix(qq[, 1L], ncol = 2L), matrix(hinv(2 * t0 - qq[, 2L]), ncol = 2L))
  }
  if ("perc" %in% type) {
    qq <- .norm_inter(t, (1 + c(-conf, conf)) / 2)
    out$percent <- cbind(conf, matrix(qq[, 1L], ncol = 2L), matrix(hinv(qq[, 2L]), ncol = 2L))
  }
  class(out) <- "bootci"
  out
}

print.boot <- function(x, digits = getOption("digits"), index = 1L:ncol(boot.out$t), ...) {
  boot.out <- x
  cl <- boot.out$call
  t <- matrix(boot.out$t[, index], nrow = nrow(boot.out$t))
  allNA <- apply(t, 2L, function(v) all(is.na(v)))
  ind1 <- index[allNA]
  index <- index[!allNA]
  t <- matrix(t[, !allNA], nrow = nrow(t))
  rn <- paste("t", index, "*", sep = "")
  op <- NULL
  if (length(index) > 0L) {
    spread <- sqrt(apply(t, 2L, function(v) stats::var(v[!is.na(v)])))
    if (is.null(boot.out$t0)) {
      op <- cbind(apply(t, 2L, mean, na.rm = TRUE), spread)
      dimnames(op) <- list(rn, c("mean", "std. error"))
    } else {
      t0 <- boot.out$t0[index]
      op <- cbind(t0, apply(t, 2L, mean, na.rm = TRUE) - t0, spread)
      dimnames(op) <- list(rn, c("original", " bias  ", " std. error"))
    }
  }
  if (identical(boot.out$sim, "parametric")) cat("\nPARAMETRIC BOOTSTRAP\n\n")
  else if (is.null(cl$strata) && is.null(cl$weights)) cat("\nORDINARY NONPARAMETRIC BOOTSTRAP\n\n")
  else if (is.null(cl$strata)) cat("\nWEIGHTED BOOTSTRAP\n\n")
  else cat("\nSTRATIFIED BOOTSTRAP\n\n")
  cat("\nCall:\n")
  dput(cl, control = NULL)
  cat("\n\nBootstrap Statistics :\n")
  if (!is.null(op)) print(op, digits = digits)
  for (j in ind1) cat(paste("WARNING: All values of t", j, "* are NA\n", sep = ""))
  invisible(boot.out)
}
"""#)
}
