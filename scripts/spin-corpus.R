#!/usr/bin/env Rscript
# Turns each plain-script tutorial of corpus/ (corpus/<name>/*.R) into the R Markdown that
# knitr::spin makes of it, written to corpus/spun/<name>.Rmd. scripts/knit-corpus.R knits the
# same conversion for R's reference; mlmd's corpus test knits these files, so that the test
# needs no R.
#
#   Rscript scripts/spin-corpus.R

script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
root <- normalizePath(file.path(dirname(script), ".."))
corpus <- file.path(root, "corpus")
spun <- file.path(corpus, "spun")
dir.create(spun, showWarnings = FALSE)
for (name in setdiff(list.dirs(corpus, full.names = FALSE, recursive = FALSE), c("reference", "spun"))) {
  src <- list.files(file.path(corpus, name), pattern = "\\.R$", full.names = TRUE)
  if (length(src) != 1) next
  work <- tempfile("spin-")
  dir.create(work)
  file.copy(src, work)
  out <- knitr::spin(file.path(work, basename(src)), knit = FALSE, format = "Rmd")
  file.copy(out, file.path(spun, paste0(name, ".Rmd")), overwrite = TRUE)
  unlink(work, recursive = TRUE)
}
