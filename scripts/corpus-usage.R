#!/usr/bin/env Rscript
# Lists what the corpus tutorials call, from R's own parser, and whether mlmd defines it.
#
#   Rscript scripts/corpus-usage.R [MLMD]     (MLMD defaults to .build/release/mlmd)
#
# For every corpus/<name>/ file (.Rmd and .qmd through knitr::purl, .R as it is) it takes the
# parse data's SYMBOL_FUNCTION_CALL tokens (a call f(...) or pkg::f(...)), SYMBOL_PACKAGE tokens
# (pkg::) and the packages named by library()/require()/requireNamespace(). The package a
# function comes from is found in a fresh R process per file that has loaded the packages the
# file loads: pkg:: when written so, else find(f, mode = "function"); a function that the file
# defines itself and R does not know is "(local)", one R cannot find "(unknown)".
#
# Writes corpus/usage.tsv (function, package, files, calls, mlmd) and corpus/packages.tsv
# (package, files). mlmd is TRUE when `exists("f")` is TRUE in `mlmd run` after attaching every
# package mlmd provides.

Sys.setenv(TZ = "UTC")
args <- commandArgs(trailingOnly = TRUE)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
root <- normalizePath(file.path(dirname(script), ".."))
corpus <- file.path(root, "corpus")

code_of <- function(path) {
  if (grepl("\\.R$", path)) return(path)
  out <- tempfile(fileext = ".R")
  # knitr's purl needs a known extension; a .qmd is R Markdown for this purpose
  input <- tempfile(fileext = ".Rmd")
  file.copy(path, input)
  suppressMessages(knitr::purl(input, output = out, quiet = TRUE, documentation = 0))
  out
}

loaded_packages <- function(exprs) {
  pk <- character()
  walk <- function(e) {
    if (is.call(e)) {
      head <- e[[1]]
      fname <- if (is.name(head)) as.character(head) else
        if (is.call(head) && as.character(head[[1]]) %in% c("::", ":::")) as.character(head[[3]]) else ""
      if (fname %in% c("library", "require", "requireNamespace") && length(e) >= 2) {
        a <- e[[2]]
        chr <- isTRUE(tryCatch(eval(e$character.only), error = function(err) FALSE))
        if (is.character(a) || (is.name(a) && !chr)) pk <<- c(pk, as.character(a))
      }
      args <- as.list(e)[-1]
      for (i in seq_along(args)) if (!identical(args[[i]], quote(expr = ))) walk(args[[i]])
    } else if (is.expression(e) || is.list(e)) {
      for (i in seq_along(e)) if (!identical(e[[i]], quote(expr = ))) walk(e[[i]])
    }
  }
  walk(exprs)
  unique(pk)
}

# One file: prints function, package, calls lines and a "#packages" line (run in its own process).
usage_of_file <- function(path) {
  code <- code_of(path)
  exprs <- tryCatch(parse(code, keep.source = TRUE), error = function(e) NULL)
  if (is.null(exprs)) {  # a chunk that does not parse: parse what does, chunk by chunk
    lines <- readLines(code, warn = FALSE)
    exprs <- tryCatch(parse(text = lines, keep.source = TRUE), error = function(e) expression())
  }
  pd <- getParseData(exprs)
  if (is.null(pd)) pd <- data.frame(token = character(), text = character(), id = integer())
  pd <- pd[order(pd$line1, pd$col1), ]
  libs <- loaded_packages(exprs)
  pkgs_ns <- unique(pd$text[pd$token == "SYMBOL_PACKAGE"])
  for (p in libs) suppressWarnings(suppressMessages(
    try(library(p, character.only = TRUE, quietly = TRUE), silent = TRUE)))
  calls <- which(pd$token == "SYMBOL_FUNCTION_CALL")
  # a call written pkg::f has SYMBOL_PACKAGE and NS_GET just before f
  ns <- vapply(calls, function(i) {
    j <- which(pd$line1 == pd$line1[i] & pd$col2 < pd$col1[i])
    if (length(j) >= 2) {
      prev <- pd[j[order(pd$col2[j], decreasing = TRUE)], ]
      if (prev$token[1] %in% c("NS_GET", "NS_GET_INT") && prev$token[2] == "SYMBOL_PACKAGE")
        return(prev$text[2])
    }
    NA_character_
  }, "")
  fns <- pd$text[calls]
  # obj$f(...) (knitr::opts_chunk$set) is named obj$f, from the package of obj
  for (k in seq_along(calls)) {
    i <- calls[k]
    j <- which(pd$line1 == pd$line1[i] & pd$col2 < pd$col1[i] & pd$terminal)
    if (length(j) < 2) next
    prev <- pd[j[order(pd$col2[j], decreasing = TRUE)], ]
    if (prev$token[1] == "'$'" && prev$token[2] == "SYMBOL") {
      fns[k] <- paste0(prev$text[2], "$", fns[k])
      if (length(j) >= 4 && prev$token[3] %in% c("NS_GET", "NS_GET_INT") && prev$token[4] == "SYMBOL_PACKAGE")
        ns[k] <- prev$text[4]
      else {
        w <- tryCatch(find(prev$text[2]), error = function(e) character())
        ns[k] <- if (length(w)) sub("^package:", "", w[1]) else "(unknown)"
      }
    }
  }
  # functions the file defines: name <- function / name = function
  defined <- character()
  for (e in exprs) if (is.call(e) && is.name(e[[1]]) && as.character(e[[1]]) %in% c("<-", "=") && is.name(e[[2]]) &&
                       is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function")))
    defined <- c(defined, as.character(e[[2]]))
  pkg <- mapply(function(f, n) {
    if (!is.na(n)) return(n)
    w <- tryCatch(find(f, mode = "function"), error = function(e) character())
    w <- w[w != ".GlobalEnv"]
    # an S4 generic that a package (Matrix, lme4) makes of a base function counts as the base one
    plain <- Filter(function(pos) !methods::is(get(f, pos = pos, mode = "function"), "standardGeneric"), w)
    if (length(plain)) w <- plain
    w <- sub("^package:", "", w)
    if (length(w)) return(w[1])
    if (f %in% defined) "(local)" else "(unknown)"
  }, fns, ns)
  if (length(fns)) {
    tab <- aggregate(n ~ f + p, data.frame(f = fns, p = pkg, n = 1L), sum)
    for (i in seq_len(nrow(tab))) cat(tab$f[i], tab$p[i], tab$n[i], sep = "\t", fill = FALSE, "\n")
  }
  cat("#packages", unique(c(libs, pkgs_ns)), sep = "\t")
  cat("\n")
}

if (length(args) == 2 && args[1] == "--one") {
  usage_of_file(args[2])
  quit(status = 0)
}

mlmd <- if (length(args)) args[1] else file.path(root, ".build/release/mlmd")
dirs <- setdiff(list.dirs(corpus, full.names = TRUE, recursive = FALSE), file.path(corpus, c("reference", "spun")))
rows <- list(); pkgrows <- list()
for (d in dirs) {
  f <- list.files(d, pattern = "\\.(Rmd|qmd|R)$", full.names = TRUE)
  if (length(f) != 1) next
  out <- system2("Rscript", c(shQuote(script), "--one", shQuote(f)), stdout = TRUE, stderr = FALSE)
  p <- grep("^#packages", out, value = TRUE)
  pk <- if (length(p)) strsplit(p, "\t")[[1]][-1] else character()
  pkgrows[[d]] <- data.frame(package = pk, file = rep(basename(d), length(pk)))
  body <- grep("^#packages", out, value = TRUE, invert = TRUE)
  body <- sub("\t?\\s*$", "", body)
  parts <- strsplit(body[nzchar(body)], "\t")
  if (length(parts))
    rows[[d]] <- data.frame(fn = vapply(parts, `[`, "", 1), package = vapply(parts, `[`, "", 2),
                            calls = as.integer(vapply(parts, `[`, "", 3)), file = basename(d))
  cat(basename(d), length(parts), "functions,", length(pk), "packages\n")
}
u <- do.call(rbind, rows)
# one row a function; its package is the one most files resolve it to (others after a comma)
res <- do.call(rbind, lapply(split(u, u$fn), function(x) {
  pk <- sort(tapply(x$file, x$package, function(v) length(unique(v))), decreasing = TRUE)
  data.frame(`function` = x$fn[1], package = paste(names(pk), collapse = ","),
             files = length(unique(x$file)), calls = sum(x$calls), check.names = FALSE)
}))

# what mlmd defines: one exists() line per function, run by `mlmd run`
probe <- tempfile(fileext = ".R")
fn <- res[["function"]]
# A session starts with R's search path only: attach every package mlmd provides first.
provided <- c("splines", "Matrix", "boot", "lme4", "lmerTest", "pbkrtest", "mlmRev", "nlme", "emmeans", "magrittr",
              "tibble", "dplyr", "tidyr", "readr", "readxl", "purrr", "stringr", "forcats", "ggplot2", "lattice",
              "broom", "broom.mixed", "knitr", "viridisLite", "viridis", "carData", "car")
writeLines(c(sprintf("suppressPackageStartupMessages(library(%s))", provided),
             ifelse(grepl("$", fn, fixed = TRUE),
  sprintf('cat(%s, tryCatch(is.function(%s), error = function(e) FALSE), "\\n")', vapply(fn, deparse, ""), fn),
  sprintf('cat(%s, exists(%s), "\\n")', vapply(fn, deparse, ""), vapply(fn, deparse, "")))), probe)
got <- tryCatch(system2(mlmd, c("run", probe), stdout = TRUE, stderr = TRUE),
                error = function(e) character())
known <- do.call(rbind, lapply(strsplit(trimws(got), " +"), function(v)
  if (length(v) == 2 && v[2] %in% c("TRUE", "FALSE")) data.frame(f = v[1], e = v[2]) else NULL))
res$mlmd <- if (is.null(known)) NA else known$e[match(res[["function"]], known$f)]
res <- res[order(-res$files, -res$calls, res[["function"]]), ]
write.table(res, file.path(corpus, "usage.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)

pk <- do.call(rbind, pkgrows)
pt <- sort(tapply(pk$file, pk$package, function(v) length(unique(v))), decreasing = TRUE)
write.table(data.frame(package = names(pt), files = as.integer(pt)), file.path(corpus, "packages.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
cat(nrow(res), "functions;", sum(res$mlmd == "FALSE", na.rm = TRUE), "not in mlmd;",
    length(pt), "packages\n")
