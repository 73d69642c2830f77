/// stats' na.omit() for vectors and data frames, written in R: what is dropped is recorded in
/// the "na.action" attribute (class "omit"), which model functions report.
enum NaOmitRSource {
    static let source = RSource(functions: ["na.omit", "complete.cases", "na.fail"], code: #"""
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
"""#)
}
