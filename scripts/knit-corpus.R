#!/usr/bin/env Rscript
# Knits every tutorial of corpus/ with R's knitr and writes corpus/reference/<name>.md,
# the text output R printed for it (the reference mlmd's output is compared with).
#
#   Rscript scripts/knit-corpus.R            knit all tutorials (each in a fresh R process)
#   Rscript scripts/knit-corpus.R NAME ...   knit only these tutorials
#
# Each tutorial folder corpus/<name>/ holds one .Rmd, .qmd or .R file and its data. The file
# is knitted as its author wrote it, with the working directory set to its folder and
# error = TRUE set globally, so that a failing chunk is shown and knitting goes on.
# A plain .R script is first turned into R Markdown with knitr::spin (knit = FALSE).
# Figures go to a temporary folder. A tutorial may take at most TIMEOUT seconds (default 600).

Sys.setenv(TZ = "UTC")
args <- commandArgs(trailingOnly = TRUE)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
root <- normalizePath(file.path(dirname(script), ".."))
corpus <- file.path(root, "corpus")
refdir <- file.path(corpus, "reference")
dir.create(refdir, showWarnings = FALSE)

source_file <- function(name) {
  f <- list.files(file.path(corpus, name), pattern = "\\.(Rmd|qmd|R)$", full.names = TRUE)
  if (length(f) != 1) stop("corpus/", name, " must hold exactly one .Rmd/.qmd/.R file")
  f
}

knit_one <- function(name) {
  src <- source_file(name)
  dir <- dirname(src)
  work <- tempfile(paste0("knit-", name, "-"))
  dir.create(work)
  input <- file.path(work, sub("\\.(qmd|R)$", ".Rmd", basename(src)))
  if (grepl("\\.R$", src)) {
    file.copy(src, work)
    knitr::spin(file.path(work, basename(src)), knit = FALSE, format = "Rmd")
  } else {
    file.copy(src, input)
  }
  out <- file.path(refdir, paste0(name, ".md"))
  old <- setwd(work)  # figures, caches and other files the knit writes land here
  on.exit(setwd(old))
  knitr::opts_knit$set(root.dir = dir)  # chunks run in the tutorial's folder
  knitr::opts_chunk$set(error = TRUE, fig.path = file.path(work, "figure", ""))
  knitr::knit(input, output = out, quiet = TRUE, envir = new.env(parent = globalenv()))
  md <- readLines(out, warn = FALSE)  # figure links without the temporary folder's name
  writeLines(gsub(paste0(work, "/"), "", md, fixed = TRUE), out)
  invisible(out)
}

if (length(args) == 1 && args[1] == "--one") stop("usage: knit-corpus.R [NAME ...]")
if (length(args) >= 2 && args[1] == "--one") {
  knit_one(args[2])
  quit(status = 0)
}

names <- if (length(args)) args else
  setdiff(list.dirs(corpus, full.names = FALSE, recursive = FALSE), c("reference", "spun"))
timeout <- as.integer(Sys.getenv("TIMEOUT", "600"))
for (name in names) {
  t0 <- Sys.time()
  status <- system2("timeout", c(timeout, "Rscript", shQuote(script), "--one", shQuote(name)),
                    stdout = FALSE, stderr = file.path(tempdir(), paste0(name, ".log")))
  secs <- round(as.numeric(difftime(Sys.time(), t0, units = "secs")))
  cat(sprintf("%-32s %s %4ds\n", name, if (status == 0) "ok    " else sprintf("FAIL %d", status), secs))
}
