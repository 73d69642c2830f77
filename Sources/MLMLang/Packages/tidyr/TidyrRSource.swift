/// tidyr's nest(), unnest() and complete(), written in R on dplyr's verbs.
enum TidyrRSource {
    static let source = RSource(functions: ["nest", "unnest", "complete"], code: #"""
# Each named selection of columns becomes a list-column of tibbles, one row per combination of
# the other columns (in order of first appearance); a grouped frame nests all but its groups
# and stays grouped.
nest <- function(.data, ..., .names_sep = NULL) {
  groups <- if (inherits(.data, "grouped_df")) dplyr::group_vars(.data) else character()
  plain <- dplyr::ungroup(.data)
  specs <- as.list(substitute(list(...)))[-1L]
  if (length(specs) == 0L) {
    nested <- list(data = setdiff(names(plain), groups))
  } else {
    if (is.null(names(specs)) || any(names(specs) == "")) stop("All elements of `...` must be named.")
    nested <- lapply(specs, function(e) names(eval(as.call(list(quote(dplyr::select), quote(plain), e)))))
  }
  keys <- setdiff(names(plain), unlist(nested))
  rows <- seq_len(nrow(plain))
  key <- if (length(keys)) do.call(paste, c(unname(as.list(plain[keys])), sep = "\r")) else rep("", length(rows))
  first <- !duplicated(key)
  pieces <- split(rows, factor(key, levels = unique(key)))
  out <- tibble::as_tibble(plain[which(first), keys, drop = FALSE])
  for (name in names(nested)) {
    out[[name]] <- unname(lapply(pieces, function(i) tibble::as_tibble(plain[i, nested[[name]], drop = FALSE])))
  }
  if (length(groups)) out <- eval(as.call(c(list(quote(dplyr::group_by), quote(out)), lapply(groups, as.name))))
  out
}

# The list-columns' elements spread over rows: data frames bound by rows (their columns in
# the list-column's place), vectors one element per row; the other columns repeated.
unnest <- function(data, cols, ..., keep_empty = FALSE, ptype = NULL, names_sep = NULL, names_repair = "check_unique") {
  if (missing(cols)) stop("`cols` is absent but must be supplied.")
  groups <- if (inherits(data, "grouped_df")) dplyr::group_vars(data) else character()
  plain <- dplyr::ungroup(data)
  cols <- names(eval(as.call(list(quote(dplyr::select), quote(plain), substitute(cols)))))
  size <- function(x) if (is.data.frame(x)) nrow(x) else length(x)
  counts <- do.call(pmax, c(lapply(cols, function(col) vapply(plain[[col]], size, 1L)), list(0L)))
  if (keep_empty) counts[counts == 0L] <- 1L
  idx <- rep(seq_len(nrow(plain)), times = counts)
  columns <- list()
  for (name in names(plain)) {
    if (!name %in% cols) {
      columns[[name]] <- plain[[name]][idx]
    } else {
      items <- plain[[name]]
      if (all(vapply(items, function(x) is.null(x) || is.data.frame(x), TRUE))) {
        inner <- dplyr::bind_rows(items)
        for (inner_name in names(inner)) {
          label <- if (is.null(names_sep)) inner_name else paste(name, inner_name, sep = names_sep)
          columns[[label]] <- inner[[inner_name]]
        }
      } else {
        columns[[name]] <- unlist(items, use.names = FALSE)
      }
    }
  }
  out <- tibble::as_tibble(columns)
  if (length(groups)) out <- eval(as.call(c(list(quote(dplyr::group_by), quote(out)), lapply(groups, as.name))))
  out
}

# Every combination of the named columns' values (a factor's levels, else the sorted values)
# joined to the data; `fill` replaces the missing values of the columns it names.
complete <- function(data, ..., fill = list(), explicit = TRUE) {
  specs <- as.list(substitute(list(...)))[-1L]
  if (!all(vapply(specs, is.name, TRUE))) stop("complete() of nesting() or expressions is not supported yet")
  cols <- vapply(specs, as.character, "")
  if (length(cols)) {
    values <- lapply(cols, function(name) {
      v <- data[[name]]
      if (is.factor(v)) factor(levels(v), levels = levels(v)) else sort(unique(v), na.last = TRUE)
    })
    names(values) <- cols
    grid <- expand.grid(rev(values), KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)[cols]
    data <- dplyr::full_join(tibble::as_tibble(grid), data, by = cols)[names(data)]
  }
  for (name in names(fill)) {
    missing <- is.na(data[[name]])
    if (any(missing)) data[[name]][missing] <- fill[[name]]
  }
  data
}
"""#)
}
