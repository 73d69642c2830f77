/// base functions that R writes in R, here in R too.
enum BaseRSource {
    static let source = RSource(functions: ["Negate", "is.ordered", "lengths", "sweep", "expand.grid"], code: #"""
Negate <- function(f) {
  f <- match.fun(f)
  function(...) !f(...)
}

is.ordered <- function(x) inherits(x, "ordered")

lengths <- function(x, use.names = TRUE) {
  out <- vapply(x, length, 1L, USE.NAMES = use.names)
  if (!length(x)) integer() else out
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
