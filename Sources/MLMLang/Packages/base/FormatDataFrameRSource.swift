/// base's format method for data frames, written in R as R writes it: each column formatted on
/// its own (with the same arguments), kept as a data frame of strings with the same names and
/// row names, so that print methods can lay the strings out.
enum FormatDataFrameRSource {
    static let source = RSource(functions: ["format.data.frame"], code: #"""
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
