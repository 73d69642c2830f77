/// tidyr's nest(), unnest(), complete(), drop_na(), fill(), unite() and separate(), written
/// in R on dplyr's verbs.
enum TidyrRSource {
    static let source = RSource(functions: ["nest", "unnest", "complete", "drop_na", "fill", "unite", "separate", "replace_na",
                                            "expand_grid"], code: #"""
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

# The rows without a missing value in the selected columns (all columns when none is given).
drop_na <- function(data, ...) {
  specs <- as.list(substitute(list(...)))[-1L]
  cols <- if (length(specs)) names(eval(as.call(c(list(quote(dplyr::select), quote(data)), specs)))) else names(data)
  keep <- rep(TRUE, nrow(data))
  for (col in cols) keep <- keep & !is.na(data[[col]])
  data[which(keep), , drop = FALSE]
}

# Missing values of the selected columns replaced by the last value above them ("down"), the
# next below ("up"), or one then the other.
fill <- function(data, ..., .direction = c("down", "up", "downup", "updown")) {
  .direction <- match.arg(.direction)
  specs <- as.list(substitute(list(...)))[-1L]
  cols <- names(eval(as.call(c(list(quote(dplyr::select), quote(data)), specs))))
  down <- function(x) {
    last <- cummax(ifelse(is.na(x), 0L, seq_along(x)))
    x[ifelse(last == 0L, NA, last)]
  }
  up <- function(x) rev(down(rev(x)))
  fun <- switch(.direction, down = down, up = up, downup = function(x) up(down(x)), updown = function(x) down(up(x)))
  for (col in cols) data[[col]] <- fun(data[[col]])
  data
}

# The selected columns pasted together with `sep` into `col`, placed where the first of them was.
unite <- function(data, col, ..., sep = "_", remove = TRUE, na.rm = FALSE) {
  name <- as.character(substitute(col))
  specs <- as.list(substitute(list(...)))[-1L]
  cols <- if (length(specs)) names(eval(as.call(c(list(quote(dplyr::select), quote(data)), specs)))) else names(data)
  pieces <- lapply(cols, function(c) as.character(data[[c]]))
  united <- if (na.rm) {
    vapply(seq_len(nrow(data)), function(i) { p <- vapply(pieces, `[`, "", i); paste(p[!is.na(p)], collapse = sep) }, "")
  } else do.call(paste, c(pieces, list(sep = sep)))
  at <- match(cols[1L], names(data))
  out <- as.list(data)
  if (remove) out[cols] <- NULL
  before <- if (remove) setdiff(names(data)[seq_len(at - 1L)], cols) else names(data)[seq_len(at - 1L)]
  names_out <- c(before, name, setdiff(names(out), before))
  out[[name]] <- united
  result <- out[names_out]
  if (inherits(data, "tbl_df")) tibble::as_tibble(result) else as.data.frame(result, stringsAsFactors = FALSE)
}

# A column of text split by a regular expression `sep` (or at character positions) into the
# columns `into`, placed where it was; too few pieces are filled with NA and too many dropped,
# each with tidyr's warning.
separate <- function(data, col, into, sep = "[^[:alnum:]]+", remove = TRUE, convert = FALSE,
                     extra = "warn", fill = "warn", ...) {
  name <- names(eval(as.call(list(quote(dplyr::select), quote(data), substitute(col)))))
  x <- as.character(data[[name]])
  n <- length(into)
  pieces <- if (is.numeric(sep)) {
    cuts <- c(0, sep, .Machine$integer.max)
    lapply(x, function(s) if (is.na(s)) NA_character_ else substring(s, cuts[-length(cuts)] + 1L, cuts[-1L]))
  } else strsplit(x, sep, perl = TRUE)
  too_many <- integer(); too_few <- integer()
  pieces <- lapply(seq_along(pieces), function(i) {
    p <- pieces[[i]]
    if (is.na(x[i])) return(rep(NA_character_, n))
    if (length(p) > n) {
      too_many <<- c(too_many, i)
      p <- if (identical(extra, "merge") && is.character(sep)) {
        # The first n - 1 pieces, then the rest of the text as it was, separators and all.
        rest <- x[i]; parts <- character()
        for (k in seq_len(n - 1L)) {
          m <- regexpr(sep, rest, perl = TRUE)
          parts <- c(parts, substr(rest, 1L, m - 1L))
          rest <- substring(rest, m + attr(m, "match.length"))
        }
        c(parts, rest)
      } else p[seq_len(n)]
    }
    if (length(p) < n) {
      too_few <<- c(too_few, i)
      p <- if (identical(fill, "left")) c(rep(NA_character_, n - length(p)), p) else c(p, rep(NA_character_, n - length(p)))
    }
    p
  })
  rows <- function(i) paste0("[", paste(i[seq_len(min(length(i), 20L))], collapse = ", "), if (length(i) > 20L) ", ..." else "", "]")
  if (length(too_many) && identical(extra, "warn")) {
    warning(sprintf("Expected %d pieces. Additional pieces discarded in %d rows %s.", n, length(too_many), rows(too_many)), call. = FALSE)
  }
  if (length(too_few) && identical(fill, "warn")) {
    warning(sprintf("Expected %d pieces. Missing pieces filled with `NA` in %d rows %s.", n, length(too_few), rows(too_few)), call. = FALSE)
  }
  columns <- lapply(seq_len(n), function(k) vapply(pieces, `[`, "", k))
  if (convert) columns <- lapply(columns, function(v) {
    present <- v[!is.na(v)]
    if (all(present %in% c("TRUE", "FALSE"))) as.logical(v)
    else if (all(grepl("^[-+]?[0-9]+$", present)) && all(abs(as.numeric(present)) < 2^31)) as.integer(v)
    else if (!anyNA(suppressWarnings(as.numeric(present)))) as.numeric(v)
    else v
  })
  names(columns) <- into
  out <- as.list(data)
  at <- match(name, names(data))
  keep_into <- !is.na(into)
  before <- names(data)[seq_len(at - 1L)]
  after <- names(data)[-seq_len(at)]
  result <- c(out[before], columns[keep_into], if (!remove) out[name], out[after])
  if (inherits(data, "tbl_df")) tibble::as_tibble(result) else as.data.frame(result, stringsAsFactors = FALSE)
}

# NA replaced: in a vector by one value, in a data frame column by column from a named list.
replace_na <- function(data, replace, ...) {
  if (is.data.frame(data)) {
    for (name in intersect(names(replace), names(data))) {
      column <- data[[name]]
      column[is.na(column)] <- replace[[name]]
      data[[name]] <- column
    }
    return(data)
  }
  if (length(replace) != 1L) stop("Replacement for `data` must be length 1, not length ", length(replace), ".")
  data[is.na(data)] <- replace
  data
}

# Every combination of the inputs, the first varying slowest, as a tibble.
expand_grid <- function(..., .name_repair = "check_unique") {
  inputs <- list(...)
  sizes <- vapply(inputs, length, 1L)
  total <- prod(sizes)
  columns <- lapply(seq_along(inputs), function(k) {
    each <- prod(sizes[-seq_len(k)])
    rep(rep(inputs[[k]], each = each), length.out = total)
  })
  names(columns) <- names(inputs)
  tibble::as_tibble(columns)
}
"""#)
}
