/// stats' reshape(): data frames between wide form (one row per subject, a column per
/// occasion) and long form (a row per subject and occasion), with the attributes that let
/// reshape(x) turn the result back. Written in R, as R writes it.
enum ReshapeRSource {
    static let source = RSource(functions: ["reshape"], code: #"""
reshape <- function(data, varying = NULL, v.names = NULL, timevar = "time", idvar = "id",
                    ids = 1L:NROW(data), times = seq_along(varying[[1L]]), drop = NULL, direction,
                    new.row.names = NULL, sep = ".",
                    split = if (sep == "") list(regexp = "[A-Za-z][0-9]", include = TRUE)
                            else list(regexp = sep, include = FALSE, fixed = TRUE)) {
  if (!is.character(sep) || length(sep) != 1L) stop("'sep' must be a character string")
  as.names <- function(ix) if (is.character(ix)) ix else names(data)[ix]
  dropped <- function(data) {
    if (is.null(drop)) return(data)
    keep <- if (is.character(drop)) !(names(data) %in% drop) else if (is.logical(drop)) !drop else -drop
    data[, keep, drop = FALSE]
  }
  # Column names such as x.1, x.2, y.1, y.2 split into variables (x, y) and times (1, 2).
  guess <- function(nms) {
    fixed <- if (is.null(split$fixed)) FALSE else split$fixed
    parts <- if (!split$include) do.call("rbind", strsplit(nms, split$regexp, fixed = fixed))
             else {
               at <- regexpr(split$regexp, nms)
               cbind(substr(nms, 1L, at), substr(nms, at + 1L, 10000L))
             }
    if (ncol(parts) != 2L) stop("failed to guess time-varying variables from their names")
    stems <- unique(parts[, 1L])
    out <- split(nms, factor(parts[, 1L], levels = stems))
    attr(out, "v.names") <- stems
    occasions <- unique(parts[, 2L])
    attr(out, "times") <- tryCatch(as.numeric(occasions), warning = function(w) occasions)
    out
  }
  to.long <- function(data, varying, v.names, timevar, idvar, ids, times, new.row.names) {
    lens <- lengths(varying)
    if (any(lens != lens[1L])) stop("'varying' arguments must be the same length")
    if (lens[1L] != length(times)) stop("'lengths(varying)' must all match 'length(times)'")
    data <- dropped(data)
    undo <- list(varying = varying, v.names = v.names, idvar = idvar, timevar = timevar)
    if (is.null(new.row.names)) {
      if (length(idvar) > 1L) ids <- interaction(data[, idvar], drop = TRUE)
      else if (idvar %in% names(data)) ids <- data[, idvar]
      if (anyDuplicated(ids)) stop("'idvar' must uniquely identify records")
    }
    constant <- data[, !(names(data) %in% unlist(varying)), drop = FALSE]
    if (is.null(v.names)) v.names <- vapply(varying, function(v) v[1L], "")
    pieces <- lapply(seq_along(times), function(i) {
      d <- constant
      d[, timevar] <- times[i]
      d[, v.names] <- data[, vapply(varying, function(v) v[i], "")]
      if (is.null(new.row.names)) attr(d, "row.names") <- paste(ids, times[i], sep = ".")
      else row.names(d) <- new.row.names[(i - 1L) * NROW(d) + 1L:NROW(d)]
      d
    })
    out <- do.call(rbind, pieces)
    if (length(idvar) == 1L && !(idvar %in% names(data))) out[, idvar] <- ids
    attr(out, "reshapeLong") <- undo
    out
  }
  to.wide <- function(data, timevar, idvar, varying, v.names, new.row.names) {
    data <- dropped(data)
    undo <- list(v.names = v.names, timevar = timevar, idvar = idvar)
    given.idvar <- idvar
    combined <- length(idvar) > 1L
    if (combined) {
      key <- "tempID"
      while (key %in% names(data)) key <- paste0(key, "_")
      data[, key] <- interaction(data[, idvar], drop = TRUE)
      idvar <- key
    }
    times <- unique(data[, timevar])
    if (anyNA(times)) warning("there are records with missing times, which will be dropped.")
    undo$times <- times
    if (is.null(v.names)) v.names <- names(data)[!(names(data) %in% c(timevar, idvar, given.idvar))]
    if (is.null(varying)) varying <- outer(v.names, times, paste, sep = sep)
    else if (is.list(varying)) varying <- do.call("rbind", varying)
    else if (is.vector(varying)) varying <- matrix(varying, nrow = length(v.names))
    undo$varying <- varying
    others <- !(names(data) %in% c(timevar, v.names, idvar, given.idvar))
    if (any(others)) {
      id <- as.vector(data[, idvar])
      steady <- vapply(data[others], function(a) all(tapply(a, id, function(b) length(unique(b)) == 1L)), NA)
      if (!all(steady))
        warning(sprintf("some constant variables (%s) are really varying", paste(names(data)[others][!steady], collapse = ",")))
    }
    out <- data[!duplicated(data[, idvar]), !(names(data) %in% c(timevar, v.names)), drop = FALSE]
    for (i in seq_along(times)) {
      at <- data[data[, timevar] %in% times[i], ]
      if (any(table(at[, idvar]) > 1L))
        warning(sprintf("multiple rows match for %s=%s: first taken", timevar, times[i]))
      out[, varying[, i]] <- at[match(out[, idvar], at[, idvar]), v.names]
    }
    if (!is.null(new.row.names)) row.names(out) <- new.row.names
    if (combined) out[, idvar] <- NULL
    attr(out, "reshapeWide") <- undo
    out
  }
  if (missing(direction)) {
    undo <- c("wide", "long")[c("reshapeLong", "reshapeWide") %in% names(attributes(data))]
    if (length(undo) == 1L) direction <- undo
  }
  direction <- match.arg(direction, c("wide", "long"))
  if (direction == "wide") {
    back <- attr(data, "reshapeLong")
    if (missing(timevar) && missing(idvar) && !is.null(back))
      return(to.wide(data, back$timevar, back$idvar, back$varying, back$v.names, new.row.names))
    return(to.wide(data, timevar, idvar, varying, v.names, new.row.names))
  }
  if (missing(varying)) {
    back <- attr(data, "reshapeWide")
    if (is.null(back)) stop("no 'reshapeWide' attribute, must specify 'varying'")
    varying <- back$varying; idvar <- back$idvar; timevar <- back$timevar
    v.names <- back$v.names; times <- back$times
  }
  if (is.matrix(varying)) varying <- split(c(varying), row(varying))
  if (is.null(varying)) stop("'varying' must be nonempty list or vector")
  if (is.atomic(varying)) {
    varying <- as.names(varying)
    if (missing(v.names)) varying <- guess(varying)
    else {
      if (length(varying) %% length(v.names)) stop("length of 'v.names' does not evenly divide length of 'varying'")
      occasions <- length(varying) %/% length(v.names)
      if (missing(times)) times <- seq_len(occasions)
      else if (length(times) != occasions)
        stop("length of 'varying' must be the product of length of 'v.names' and length of 'times'")
      varying <- split(varying, rep(v.names, occasions))
      attr(varying, "v.names") <- v.names
      attr(varying, "times") <- times
    }
  } else varying <- lapply(varying, as.names)
  if (missing(v.names) && !is.null(attr(varying, "v.names"))) {
    v.names <- attr(varying, "v.names")
    times <- attr(varying, "times")
  }
  to.long(data, varying, v.names, timevar, idvar, ids, times, new.row.names)
}
"""#)
}
