/// base's merge() of data frames: rows matched on key columns (an inner join unless all, all.x
/// or all.y keep the unmatched rows), sorted by the keys; a cross join without keys. Written in R.
enum MergeRSource {
    static let source = RSource(functions: ["merge", "merge.default", "merge.data.frame"], code: #"""
merge <- function(x, y, ...) UseMethod("merge")

merge.default <- function(x, y, ...) merge(as.data.frame(x), as.data.frame(y), ...)

merge.data.frame <- function(x, y, by = intersect(names(x), names(y)), by.x = by, by.y = by, all = FALSE,
                             all.x = all, all.y = all, sort = TRUE, suffixes = c(".x", ".y"), no.dups = TRUE,
                             incomparables = NULL, ...) {
  x <- as.data.frame(x); y <- as.data.frame(y)
  nx <- nrow(x); ny <- nrow(y)
  if (is.numeric(by.x)) by.x <- names(x)[by.x]
  if (is.numeric(by.y)) by.y <- names(y)[by.y]
  if (length(by.x) != length(by.y)) stop("'by.x' and 'by.y' specify different numbers of columns")
  if (!all(by.x %in% names(x)) || !all(by.y %in% names(y))) stop("'by' must specify a uniquely valid column")
  if (length(by.x) == 0L) {
    # No keys: every row of x with every row of y.
    ix <- rep(seq_len(nx), ny); iy <- rep(seq_len(ny), each = nx)
    columns <- c(lapply(x, function(v) v[ix]), lapply(y, function(v) v[iy]))
    return(structure(columns, class = "data.frame", row.names = seq_along(ix)))
  }
  key <- function(d, cols) do.call(paste, c(lapply(d[cols], as.character), sep = "\r"))
  kx <- key(x, by.x); ky <- key(y, by.y)
  rows_y <- split(seq_len(ny), factor(ky, levels = unique(ky)))
  ix <- integer(); iy <- integer()
  for (i in seq_len(nx)) {
    m <- rows_y[[kx[i]]]
    if (length(m)) { ix <- c(ix, rep(i, length(m))); iy <- c(iy, m) }
  }
  x_only <- if (all.x) setdiff(seq_len(nx), ix) else integer()
  y_only <- if (all.y) setdiff(seq_len(ny), iy) else integer()
  from_x <- c(ix, x_only, rep(NA_integer_, length(y_only)))
  from_y <- c(iy, rep(NA_integer_, length(x_only)), y_only)
  tail_rows <- length(from_x) - length(y_only) + seq_along(y_only)
  keys <- lapply(seq_along(by.x), function(j) {
    v <- x[[by.x[j]]][from_x]
    if (length(y_only)) {
      w <- y[[by.y[j]]][y_only]
      if (is.factor(v) || is.factor(w)) {
        levels <- union(levels(as.factor(x[[by.x[j]]])), levels(as.factor(w)))
        v <- factor(c(as.character(v[-tail_rows]), as.character(w)), levels = levels)
      } else v[tail_rows] <- w
    }
    v
  })
  names(keys) <- by.x
  rest_x <- setdiff(names(x), by.x); rest_y <- setdiff(names(y), by.y)
  names_x <- rest_x; names_y <- rest_y
  common <- rest_x %in% rest_y
  if (any(common)) {
    names_x[common] <- paste0(rest_x[common], suffixes[1L])
    names_y[rest_y %in% rest_x] <- paste0(rest_y[rest_y %in% rest_x], suffixes[2L])
  }
  # no.dups: a column of y named like one of x's keys gets y's suffix too.
  clash <- rest_y %in% by.x & names_y == rest_y
  if (no.dups && any(clash)) names_y[clash] <- paste0(rest_y[clash], suffixes[2L])
  columns <- c(keys, structure(lapply(rest_x, function(n) x[[n]][from_x]), names = names_x),
               structure(lapply(rest_y, function(n) y[[n]][from_y]), names = names_y))
  if (sort && length(from_x)) {
    o <- do.call(order, unname(keys))
    columns <- lapply(columns, function(v) v[o])
  }
  structure(columns, class = "data.frame", row.names = seq_along(from_x))
}
"""#)
}
