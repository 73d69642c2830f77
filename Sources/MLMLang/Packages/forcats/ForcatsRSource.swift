/// forcats functions, written in R as forcats writes them.
enum ForcatsRSource {
    static let source = RSource(functions: ["fct_reorder", "fct_relevel", "fct_rev", "fct_infreq", "fct_recode", "fct_collapse",
                                            "fct_drop", "fct_other", "fct_lump", "fct_lump_n", "fct_count", "fct_inorder"], code: #"""
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

# Levels renamed new = "old"; a level renamed to NULL becomes NA.
fct_recode <- function(.f, ...) {
  f <- .as_factor_checked(.f)
  pairs <- unlist(list(...))
  unknown <- setdiff(pairs, levels(f))
  if (length(unknown)) warning("Unknown levels in `f`: ", paste(unknown, collapse = ", "))
  lev <- levels(f)
  for (k in seq_along(pairs)) lev[lev == pairs[[k]]] <- names(pairs)[k]
  values <- lev[as.integer(f)]
  factor(values, levels = unique(lev), ordered = is.ordered(f))
}

# Levels merged: new = c("old1", "old2"); the rest into other_level when it is given.
fct_collapse <- function(.f, ..., other_level = NULL) {
  f <- .as_factor_checked(.f)
  groups <- list(...)
  lev <- levels(f)
  new <- lev
  for (name in names(groups)) new[lev %in% groups[[name]]] <- name
  if (!is.null(other_level)) new[!(lev %in% unlist(groups))] <- other_level
  factor(new[as.integer(f)], levels = unique(new), ordered = is.ordered(f))
}

fct_drop <- function(f, only = NULL) {
  f <- .as_factor_checked(f)
  unused <- setdiff(levels(f), unique(as.character(f[!is.na(f)])))
  if (!is.null(only)) unused <- intersect(unused, only)
  factor(f, levels = setdiff(levels(f), unused), ordered = is.ordered(f))
}

# Every level but those kept (or those dropped) into other_level, which goes last.
fct_other <- function(f, keep, drop, other_level = "Other") {
  f <- .as_factor_checked(f)
  lev <- levels(f)
  lumped <- if (!missing(keep)) !(lev %in% keep) else lev %in% drop
  .lump_levels(f, lumped, other_level)
}

.lump_levels <- function(f, lumped, other_level) {
  if (!any(lumped)) return(f)
  lev <- levels(f)
  new <- ifelse(lumped, other_level, lev)
  factor(new[as.integer(f)], levels = c(lev[!lumped], other_level), ordered = is.ordered(f))
}

# The n most frequent levels (ties all kept), or those above prop, the rest lumped.
fct_lump_n <- function(f, n, w = NULL, other_level = "Other", ties.method = "min") {
  f <- .as_factor_checked(f)
  counts <- as.vector(table(f))
  ranks <- if (n < 0) rank(counts, ties.method = ties.method) else rank(-counts, ties.method = ties.method)
  .lump_levels(f, ranks > abs(n), other_level)
}

fct_lump <- function(f, n, prop, w = NULL, other_level = "Other", ties.method = "min") {
  f <- .as_factor_checked(f)
  if (!missing(n)) return(fct_lump_n(f, n, other_level = other_level, ties.method = ties.method))
  counts <- as.vector(table(f))
  if (!missing(prop)) return(.lump_levels(f, counts / sum(counts) <= prop, other_level))
  # Without n or prop: lump the least frequent levels while "Other" stays the smallest.
  by.size <- order(counts, decreasing = TRUE)
  sorted <- counts[by.size]
  left <- sum(sorted)
  cut <- length(sorted) + 1
  for (i in seq_along(sorted)) {
    left <- left - sorted[i]
    if (sorted[i] > left) { cut <- i + 1; break }
  }
  lumped <- rep(FALSE, length(counts))
  lumped[by.size[seq_along(sorted) >= cut]] <- TRUE
  if (sum(lumped) <= 1) return(f)
  .lump_levels(f, lumped, other_level)
}

fct_count <- function(f, sort = FALSE, prop = FALSE) {
  f <- .as_factor_checked(f)
  counts <- as.vector(table(f, useNA = if (anyNA(f)) "ifany" else "no"))
  lev <- factor(c(levels(f), if (anyNA(f)) NA), levels = levels(f))
  out <- tibble::tibble(f = lev, n = counts)
  if (sort) out <- out[order(-out$n), ]
  if (prop) out$p <- out$n / sum(out$n)
  out
}

fct_inorder <- function(f, ordered = NA) {
  f <- .as_factor_checked(f)
  factor(f, levels = unique(as.character(f[!is.na(f)])), ordered = if (is.na(ordered)) is.ordered(f) else ordered)
}
"""#)
}
