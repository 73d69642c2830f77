/// stats' aov() and its summary, written in R as R writes them: an aov is an lm fit of class
/// c("aov", "lm"), and its table comes from the fit's effects, term by term in order.
enum AovRSource {
    static let source = RSource(functions: ["aov", "summary.aov", "print.summary.aov", "print.aov"], code: #"""
aov <- function(formula, data = NULL, projections = FALSE, qr = TRUE, contrasts = NULL, ...) {
  call <- match.call()
  if ("Error" %in% all.names(formula))
    stop("aov() with an Error() term (multistratum analysis of variance) is not available in mlmd; ",
         "lmer() with a random effect for each stratum fits the same model")
  lmcall <- call
  lmcall[[1L]] <- quote(stats::lm)
  lmcall$projections <- NULL
  lmcall$qr <- NULL
  lmcall$contrasts <- NULL
  fit <- eval(lmcall, parent.frame())
  class(fit) <- c("aov", "lm")
  fit$call <- call
  fit
}

# The sums of squares of each term: the squared effects of the columns it was assigned.
.aov_terms <- function(object) {
  assigned <- object$assign[object$qr$pivot[seq_len(object$rank)]]
  effects <- object$effects[seq_along(assigned)]
  # mlmd's lm has no terms object yet; it keeps the labels as term.labels.
  labels <- c("(Intercept)", if (!is.null(object$terms)) attr(object$terms, "term.labels") else object$term.labels)
  terms <- unique(assigned)
  list(names = labels[1L + terms],
       df = vapply(terms, function(t) sum(assigned == t), 1),
       ss = vapply(terms, function(t) sum(effects[assigned == t]^2), 1),
       intercept = terms == 0L)
}

summary.aov <- function(object, intercept = FALSE, split, expand.split = TRUE, keep.zero.df = TRUE, ...) {
  parts <- .aov_terms(object)
  rdf <- object$df.residual
  df <- parts$df; ss <- parts$ss; rows <- parts$names
  if (rdf > 0L) {
    df <- c(df, rdf)
    ss <- c(ss, sum(object$residuals^2))
    rows <- c(rows, "Residuals")
  }
  n <- length(df)
  ms <- ifelse(df > 0L, ss / df, NA)
  table <- list(Df = df, `Sum Sq` = ss, `Mean Sq` = ms)
  if (rdf > 0L) {
    f <- ms / ms[n]
    p <- pf(f, df, rdf, lower.tail = FALSE)
    f[n] <- p[n] <- NA
    table$`F value` <- f
    table$`Pr(>F)` <- p
  }
  class(table) <- c("anova", "data.frame")
  attr(table, "row.names") <- format(rows)
  if (!keep.zero.df) table <- table[df > 0L, ]
  at <- which(startsWith(row.names(table), "(Intercept)"))
  if (!intercept && length(at)) table <- table[-at[1L], ]
  result <- list(table)
  class(result) <- c("summary.aov", "listof")
  attr(result, "na.action") <- object$na.action
  result
}

print.summary.aov <- function(x, digits = max(3L, getOption("digits") - 3L), symbolic.cor = FALSE,
                              signif.stars = getOption("show.signif.stars"), ...) {
  print(x[[1L]], digits = digits, signif.stars = signif.stars)
  invisible(x)
}

print.aov <- function(x, intercept = FALSE, tol = sqrt(.Machine$double.eps), ...) {
  if (!is.null(x$call)) {
    cat("Call:\n   ")
    cat(deparse(x$call, width.cutoff = 60L), sep = "\n")
  }
  parts <- .aov_terms(x)
  keep <- parts$df > 0 & (intercept | !parts$intercept)
  names <- parts$names[keep]; df <- parts$df[keep]; ss <- parts$ss[keep]
  rdf <- x$df.residual
  cat("\nTerms:\n")
  if (rdf > 0L) {
    names <- c(names, "Residuals"); df <- c(df, rdf); ss <- c(ss, sum(x$residuals^2))
  }
  # print(<character matrix>, quote = FALSE, right = TRUE): labels left, cells right-aligned.
  cells <- list(names, format(zapsmall(ss)), format(df))
  widths <- pmax(nchar(cells[[1L]]), nchar(cells[[2L]]), nchar(cells[[3L]]))
  labels <- format(c("", "Sum of Squares", "Deg. of Freedom"))
  for (k in 1:3) {
    padded <- paste0(strrep(" ", widths - nchar(cells[[k]])), cells[[k]])
    cat(labels[k], " ", paste(padded, collapse = " "), "\n", sep = "")
  }
  cat("\n")
  if (rdf > 0L) {
    cat("Residual standard error:", format(sqrt(sum(x$residuals^2) / rdf)))
    cat("\n")
  }
  # Balanced when the kept columns of the model matrix are orthogonal: R off its diagonal is 0.
  r <- qr.R(qr(x))
  if (x$rank < ncol(r)) {
    cat(paste(ncol(r) - x$rank, "out of", ncol(r), "effects not estimable\n"))
    r <- r[, seq_len(x$rank), drop = FALSE]
  }
  scale <- sum(abs(diag(r)))
  r[row(r) == col(r)] <- 0
  cat(if (sum(abs(r)) / scale > tol) "Estimated effects may be unbalanced\n" else "Estimated effects are balanced\n")
  invisible(x)
}
"""#)
}
