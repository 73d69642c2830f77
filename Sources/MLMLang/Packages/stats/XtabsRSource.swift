/// stats' xtabs(): a contingency table from a formula, counts (no left side) or sums of the
/// left side, written in R; its class c("xtabs", "table") prints as a table.
enum XtabsRSource {
    static let source = RSource(functions: ["xtabs", "print.xtabs"], code: #"""
xtabs <- function(formula = ~., data = parent.frame(), subset, sparse = FALSE, na.action,
                  addNA = FALSE, exclude = if (!addNA) c(NA, NaN), drop.unused.levels = FALSE) {
  if (missing(formula) || !inherits(formula, "formula")) stop("'formula' missing or incorrect")
  if (any(c(":", "*", "/") %in% all.names(formula[[length(formula)]]))) stop("interactions are not allowed")
  env <- environment(formula)
  summands <- function(e) {
    if (is.call(e) && identical(e[[1L]], as.name("+"))) c(summands(e[[2L]]), summands(e[[3L]])) else list(e)
  }
  rhs <- formula[[length(formula)]]
  by <- if (identical(rhs, as.name("."))) lapply(setdiff(names(data), all.vars(formula[-length(formula)])), as.name) else summands(rhs)
  values <- lapply(by, function(e) eval(e, data, env))
  names(values) <- vapply(by, function(e) paste(deparse(e), collapse = " "), "")
  response <- if (length(formula) == 3L) eval(formula[[2L]], data, env)
  if (!missing(subset)) {
    keep <- eval(substitute(subset), data, env)
    keep <- keep & !is.na(keep)
    values <- lapply(values, function(v) v[keep])
    if (!is.null(response)) response <- response[keep]
  }
  factors <- lapply(values, function(v) {
    if (is.factor(v)) {
      if (drop.unused.levels) droplevels(v) else v
    } else factor(v, exclude = exclude)
  })
  if (is.null(response)) {
    x <- table(factors)
  } else {
    # Each observation's cell, the first factor varying fastest; the sum of the response there.
    sizes <- vapply(factors, nlevels, 1L)
    cell <- rep(1, length(response))
    stride <- 1
    for (f in factors) {
      cell <- cell + (as.integer(f) - 1) * stride
      stride <- stride * nlevels(f)
    }
    kept <- !is.na(cell)
    sums <- vapply(split(response[kept], factor(cell[kept], levels = seq_len(prod(sizes)))), sum, 0)
    x <- array(unname(sums), dim = sizes, dimnames = lapply(factors, levels))
  }
  x <- unclass(x)
  attr(x, "call") <- match.call()
  class(x) <- c("xtabs", "table")
  x
}

print.xtabs <- function(x, na.print = "", ...) {
  shown <- x
  attr(shown, "call") <- NULL
  class(shown) <- "table"
  print(shown, na.print = na.print, ...)
  invisible(x)
}
"""#)
}
