#!/usr/bin/env Rscript
# Knits every lesson in notebooks/ with R (knitr, lme4, lmerTest, dplyr, broom, ggplot2, readxl)
# and writes what R printed to Tests/NotebookTests/Lessons/NAME.md: the references the lesson
# tests compare mlmd's knitted output against. Run from the repository root:
#   Rscript scripts/knit-lessons.R
# Lessons use `mlm` chunks; R knits a copy whose fences read `{r}`, and the source blocks of the
# result are tagged `mlm` again, as mlmd writes them. The tests never need R.
Sys.setenv(TZ = "UTC")
options(useFancyQuotes = FALSE)
out_dir <- normalizePath("Tests/NotebookTests/Lessons")
work <- tempfile("lessons")
dir.create(work)
file.copy(list.files("notebooks", full.names = TRUE), work, recursive = TRUE)
for (f in sort(Sys.glob(file.path(work, "[0-9]*.md")))) {
  name <- basename(f)
  if (startsWith(name, "00-")) next # the getting-started page needs no model packages
  src <- readLines(f, encoding = "UTF-8")
  src <- sub("^```mlm\\s*$", "```{r}", src)
  src <- sub("^```\\{mlm", "```{r", src)
  rmd <- sub("\\.md$", ".Rmd", f)
  writeLines(src, rmd, useBytes = TRUE)
  owd <- setwd(work)
  knitr::opts_knit$set(progress = FALSE, verbose = FALSE)
  knitr::opts_chunk$set(fig.path = "figures/", dev = "svg", fig.width = 7, fig.height = 5)
  env <- new.env(parent = globalenv())
  knitted <- file.path(work, paste0("knitted-", name))
  suppressMessages(knitr::knit(rmd, output = knitted, quiet = TRUE, envir = env))
  md <- readLines(knitted, encoding = "UTF-8")
  md <- sub("^```r$", "```mlm", md)
  # evaluate before 1.0 reports top-level conditions as coming from its own eval() frame.
  md <- sub("^## (Error|Warning) in eval\\(expr, envir, enclos\\): ", "## \\1: ", md)
  writeLines(md, file.path(out_dir, name), useBytes = TRUE)
  setwd(owd)
  # Each lesson starts from a clean search path, as each mlmd notebook has its own session.
  for (p in setdiff(search(), c(".GlobalEnv", "package:stats", "package:graphics", "package:grDevices",
                                "package:utils", "package:datasets", "package:methods", "Autoloads", "package:base")))
    suppressWarnings(detach(p, character.only = TRUE))
  cat("knitted", name, "\n")
}
unlink(work, recursive = TRUE)
cat(sprintf("R %s, knitr %s, lme4 %s, lmerTest %s\n", getRversion(), packageVersion("knitr"),
            packageVersion("lme4"), packageVersion("lmerTest")))
