#!/usr/bin/env Rscript
# Writes what R prints for Tests/MLMLangTests/WorkbookDates/workbook-dates.R, run in the
# workbook fixtures' folder (Tests/DataFramesTests/Fixtures), to workbook-dates.out beside it.
# Run from the repository root: Rscript scripts/generate-workbook-dates.R
script <- normalizePath("Tests/MLMLangTests/WorkbookDates/workbook-dates.R")
out <- sub("\\.R$", ".out", script)
home <- setwd("Tests/DataFramesTests/Fixtures")
text <- capture.output(source(script, local = new.env(), echo = FALSE, print.eval = TRUE))
setwd(home)
writeLines(text, out)
