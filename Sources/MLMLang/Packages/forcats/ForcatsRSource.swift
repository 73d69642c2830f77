/// forcats functions, written in R as forcats writes them.
enum ForcatsRSource {
    static let source = RSource(functions: ["fct_reorder", "fct_relevel", "fct_rev", "fct_infreq"], code: #"""
.as_factor_checked <- function(f) {
  if (is.factor(f)) f else if (is.character(f)) factor(f) else stop("`.f` must be a factor or character vector")
}

# Levels ordered by a summary (the median by default) of .x within each level.
fct_reorder <- function(.f, .x, .fun = stats::median, ..., .na_rm = NULL, .default = Inf, .desc = FALSE) {
  f <- .as_factor_checked(.f)
  summary <- vapply(split(.x, f), function(values) .fun(values, ...), numeric(1))
  factor(f, levels = levels(f)[order(summary, decreasing = .desc)], ordered = is.ordered(f))
}

# The named levels first, in that order, then the others as they were.
fct_relevel <- function(.f, ..., after = 0L) {
  f <- .as_factor_checked(.f)
  first <- unlist(list(...))
  unknown <- setdiff(first, levels(f))
  if (length(unknown)) warning("1 unknown level in `f`: ", paste(unknown, collapse = ", "))
  first <- intersect(first, levels(f))
  rest <- setdiff(levels(f), first)
  after <- min(after, length(rest))
  factor(f, levels = append(rest, first, after = after), ordered = is.ordered(f))
}

fct_rev <- function(f) {
  f <- .as_factor_checked(f)
  factor(f, levels = rev(levels(f)), ordered = is.ordered(f))
}

# Levels by decreasing frequency (ties in their current order).
fct_infreq <- function(f, w = NULL, ordered = NA) {
  f <- .as_factor_checked(f)
  counts <- as.vector(table(f))
  factor(f, levels = levels(f)[order(-counts)], ordered = if (is.na(ordered)) is.ordered(f) else ordered)
}
"""#)
}
