#!/usr/bin/env Rscript
# Writes the data sets mlmd ships (Sources/MLMLang/Datasets/<package>/) from the R packages that
# define them: every data set of R's datasets package, lme4, mlmRev, nlme and carData.
#
# A plain data frame (numeric, integer, character, factor and ordered columns, no other
# attributes) becomes NAME.csv plus NAME.types, a line per column: "name<TAB>class<TAB>levels"
# (levels separated by \x1f, in R's order), so mlmd can rebuild R's factors exactly; row names
# that are not 1..n travel as a first column ".rownames". Everything else (time series, tables,
# matrices, grouped data with their formulas) becomes NAME.R, R's dput() of the object with
# 17 significant digits, which mlmd evaluates when the data set is first used.
# It also writes Sources/MLMLang/Packages/Support/DatasetIndex.swift (the names per package) and
# the table in Datasets/README.md.
# Run from the repository root: Rscript scripts/export-datasets.R  (needs lme4, mlmRev, nlme and carData).
suppressPackageStartupMessages({ library(lme4); library(mlmRev); library(nlme); library(carData) })
root <- "Sources/MLMLang/Datasets"
packages <- c("datasets", "lme4", "mlmRev", "nlme", "carData")
unlink(file.path(root, packages), recursive = TRUE)
unlink(list.files(root, pattern = "[.](csv|types)$", full.names = TRUE))
control <- c("keepNA", "keepInteger", "niceNames", "showAttributes", "digits17")

simple_frame <- function(d) {
  if (!identical(class(d), "data.frame")) return(FALSE)
  if (!all(names(attributes(d)) %in% c("names", "row.names", "class"))) return(FALSE)
  all(vapply(d, function(x) {
    base <- is.numeric(x) || is.character(x) || is.factor(x)
    extra <- setdiff(names(attributes(x)), c("levels", "class"))
    base && length(extra) == 0L && (!is.object(x) || is.factor(x))
  }, NA))
}

write_frame <- function(d, path) {
  if (!identical(rownames(d), as.character(seq_len(nrow(d))))) d <- cbind(.rownames = rownames(d), d)
  write.csv(d, paste0(path, ".csv"), row.names = FALSE)
  types <- vapply(names(d), function(col) {
    x <- d[[col]]
    cls <- if (is.ordered(x)) "ordered" else if (is.factor(x)) "factor" else if (is.integer(x)) "integer" else if (is.numeric(x)) "numeric" else "character"
    lev <- if (is.factor(x)) paste(levels(x), collapse = "\x1f") else ""
    paste(col, cls, lev, sep = "\t")
  }, "")
  writeLines(types, paste0(path, ".types"))
}

index <- list()
readme <- character()
for (pkg in packages) {
  dir.create(file.path(root, pkg), recursive = TRUE, showWarnings = FALSE)
  results <- data(package = pkg)$results
  items <- sub(" .*", "", results[, "Item"])
  titles <- results[, "Title"]
  version <- if (pkg == "datasets") paste0("R ", getRversion()) else paste(pkg, packageVersion(pkg))
  for (k in seq_along(items)) {
    name <- items[k]
    env <- new.env()
    data(list = name, package = pkg, envir = env)
    object <- get(name, envir = env)
    path <- file.path(root, pkg, name)
    if (is.data.frame(object) && simple_frame(object)) write_frame(object, path)
    else writeLines(deparse(object, control = control), paste0(path, ".R"))
    readme <- c(readme, sprintf("| %s | %s | %s |", name, version, gsub("|", "/", titles[k], fixed = TRUE)))
  }
  index[[pkg]] <- items
}

swift <- c("/// The data sets mlmd ships, by package (written by scripts/export-datasets.R).",
           "enum DatasetIndex {",
           "    static let names: [String: [String]] = [")
for (pkg in names(index))
  swift <- c(swift, sprintf("        \"%s\": [%s],", pkg, paste0("\"", index[[pkg]], "\"", collapse = ", ")))
swift <- c(swift, "    ]", "}")
writeLines(swift, "Sources/MLMLang/Packages/Support/DatasetIndex.swift")

writeLines(c("# Data sets shipped with mlmd", "",
             "Exported from the R packages that define them by `scripts/export-datasets.R`, one folder per",
             "package: a plain data frame as `NAME.csv` (`write.csv`) with `NAME.types` (each column's R",
             "class and, for factors, the levels in R's order); any other object (time series, tables,",
             "matrices, nlme's grouped data) as `NAME.R`, R's `dput()` of it with 17 significant digits.", "",
             "| data set | package | title |", "| --- | --- | --- |", readme, "",
             "R and these packages are GPL-licensed; this provenance stays with the files."),
           file.path(root, "README.md"))
cat("exported", sum(lengths(index)), "data sets\n")
