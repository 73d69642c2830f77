/// base's methods for data frames that R writes in R: format (each column formatted on its own,
/// kept as a data frame of strings with the same names and row names, so that print methods can
/// lay the strings out) and is.na (a logical matrix, a column per variable).
enum DataFrameMethodsRSource {
    static let source = RSource(functions: ["format.data.frame", "is.na.data.frame"], code: #"""
is.na.data.frame <- function(x) {
  y <- if (length(x)) do.call("cbind", lapply(x, is.na)) else matrix(FALSE, length(row.names(x)), 0)
  rn <- attr(x, "row.names")
  if (is.character(rn)) rownames(y) <- rn
  y
}

format.data.frame <- function(x, ..., justify = "none") {
  nc <- length(x)
  if (!nc) return(x)
  rval <- vector("list", nc)
  for (i in seq_len(nc)) rval[[i]] <- format(x[[i]], ..., justify = justify)
  names(rval) <- names(x)
  y <- as.data.frame(rval, stringsAsFactors = FALSE, optional = TRUE)
  names(y) <- names(x)
  attr(y, "row.names") <- attr(x, "row.names")
  y
}
"""#)
}
