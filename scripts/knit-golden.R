#!/usr/bin/env Rscript
# Knits every .Rmd under Tests/*/Golden with knitr, writing the .md beside it: these are the
# expected outputs mlmd's tests compare against. Run from the repository root:
#   Rscript scripts/knit-golden.R
# Needs R with knitr (Debian: r-base-core r-cran-knitr); the tests themselves never need R.
# A fixed time zone keeps R from asking timedatectl (and warning when it cannot) in containers.
Sys.setenv(TZ = "UTC")
args <- commandArgs(trailingOnly = TRUE)
# Given file names, only those are knitted again.
files <- if (length(args)) args else Sys.glob("Tests/*/Golden/*.Rmd")
for (f in files) {
  out <- sub("\\.Rmd$", ".md", f)
  owd <- setwd(dirname(f))
  knitr::opts_knit$set(progress = FALSE, verbose = FALSE)
  knitr::opts_chunk$set(fig.path = "figures/", dev = "svg", fig.width = 7, fig.height = 5)
  suppressMessages(knitr::knit(basename(f), output = basename(out), quiet = TRUE, envir = new.env()))
  # evaluate before 1.0 reports top-level conditions as coming from its own
  # `eval(expr, envir, enclos)` frame; evaluate 1.0 and later (and mlmd) report no call:
  # `## Error: message`. Normalise that one line so the goldens show current knitr output.
  md <- readLines(basename(out), encoding = "UTF-8")
  md <- sub("^## (Error|Warning) in eval\\(expr, envir, enclos\\): ", "## \\1: ", md)
  writeLines(md, basename(out), useBytes = TRUE)
  unlink("figures", recursive = TRUE) # the figures are R's drawings; tests compare the Markdown
  setwd(owd)
  cat("knitted", f, "->", out, "\n")
}
cat(sprintf("R %s, knitr %s, evaluate %s\n", getRversion(), packageVersion("knitr"), packageVersion("evaluate")))
