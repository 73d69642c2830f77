#!/usr/bin/env Rscript
# Writes the data sets mlmd ships (Sources/MLMLang/Datasets/) from the R packages that define
# them: one CSV per data set plus NAME.types, a line per column: "name<TAB>class<TAB>levels"
# (levels separated by \x1f, in R's order), so mlmd can rebuild R's factors exactly.
# Run from the repository root: Rscript scripts/export-datasets.R  (needs lme4 and mlmRev; the others
# come from R's own datasets package).
suppressPackageStartupMessages({ library(lme4); library(mlmRev) })
out <- "Sources/MLMLang/Datasets"
sets <- list(mtcars = datasets::mtcars, iris = datasets::iris, ToothGrowth = datasets::ToothGrowth,
             sleep = datasets::sleep, PlantGrowth = datasets::PlantGrowth, airquality = datasets::airquality,
             warpbreaks = datasets::warpbreaks, faithful = datasets::faithful, women = datasets::women,
             cars = datasets::cars, chickwts = datasets::chickwts, InsectSprays = datasets::InsectSprays,
             Exam = mlmRev::Exam, sleepstudy = lme4::sleepstudy, Penicillin = lme4::Penicillin,
             Pastes = lme4::Pastes, Dyestuff = lme4::Dyestuff, InstEval = lme4::InstEval, cake = lme4::cake,
             cbpp = lme4::cbpp, grouseticks = lme4::grouseticks, VerbAgg = lme4::VerbAgg,
             Contraception = mlmRev::Contraception, Hsb82 = mlmRev::Hsb82, ScotsSec = mlmRev::ScotsSec)
for (name in names(sets)) {
  d <- as.data.frame(sets[[name]])
  # Row names that are not just 1..n (mtcars's car models) travel as a first column ".rownames".
  if (!identical(rownames(d), as.character(seq_len(nrow(d))))) d <- cbind(.rownames = rownames(d), d)
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE)
  types <- vapply(names(d), function(col) {
    x <- d[[col]]
    cls <- if (is.ordered(x)) "ordered" else if (is.factor(x)) "factor" else if (is.integer(x)) "integer" else if (is.numeric(x)) "numeric" else "character"
    lev <- if (is.factor(x)) paste(levels(x), collapse = "\x1f") else ""
    paste(col, cls, lev, sep = "\t")
  }, "")
  writeLines(types, file.path(out, paste0(name, ".types")))
}
cat("exported", length(sets), "data sets\n")
