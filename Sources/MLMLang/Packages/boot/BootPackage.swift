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
/// each statistic's original value, bias and standard error over the replicates.
enum BootRSource {
    static let source = RSource(functions: ["print.boot"], code: #"""
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
