/// stats' na.omit() and na.exclude() for vectors and data frames, written in R: what is dropped
/// is recorded in the "na.action" attribute (class "omit" or "exclude"), which model functions
/// report; naresid() and napredict() put NA back where na.exclude dropped rows.
enum NaOmitRSource {
    static let source = RSource(functions: ["na.omit", "complete.cases", "na.fail", "na.exclude", "naresid", "naresid.default",
                                         "naresid.exclude", "napredict", "napredict.default", "napredict.exclude"], code: #"""
# The object as it is when nothing is missing; an error otherwise.
na.fail <- function(object, ...) {
  ok <- if (is.data.frame(object) || is.matrix(object)) complete.cases(object) else !is.na(object)
  if (all(ok)) object else stop("missing values in object")
}

# TRUE for the rows (of data frames, matrices or vectors, side by side) with no NA.
complete.cases <- function(...) {
  keep <- NULL
  for (a in list(...)) {
    columns <- if (is.list(a)) as.list(a) else if (is.matrix(a)) lapply(seq_len(ncol(a)), function(j) a[, j]) else list(a)
    for (column in columns) {
      missing <- is.na(column)
      keep <- if (is.null(keep)) !missing else keep & !missing
    }
  }
  if (is.null(keep)) stop("no input has determined the number of cases")
  keep
}

na.omit <- function(object, ...) {
  if (is.data.frame(object)) {
    keep <- complete.cases(object)
    if (all(keep)) return(object)
    dropped <- which(!keep)
    names(dropped) <- rownames(object)[dropped]
    out <- object[keep, , drop = FALSE]
  } else if (is.atomic(object) && is.null(dim(object))) {
    keep <- !is.na(object)
    if (all(keep)) return(object)
    dropped <- which(!keep)
    out <- object[keep]
  } else {
    return(object)
  }
  attr(dropped, "class") <- "omit"
  attr(out, "na.action") <- dropped
  out
}

na.exclude <- function(object, ...) {
  out <- na.omit(object, ...)
  if (!is.null(dropped <- attr(out, "na.action"))) {
    class(dropped) <- "exclude"
    attr(out, "na.action") <- dropped
  }
  out
}

naresid <- function(omit, x, ...) UseMethod("naresid")
naresid.default <- function(omit, x, ...) x

# x (a vector or the rows of a matrix) with NA where the rows in omit were dropped.
naresid.exclude <- function(omit, x, ...) {
  if (length(omit) == 0 || !is.numeric(omit)) stop("invalid argument 'omit'")
  if (is.null(x)) return(x)
  if (is.matrix(x)) {
    n <- nrow(x)
    keep <- rep.int(NA, n + length(omit))
    keep[-omit] <- seq_len(n)
    x <- x[keep, , drop = FALSE]
    rows <- rownames(x)
    if (length(rows)) {
      rows[omit] <- names(omit)
      rownames(x) <- rows
    }
  } else {
    n <- length(x)
    keep <- rep.int(NA, n + length(omit))
    keep[-omit] <- seq_len(n)
    x <- x[keep]
    labels <- names(x)
    if (length(labels)) {
      labels[omit] <- names(omit)
      names(x) <- labels
    }
  }
  x
}

napredict <- function(omit, x, ...) UseMethod("napredict")
napredict.default <- function(omit, x, ...) x
napredict.exclude <- function(omit, x, ...) naresid.exclude(omit, x, ...)
"""#)
}
