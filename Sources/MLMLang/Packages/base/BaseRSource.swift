/// base functions that R writes in R, here in R too.
enum BaseRSource {
    static let source = RSource(functions: ["Negate", "is.ordered", "lengths", "zapsmall", "gl", "strwrap", "dput", "pmatch", "diag<-", "sweep", "expand.grid", "is.qr", "replicate", "eval.parent", "is.table", "deparse1", "lfactorial", "storage.mode<-", "rep_len", "rep.int", "aperm", "aperm.default", "aperm.table", "as.table", "as.table.default", "setequal", "as.array", "as.array.default", "str2lang", "isS4", "kronecker", "%x%", "is.language", "drop"], code: #"""
# Removes the extents of length one; a result of one dimension or less is a plain vector
# named from the dimnames that remain (a single value from the first dimension that has them).
drop <- function(x) {
  d <- dim(x)
  if (is.null(d)) return(x)
  keep <- d != 1L
  dn <- dimnames(x)
  if (sum(keep) > 1L) {
    y <- x
    attributes(y) <- NULL
    dim(y) <- d[keep]
    if (!is.null(dn)) dimnames(y) <- dn[keep]
    return(y)
  }
  y <- as.vector(x)
  if (!is.null(dn)) {
    named <- if (any(keep)) which(keep) else which(!vapply(dn, is.null, NA))[1L]
    if (length(named) == 1L && !is.na(named) && !is.null(dn[[named]])) names(y) <- dn[[named]]
  }
  y
}

is.language <- function(x) typeof(x) %in% c("symbol", "language", "expression")

# The Kronecker product of two arrays: every element of X times the whole of Y, laid out block by block.
kronecker <- function(X, Y, FUN = "*", make.dimnames = FALSE, ...) {
  X <- as.array(X)
  Y <- as.array(Y)
  dX <- dim(X)
  dY <- dim(Y)
  ld <- length(dX) - length(dY)
  if (ld < 0L) dX <- dim(X) <- c(dX, rep.int(1, -ld))
  else if (ld > 0L) dY <- dim(Y) <- c(dY, rep.int(1, ld))
  opobj <- outer(X, Y, FUN, ...)
  dp <- as.vector(t(matrix(1L:(2 * length(dX)), ncol = 2)[, 2:1]))
  opobj <- aperm(opobj, dp)
  dim(opobj) <- dX * dY
  opobj
}

`%x%` <- function(X, Y) kronecker(X, Y)

str2lang <- function(s) {
  if (!is.character(s) || length(s) != 1L) stop("argument must be a character string")
  exprs <- parse(text = s, keep.source = FALSE)
  if (length(exprs) != 1L) stop(gettextf("parsing result not of length one, but %d", length(exprs)), domain = NA)
  exprs[[1L]]
}

# mlmd has no S4 objects: lme4's fits are lists with a class, reached with $.
isS4 <- function(object) FALSE

as.array <- function(x, ...) UseMethod("as.array")

as.array.default <- function(x, ...) {
  if (is.array(x)) return(x)
  labels <- names(x)
  dim(x) <- length(x)
  if (length(labels)) dimnames(x) <- list(labels)
  x
}

setequal <- function(x, y) {
  x <- as.vector(x); y <- as.vector(y)
  !(anyNA(match(x, y)) || anyNA(match(y, x)))
}

rep_len <- function(x, length.out) rep(x, length.out = length.out)

rep.int <- function(x, times) rep(x, times = times)

# An array with its dimensions permuted: the cell at new coordinates i sits at old
# coordinates i[order(perm)].
aperm <- function(a, perm, ...) UseMethod("aperm")

aperm.default <- function(a, perm = NULL, resize = TRUE, ...) {
  d <- dim(a)
  k <- length(d)
  if (k == 0L) stop("invalid first argument, must be an array")
  if (is.null(perm)) perm <- rev(seq_len(k))
  if (is.character(perm)) {
    perm <- match(perm, names(dimnames(a)))
    if (anyNA(perm)) stop("'perm[i]' does not match a dimension name")
  }
  if (length(perm) != k || !setequal(perm, seq_len(k))) stop("'perm' is of wrong length ", length(perm), " (!= ", k, ")")
  nd <- d[perm]
  cells <- as.matrix(expand.grid(lapply(nd, seq_len), KEEP.OUT.ATTRS = FALSE))
  old <- cells[, order(perm), drop = FALSE]
  stride <- c(1, cumprod(d)[-k])
  out <- as.vector(a)[1 + as.vector((old - 1) %*% stride)]
  if (resize) {
    dim(out) <- nd
    dn <- dimnames(a)
    if (!is.null(dn)) dimnames(out) <- dn[perm]
  } else dim(out) <- d
  out
}

aperm.table <- function(a, perm = NULL, resize = TRUE, keep.class = TRUE, ...) {
  r <- aperm.default(a, perm, resize = resize)
  if (keep.class) class(r) <- class(a)
  r
}

as.table <- function(x, ...) UseMethod("as.table")

# Arrays become tables, with letters naming the levels of unnamed dimensions.
as.table.default <- function(x, ...) {
  if (is.table(x)) return(x)
  if (is.array(x) || is.numeric(x)) {
    x <- as.array(x)
    if (any(dim(x) == 0L)) stop("cannot coerce to a table")
    dn <- dimnames(x)
    if (is.null(dn)) dn <- vector("list", length(dim(x)))
    for (i in which(vapply(dn, is.null, NA))) {
      n <- dim(x)[i]
      dn[[i]] <- if (n <= 26L) LETTERS[seq_len(n)] else make.unique(rep_len(LETTERS, n), sep = "")
    }
    dimnames(x) <- dn
    class(x) <- c("table", oldClass(x))
    return(x)
  }
  stop("cannot coerce to a table")
}

# The values converted to another type, attributes (dim, dimnames, class) kept.
`storage.mode<-` <- function(x, value) {
  kept <- attributes(x)
  x <- switch(value, logical = as.logical(x), integer = as.integer(x), double = , numeric = as.double(x),
              character = as.character(x), list = as.list(x), stop("invalid value"))
  attributes(x) <- kept
  x
}

deparse1 <- function(expr, collapse = " ", width.cutoff = 500L, ...)
  paste(deparse(expr, width.cutoff, ...), collapse = collapse)

lfactorial <- function(x) lgamma(x + 1)

is.table <- function(x) inherits(x, "table")

# expr evaluated n times, each time in a fresh environment of the caller's, the results
# simplified as sapply() does.
replicate <- function(n, expr, simplify = "array") {
  code <- substitute(expr)
  env <- parent.frame()
  sapply(integer(n), function(...) eval(code, new.env(parent = env)), simplify = simplify)
}

eval.parent <- function(expr, n = 1) {
  p <- parent.frame(n + 1)
  eval(expr, p)
}

is.qr <- function(x) inherits(x, "qr")

Negate <- function(f) {
  f <- match.fun(f)
  function(...) !f(...)
}

is.ordered <- function(x) inherits(x, "ordered")

lengths <- function(x, use.names = TRUE) {
  out <- vapply(x, length, 1L, USE.NAMES = use.names)
  if (!length(x)) integer() else out
}

# Rounds to `digits` significant digits of the largest magnitude, so that noise near zero
# prints as 0.
zapsmall <- function(x, digits = getOption("digits")) {
  if (length(digits) == 0L) stop("invalid 'digits'")
  missing <- is.na(x)
  if (all(missing)) return(x)
  largest <- max(abs(x[!missing]))
  # R 4.2 takes log10 unrounded: round() then keeps floor(digits + 0.5) decimals.
  round(x, digits = if (largest > 0) max(0L, digits - as.numeric(log10(largest))) else digits)
}

# A factor of n levels, each repeated k times, up to `length` values.
gl <- function(n, k, length = n * k, labels = seq_len(n), ordered = FALSE) {
  factor(rep(rep(seq_len(n), each = k), length.out = length), levels = seq_len(n), labels = labels,
         ordered = ordered)
}

# Words refilled into lines shorter than `width`, each line after the first indented by
# `exdent`, the first by `indent`, and prefixed. (R also keeps two spaces after a sentence's
# end; mlmd puts one.)
strwrap <- function(x, width = 0.9 * getOption("width"), indent = 0, exdent = 0, prefix = "",
                    simplify = TRUE, initial = prefix) {
  wrapped <- lapply(as.character(x), function(text) {
    words <- strsplit(trimws(text), "[ \t\n]+")[[1L]]
    if (!length(words)) return("")
    lines <- character(); line <- paste0(strrep(" ", indent), words[1L])
    for (word in words[-1L]) {
      if (nchar(line) + 1L + nchar(word) < width) line <- paste(line, word)
      else { lines <- c(lines, line); line <- paste0(strrep(" ", exdent), word) }
    }
    c(lines, line)
  })
  wrapped <- lapply(wrapped, function(lines) paste0(c(initial, rep(prefix, length(lines) - 1L)), lines))
  if (simplify) unlist(wrapped) else wrapped
}

dput <- function(x, file = "", control = c("keepNA", "keepInteger", "niceNames", "showAttributes")) {
  cat(deparse(x), sep = "\n")
  invisible(x)
}

# Exact matches first, then unique partial (prefix) matches; each table entry is used once
# unless duplicates.ok.
pmatch <- function(x, table, nomatch = NA_integer_, duplicates.ok = FALSE) {
  x <- as.character(x)
  table <- as.character(table)
  out <- rep(as.integer(nomatch), length(x))
  used <- logical(length(table))
  done <- is.na(x) | !nzchar(x)
  open <- function() duplicates.ok | !used
  for (i in which(!done)) {
    exact <- which(table == x[i] & open())
    if (length(exact)) { out[i] <- exact[1L]; used[exact[1L]] <- TRUE; done[i] <- TRUE }
  }
  for (i in which(!done)) {
    partial <- which(startsWith(table, x[i]) & open())
    if (length(partial) == 1L) { out[i] <- partial; used[partial] <- TRUE }
  }
  out
}

`diag<-` <- function(x, value) {
  n <- min(dim(x))
  if (length(value) != 1L && length(value) != n) stop("replacement diagonal has wrong length")
  x[cbind(seq_len(n), seq_len(n))] <- value
  x
}

# Matrices only: STATS laid out along MARGIN and combined with x by FUN.
sweep <- function(x, MARGIN, STATS, FUN = "-", check.margin = TRUE, ...) {
  FUN <- match.fun(FUN)
  dims <- dim(x)
  if (length(dims) != 2L || !(MARGIN %in% 1:2)) stop("mlmd's sweep() takes a matrix and MARGIN 1 or 2")
  if (check.margin && length(STATS) != 1L && length(STATS) != dims[MARGIN])
    warning("STATS does not recycle exactly across MARGIN")
  spread <- if (MARGIN == 1L) matrix(STATS, dims[1L], dims[2L])
            else matrix(rep(STATS, each = dims[1L], length.out = prod(dims)), dims[1L], dims[2L])
  FUN(x, spread, ...)
}

# Every combination of the given vectors, the first varying fastest.
expand.grid <- function(..., KEEP.OUT.ATTRS = TRUE, stringsAsFactors = TRUE) {
  args <- list(...)
  if (length(args) == 1L && is.list(args[[1L]])) args <- args[[1L]]
  n <- length(args)
  if (n == 0L) return(as.data.frame(list()))
  given <- names(args)
  defaults <- paste0("Var", seq_len(n))
  labels <- if (is.null(given)) defaults else ifelse(nzchar(given), given, defaults)
  sizes <- lengths(args)
  total <- prod(sizes)
  columns <- vector("list", n)
  repeated <- 1
  for (i in seq_len(n)) {
    x <- args[[i]]
    if (stringsAsFactors && is.character(x)) x <- factor(x, levels = unique(x))
    columns[[i]] <- if (total == 0) x[0L] else x[rep(rep(seq_along(x), each = repeated), length.out = total)]
    repeated <- repeated * length(x)
  }
  names(columns) <- labels
  result <- data.frame(columns, check.names = FALSE, stringsAsFactors = FALSE)
  if (KEEP.OUT.ATTRS) {
    dimnames <- lapply(seq_len(n), function(i) {
      a <- args[[i]]
      paste0(labels[i], "=", if (is.numeric(a)) format(a) else as.character(a))
    })
    names(dimnames) <- labels
    names(sizes) <- labels
    attr(result, "out.attrs") <- list(dim = sizes, dimnames = dimnames)
  }
  result
}
"""#)
}
