/// nlme's "groupedData" data frames as lessons meet them: printed under their grouping
/// formula ("Grouped Data: distance ~ age | Subject"), and kept grouped when rows are taken
/// (head(Orthodont)) as long as the formula's variables remain. Written in R.
enum GroupedDataRSource {
    static let source = RSource(functions: ["print.groupedData", "[.groupedData"], code: #"""
print.groupedData <- function(x, ...) {
  cat("Grouped Data: ")
  print(attr(x, "formula"), ...)
  print.data.frame(x, ...)
}

`[.groupedData` <- function(x, i, j, drop = missing(i) || (nargs() >= 3L && length(cols) == 1)) {
  kept <- attributes(x)
  x <- as.data.frame(x)
  cols <- if (missing(j)) names(x) else names(x)[j]
  data <- if (missing(i) && missing(j)) x
          else if (missing(i)) x[, j, drop = drop]
          else if (missing(j)) { if (nargs() >= 3L) x[i, , drop = drop] else x[i] }
          else x[i, j, drop = drop]
  if (!inherits(data, "data.frame")) return(data)
  # Without the variables of its formulas the frame is no longer grouped data.
  needed <- unique(c(all.vars(kept[["formula"]]), all.vars(kept[["inner"]]), all.vars(kept[["outer"]])))
  if (anyNA(match(needed, names(data)))) return(data)
  if (nrow(data) != nrow(x))
    for (k in which(vapply(data, is.factor, NA))) data[[k]] <- factor(data[[k]])
  extra <- kept[setdiff(names(kept), c("names", "row.names"))]
  attributes(data) <- c(attributes(data)[c("names", "row.names")], extra)
  data
}
"""#)
}
