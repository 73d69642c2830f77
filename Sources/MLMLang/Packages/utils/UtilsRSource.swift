/// utils functions that R writes in R, here in R too.
enum UtilsRSource {
    static let source = RSource(functions: ["modifyList"], code: #"""
modifyList <- function(x, val, keep.null = FALSE) {
  stopifnot(is.list(x), is.list(val))
  given <- names(val)
  for (name in given[nzchar(given)]) {
    nested <- name %in% names(x) && is.list(x[[name]]) && is.list(val[[name]])
    if (keep.null) {
      # x[name] <- list(NULL) keeps a NULL element; x[[name]] <- NULL would drop it.
      x[name] <- if (nested) list(modifyList(x[[name]], val[[name]], keep.null = TRUE)) else val[name]
    } else {
      x[[name]] <- if (nested) modifyList(x[[name]], val[[name]]) else val[[name]]
    }
  }
  x
}
"""#)
}
