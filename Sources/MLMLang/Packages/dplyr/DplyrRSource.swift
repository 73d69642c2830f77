/// dplyr functions written in R.
enum DplyrRSource {
    static let source = RSource(functions: ["sample_n", "sample_frac", "slice_sample"], code: #"""
# Rows drawn with sample.int, as dplyr draws them (set.seed gives R's rows); a data frame keeps
# the drawn rows' own names, a tibble is renumbered.
.sampled_rows <- function(tbl, rows) {
  out <- tbl[rows, , drop = FALSE]
  if (!inherits(tbl, "tbl_df") && is.integer(attr(tbl, "row.names"))) rownames(out) <- NULL
  out
}
sample_n <- function(tbl, size, replace = FALSE, weight = NULL, .env = NULL, ...) {
  n <- nrow(tbl)
  if (!replace && size > n) stop("`size` must be less than or equal to ", n, " (size of data).\nset `replace = TRUE` to use sampling with replacement.")
  .sampled_rows(tbl, sample.int(n, size, replace = replace, prob = weight))
}
# n rows (or a proportion) drawn by sample.int, as dplyr 1.0 draws them.
slice_sample <- function(.data, ..., n, prop, weight_by = NULL, replace = FALSE) {
  rows <- nrow(.data)
  size <- if (!missing(n)) n else if (!missing(prop)) floor(prop * rows) else 1L
  if (!replace) size <- min(size, rows)
  .sampled_rows(.data, sample.int(rows, size, replace = replace, prob = weight_by))
}
sample_frac <- function(tbl, size = 1, replace = FALSE, weight = NULL, .env = NULL, ...) {
  n <- nrow(tbl)
  .sampled_rows(tbl, sample.int(n, round(size * n), replace = replace, prob = weight))
}
"""#)
}
