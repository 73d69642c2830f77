/// stats' flat contingency tables: ftable() (from factors, tables, data frames or a formula)
/// and its format, write and print methods, which lay the nested row and column labels out as
/// R does. Written in R.
enum FtableRSource {
    static let source = RSource(functions: ["ftable", "ftable.default", "ftable.formula", "format.ftable", "write.ftable",
                                            "print.ftable", "as.table.ftable"], code: #"""
ftable <- function(x, ...) UseMethod("ftable")

ftable.default <- function(..., exclude = c(NA, NaN), row.vars = NULL, col.vars = NULL) {
  args <- list(...)
  if (length(args) == 0L) stop("nothing to tabulate")
  x <- args[[1L]]
  if (is.list(x)) x <- table(x, exclude = exclude)
  else if (inherits(x, "ftable") || (is.array(x) && length(dim(x)) > 1L)) x <- as.table(x)
  else x <- table(..., exclude = exclude)
  dn <- dimnames(x)
  dx <- dim(x)
  n <- length(dx)
  positions <- function(v) {
    if (is.null(v)) return(NULL)
    if (is.character(v)) {
      i <- pmatch(v, names(dn))
      if (anyNA(i)) stop(sprintf("incorrect specification for '%s'", deparse(substitute(v))))
      return(i)
    }
    if (any(v < 1 | v > n)) stop(sprintf("incorrect specification for '%s'", deparse(substitute(v))))
    v
  }
  row.vars <- positions(row.vars)
  col.vars <- positions(col.vars)
  if (!is.null(row.vars) && !is.null(col.vars)) {
    used <- sort(c(row.vars, col.vars))
    if (length(used) < n) {
      # Sum over the variables left out: bring the kept ones first, then add up the rest.
      x <- if (length(used)) {
        moved <- aperm(unclass(x), c(used, seq_len(n)[-used]))
        dim(moved) <- c(prod(dx[used]), prod(dx[-used]))
        totals <- rowSums(moved)
        dim(totals) <- dx[used]
        dimnames(totals) <- dn[used]
        totals
      } else sum(x)
      row.vars <- match(row.vars, used)
      col.vars <- match(col.vars, used)
      dn <- dn[used]
      dx <- dx[used]
    }
  } else if (!is.null(row.vars)) col.vars <- if (length(row.vars)) seq_len(n)[-row.vars] else seq_len(n)
  else if (!is.null(col.vars)) row.vars <- if (length(col.vars)) seq_len(n)[-col.vars] else seq_len(n)
  else {
    row.vars <- seq_len(n - 1)
    col.vars <- n
  }
  # The last row (column) variable varies fastest along the rows (columns).
  perm <- c(rev(row.vars), rev(col.vars))
  if (length(perm) > 1) x <- aperm(x, perm)
  x <- as.vector(x)
  dim(x) <- c(prod(dx[row.vars]), prod(dx[col.vars]))
  attr(x, "row.vars") <- dn[row.vars]
  attr(x, "col.vars") <- dn[col.vars]
  class(x) <- "ftable"
  x
}

ftable.formula <- function(formula, data = NULL, subset, na.action, ...) {
  if (missing(formula) || !inherits(formula, "formula")) stop("'formula' missing or incorrect")
  if (length(formula) != 3L) stop("'formula' must have both left and right hand sides")
  cvars <- all.vars(formula[[2L]])
  rvars <- all.vars(formula[[3L]])
  if (inherits(data, "ftable")) data <- as.table(data)
  if (inherits(data, "table") || length(dim(data)) > 2L) {
    names <- names(dimnames(data))
    rows <- if (identical(rvars, ".")) NULL else pmatch(rvars, names)
    cols <- if (identical(cvars, ".")) NULL else pmatch(cvars, names)
    if (anyNA(rows)) stop("incorrect variable names in rhs of formula")
    if (anyNA(cols)) stop("incorrect variable names in lhs of formula")
    return(ftable(data, row.vars = rows, col.vars = cols))
  }
  if (identical(rvars, ".") || identical(cvars, ".")) stop("cannot use dots in formula with given data")
  if (is.matrix(data)) data <- as.data.frame(data)
  env <- environment(formula)
  frame <- lapply(c(rvars, cvars), function(v) eval(as.name(v), if (is.null(data)) env else data, env))
  names(frame) <- c(rvars, cvars)
  ftable(as.data.frame(frame, stringsAsFactors = TRUE), row.vars = rvars, col.vars = cvars, ...)
}

format.ftable <- function(x, quote = TRUE, digits = getOption("digits"),
                          method = c("non.compact", "row.compact", "col.compact", "compact"),
                          lsep = " | ", justify = c("left", "right"), ...) {
  if (!inherits(x, "ftable")) stop("'x' must be an \"ftable\" object")
  quoted <- function(s) if (quote && length(s)) paste0("\"", s, "\"") else s
  # A column of labels per variable, each level written where its block starts.
  labels <- function(vars) {
    lens <- lengths(vars)
    before <- c(1, cumprod(lens))
    after <- rev(c(1, cumprod(rev(lens))))
    out <- NULL
    for (i in rev(seq_along(vars))) {
      block <- character(after[i])
      block[1 + seq.int(0, lens[i] - 1) * after[i + 1L]] <- quoted(vars[[i]])
      out <- cbind(rep(block, times = before[i]), out)
    }
    out
  }
  var.names <- function(vars) if (is.null(names(vars))) rep_len("", length(vars)) else names(vars)
  rv <- attr(x, "row.vars"); cv <- attr(x, "col.vars")
  nr <- length(rv); nc <- length(cv)
  method <- match.arg(method)
  if (nr == 0 && method %in% c("col.compact", "compact")) method <- if (method == "compact") "row.compact" else "non.compact"
  if (nc == 0 && method %in% c("row.compact", "compact")) method <- if (method == "compact") "col.compact" else "non.compact"
  left <- switch(method,
    non.compact = cbind(rbind(matrix("", nrow = nc, ncol = nr), quoted(var.names(rv)), labels(rv)),
                        c(quoted(var.names(cv)), rep("", times = nrow(x) + 1))),
    row.compact = cbind(rbind(matrix("", nrow = nc - 1, ncol = nr), quoted(var.names(rv)), labels(rv)),
                        c(quoted(var.names(cv)), rep("", times = nrow(x)))),
    col.compact = rbind(cbind(matrix("", nrow = nc, ncol = nr - 1), quoted(var.names(cv))),
                        quoted(var.names(rv)), labels(rv)),
    compact = {
      m <- rbind(cbind(matrix("", nrow = nc - 1, ncol = nr - 1), quoted(var.names(cv)[-nc])),
                 quoted(var.names(rv)), labels(rv))
      m[nc, nr] <- paste(var.names(rv)[nr], var.names(cv)[nc], sep = lsep)
      m
    })
  body <- rbind(if (nc) t(labels(cv)), if (method %in% c("non.compact", "col.compact")) rep("", times = ncol(x)),
                format(unclass(x), digits = digits, ...))
  cbind(apply(left, 2L, format, justify = justify[[1L]]),
        apply(body, 2L, format, justify = justify[[min(2L, length(justify))]]))
}

write.ftable <- function(x, file = "", quote = TRUE, append = FALSE, digits = getOption("digits"), sep = " ", ...) {
  cells <- format.ftable(x, quote = quote, digits = digits, ...)
  cat(t(cells), file = file, append = append, sep = c(rep(sep, ncol(cells) - 1L), "\n"))
  invisible(x)
}

print.ftable <- function(x, digits = getOption("digits"), ...) write.ftable(x, quote = FALSE, digits = digits, ...)

as.table.ftable <- function(x, ...) {
  if (!inherits(x, "ftable")) stop("'x' must be an \"ftable\" object")
  # The cells run with the last row (column) variable fastest: read them as an array over the
  # reversed variables, then put the variables back in order.
  rv <- rev(attr(x, "row.vars"))
  cv <- rev(attr(x, "col.vars"))
  counts <- array(c(unclass(x)), dim = c(lengths(rv), lengths(cv)), dimnames = c(rv, cv))
  out <- aperm(counts, c(rev(seq_along(rv)), rev(seq_along(cv)) + length(rv)))
  class(out) <- "table"
  out
}
"""#)
}
