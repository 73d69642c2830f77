/// emmeans' joint_tests and test(joint = TRUE), written in R as emmeans writes them: for each
/// model term, the joint F test that all its interaction contrasts (consecutive differences of
/// each of its factors, crossed) are zero, on orthonormalized contrasts of full rank, with the
/// smallest of their degrees of freedom; numeric covariates enter at their mean ± 1.
enum EmmeansJointTestsRSource {
    static let source = RSource(functions: ["joint_tests"], code: #"""
.meanint <- function(x) mean(x) + c(-1, 1)

.consec_matrix <- function(k) {
  M <- matrix(0, k - 1, k)
  for (i in seq_len(k - 1)) {
    M[i, i] <- -1
    M[i, i + 1] <- 1
  }
  M
}

# One joint F test of the rows of L: their orthonormal basis of full rank (qr of t(L)), the
# Wald statistic over its rank, and the smallest degrees of freedom of the basis rows.
.joint_test <- function(object, L) {
  zapsm <- function(x, tol = 1e-07) { x[abs(x) < tol] <- 0; x }
  narows <- apply(L, 1, function(x) any(is.na(x)) || all(x == 0))
  L <- L[!narows, , drop = FALSE]
  if (nrow(L) == 0) return(list(df1 = 0, df2 = NA, F.ratio = NA, p.value = NA, L = NULL))
  qrLt <- qr(zapsm(t(L)))
  r <- qrLt$rank
  if (r == 0) return(list(df1 = 0, df2 = NA, F.ratio = NA, p.value = NA, L = NULL))
  nz <- 1:r
  tR <- t(qr.R(qrLt))[nz, nz, drop = FALSE]
  nz <- which(zapsmall(diag(tR)) != 0)
  r <- length(nz)
  tQ <- t(qr.Q(qrLt))[nz, , drop = FALSE]
  z <- tQ %*% object$bhat
  zcov <- tQ %*% object$V %*% t(tQ)
  F <- sum(z * solve(zcov, z)) / r
  df2 <- min(apply(tQ, 1, function(x) as.numeric(object$dffun(x, object$dfargs))))
  p.value <- if (is.na(df2)) stats::pchisq(F * r, r, lower.tail = FALSE) else stats::pf(F, r, df2, lower.tail = FALSE)
  list(df1 = round(r, 2), df2 = round(df2, 2), F.ratio = round(F, 3), p.value = p.value, L = tQ)
}

joint_tests <- function(object, by = NULL, show0df = FALSE, showconf = TRUE, cov.reduce = .meanint, ...) {
  if (!inherits(object, "emmGrid")) object <- ref_grid(object, cov.reduce = cov.reduce, ...)
  facs <- setdiff(names(object$levels), by)
  if (length(facs) == 0) stop("There are no factors to test")
  trmtbl <- object$factors
  if (is.null(trmtbl) || length(trmtbl) == 0) trmtbl <- matrix(1, nrow = length(facs), dimnames = list(facs, NULL))
  xtras <- setdiff(facs, row.names(trmtbl))
  if (length(xtras) > 0) trmtbl <- rbind(trmtbl, matrix(1, length(xtras), ncol(trmtbl), dimnames = list(xtras, NULL)))
  rows <- list()
  fcns <- list()
  do.test <- function(these) {
    if (length(these) > 0 && any(apply(trmtbl[these, , drop = FALSE], 2, prod) != 0)) {
      emm <- suppressMessages(emmeans(object, these, by = by))
      C <- Reduce(function(acc, f) kronecker(.consec_matrix(length(emm$levels[[f]])), acc),
                  these[-1], .consec_matrix(length(emm$levels[[these[1]]])))
      for (g in .find_by_rows(emm$grid, by)) {
        tst <- .joint_test(object, C %*% emm$linfct[g, , drop = FALSE])
        fcns[[length(fcns) + 1L]] <<- tst$L
        row <- data.frame(ord = length(these), `model term` = paste(these, collapse = ":"), check.names = FALSE,
                          stringsAsFactors = FALSE)
        if (!is.null(by)) for (v in by) row[[v]] <- emm$grid[g[1], v]
        rows[[length(rows) + 1L]] <<- cbind(row, data.frame(df1 = tst$df1, df2 = tst$df2, F.ratio = tst$F.ratio,
                                                              p.value = tst$p.value))
      }
    }
    last <- if (length(these) > 0) max(match(these, facs)) else 0
    n <- length(facs)
    if (last < n) for (i in last + seq_len(n - last)) do.test(c(these, facs[i]))
  }
  do.test(character(0))
  if (showconf && is.null(by)) {
    # What the grid's contrasts test beyond the terms' (a rank-deficient model's confounded part).
    all <- .joint_test(object, .consec_matrix(nrow(object$linfct)) %*% object$linfct)
    terms <- Filter(Negate(is.null), fcns)
    tst <- if (length(terms)) .joint_test(object, do.call(rbind, terms)) else list(df1 = 0, F.ratio = 0)
    df1 <- all$df1 - tst$df1
    if (df1 > 0) {
      F <- (all$df1 * all$F.ratio - tst$df1 * tst$F.ratio) / df1
      rows[[length(rows) + 1L]] <- data.frame(ord = 999, `model term` = "(confounded)", df1 = df1, df2 = all$df2,
                                              F.ratio = F, p.value = stats::pf(F, df1, all$df2, lower.tail = FALSE),
                                              check.names = FALSE, stringsAsFactors = FALSE)
    }
  }
  result <- do.call(rbind, rows)
  result <- result[order(result$ord), -1, drop = FALSE]
  if (!show0df) result <- result[result$df1 > 0, , drop = FALSE]
  row.names(result) <- NULL
  class(result) <- c("summary_emm", "data.frame")
  attr(result, "estName") <- "F.ratio"
  attr(result, "by.vars") <- by
  result
}
"""#)
}
