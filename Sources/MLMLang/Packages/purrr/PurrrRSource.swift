/// purrr's functions beyond the map kernels, written in R over them: the data frame maps
/// (map_dfr, map_dfc), pmap, imap, walk, keep and discard, reduce and accumulate, every and
/// some. A purrr lambda (`~ .x + .y`) goes through map2, which binds .x and .y as purrr does.
enum PurrrRSource {
    static let source = RSource(functions: ["map_dfr", "map_df", "map_dfc", "pmap", "imap", "walk", "walk2", "keep", "discard",
                                            "reduce", "accumulate", "every", "some", "pluck"], code: #"""
.as_function2 <- function(.f) {
  if (inherits(.f, "formula")) function(.x, .y, ...) map2(list(.x), list(.y), .f, ...)[[1L]] else match.fun(.f)
}

map_dfr <- function(.x, .f, ..., .id = NULL) dplyr::bind_rows(map(.x, .f, ...), .id = .id)

map_df <- map_dfr

map_dfc <- function(.x, .f, ...) dplyr::bind_cols(map(.x, .f, ...))

# .f applied to the i-th elements of every vector of .l, in parallel.
pmap <- function(.l, .f, ...) {
  lengths <- vapply(.l, length, 1L)
  n <- if (length(lengths)) max(lengths) else 0L
  if (any(lengths != n & lengths != 1L)) stop("Can't recycle the elements of `.l` to a common size.")
  f <- if (inherits(.f, "formula")) function(...) {
    parts <- list(...)
    map2(list(parts[[1L]]), list(if (length(parts) > 1L) parts[[2L]] else NULL), .f)[[1L]]
  } else match.fun(.f)
  out <- lapply(seq_len(n), function(i) do.call(f, c(lapply(.l, function(v) v[[if (length(v) == 1L) 1L else i]]), list(...))))
  if (!is.null(names(.l[[1L]]))) names(out) <- names(.l[[1L]])
  out
}

imap <- function(.x, .f, ...) map2(.x, if (is.null(names(.x))) seq_along(.x) else names(.x), .f, ...)

walk <- function(.x, .f, ...) {
  map(.x, .f, ...)
  invisible(.x)
}

walk2 <- function(.x, .y, .f, ...) {
  map2(.x, .y, .f, ...)
  invisible(.x)
}

keep <- function(.x, .p, ...) {
  chosen <- if (is.logical(.p)) .p else unlist(map(.x, .p, ...))
  .x[!is.na(chosen) & chosen]
}

discard <- function(.x, .p, ...) {
  chosen <- if (is.logical(.p)) .p else unlist(map(.x, .p, ...))
  .x[is.na(chosen) | !chosen]
}

reduce <- function(.x, .f, ..., .init, .dir = c("forward", "backward")) {
  f <- .as_function2(.f)
  .dir <- match.arg(.dir)
  step <- function(a, b) f(a, b, ...)
  if (missing(.init)) Reduce(step, .x, right = .dir == "backward") else Reduce(step, .x, .init, right = .dir == "backward")
}

accumulate <- function(.x, .f, ..., .init) {
  f <- .as_function2(.f)
  step <- function(a, b) f(a, b, ...)
  out <- if (missing(.init)) Reduce(step, .x, accumulate = TRUE) else Reduce(step, .x, .init, accumulate = TRUE)
  if (all(vapply(out, length, 1L) == 1L) && all(vapply(out, is.atomic, NA))) unlist(out) else out
}

every <- function(.x, .p, ...) all(unlist(map(.x, .p, ...)))

some <- function(.x, .p, ...) any(unlist(map(.x, .p, ...)))

pluck <- function(.x, ..., .default = NULL) {
  for (index in list(...)) {
    if (is.null(.x)) break
    .x <- if ((is.character(index) && !(index %in% names(.x))) || (is.numeric(index) && index > length(.x))) NULL else .x[[index]]
  }
  if (is.null(.x)) .default else .x
}
"""#)
}
