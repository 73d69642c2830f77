/// stats' aggregate(): a summary of each column per combination of grouping values (data frame
/// form) or of the formula's left side by its right side (formula form). Written in R.
enum AggregateRSource {
    static let source = RSource(functions: ["aggregate", "aggregate.data.frame", "aggregate.formula", "aggregate.default"], code: #"""
aggregate <- function(x, ...) UseMethod("aggregate")

aggregate.default <- function(x, ...) {
  if (inherits(x, "ts")) stop("aggregate() of time series is not supported yet")
  aggregate.data.frame(as.data.frame(x), ...)
}

# The groups present, ordered with the first grouping variable varying fastest; FUN's value for
# each group and column (a single value each).
aggregate.data.frame <- function(x, by, FUN, ..., simplify = TRUE, drop = TRUE) {
  x <- as.data.frame(x)
  FUN <- match.fun(FUN)
  if (!is.list(by)) stop("'by' must be a list")
  if (is.null(names(by)) && length(by)) names(by) <- paste0("Group.", seq_along(by))
  else {
    empty <- which(!nzchar(names(by)))
    names(by)[empty] <- paste0("Group.", empty)
  }
  if (any(lengths(by) != nrow(x))) stop("arguments must have same length")
  factors <- lapply(by, function(g) if (is.factor(g)) g else factor(g))
  complete <- Reduce(`&`, lapply(factors, function(f) !is.na(f)), rep(TRUE, nrow(x)))
  key <- rep(0, nrow(x)); size <- 1
  for (f in factors) {
    key <- key + (as.integer(f) - 1L) * size
    size <- size * nlevels(f)
  }
  key[!complete] <- NA
  groups <- sort(unique(key[complete]))
  first <- match(groups, key)
  out <- lapply(by, function(g) g[first])
  for (name in names(x)) {
    values <- lapply(groups, function(k) FUN(x[[name]][which(key == k)], ...))
    if (simplify && all(lengths(values) == 1L)) values <- unlist(values)
    else if (simplify && length(unique(lengths(values))) == 1L) values <- do.call(rbind, values)
    out[[name]] <- values
  }
  structure(out, class = "data.frame", row.names = seq_along(groups))
}

# formula: y ~ g1 + g2, cbind(y1, y2) ~ g, . ~ g or y ~ .; rows with a missing value in any
# variable used are left out (na.action = na.omit).
aggregate.formula <- function(x, data, FUN, ..., subset, na.action = na.omit) {
  formula <- x
  if (length(formula) != 3L) stop("'formula' missing or incorrect")
  data <- as.data.frame(data)
  env <- environment(formula)
  lhs <- formula[[2L]]; rhs <- formula[[3L]]
  rhs_names <- if (identical(rhs, quote(.))) NULL else all.vars(rhs)
  lhs_exprs <- if (identical(lhs, quote(.))) NULL else if (is.call(lhs) && identical(lhs[[1L]], quote(cbind))) as.list(lhs)[-1L] else list(lhs)
  if (is.null(rhs_names)) rhs_names <- setdiff(names(data), vapply(lhs_exprs, deparse, ""))
  if (is.null(lhs_exprs)) lhs_exprs <- lapply(setdiff(names(data), rhs_names), as.name)
  lhs_names <- vapply(lhs_exprs, function(e) paste(deparse(e), collapse = " "), "")
  values <- lapply(lhs_exprs, function(e) eval(e, data, env))
  groups <- lapply(rhs_names, function(n) eval(as.name(n), data, env))
  names(values) <- lhs_names; names(groups) <- rhs_names
  keep <- Reduce(`&`, lapply(c(values, groups), function(v) !is.na(v)), rep(TRUE, nrow(data)))
  if (!missing(subset)) keep <- keep & eval(substitute(subset), data, env)
  values <- as.data.frame(lapply(values, function(v) v[keep]), optional = TRUE)
  names(values) <- lhs_names
  aggregate.data.frame(values, lapply(groups, function(g) g[keep]), FUN, ...)
}
"""#)
}
