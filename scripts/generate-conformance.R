#!/usr/bin/env Rscript
# Generates the expected outputs of mlmd's R conformance suite. Run from the repository root:
#   Rscript scripts/generate-conformance.R [NN-topic.R ...]   (all files, or only these)
# Reads every Tests/MLMLangTests/Conformance/NN-topic.R; each case starts with a line
# `#### case-name` followed by R code. Every case is run in a fresh environment
# (new.env(parent = globalenv())) with evaluate::evaluate(stop_on_error = 1L), and the rendered
# output is written to NN-topic.out beside the .R file:
#   #### case-name
#   <output of the case>
# Rendering of evaluate's output items:
#   - text: consecutive text items are concatenated as printed (like a console stream); a run
#     of text that does not end in a newline gets one added;
#   - message: conditionMessage as-is (a newline is added if missing);
#   - warning: "Warning: MSG" or "Warning in CALL: MSG", then a newline;
#   - error:   "Error: MSG"   or "Error in CALL: MSG",   then a newline;
#   CALL is deparse(conditionCall(c))[1]; a NULL call, or one equal to eval(expr, envir, enclos)
#   or eval(expr, envir), gives the form without "in CALL". Source code is not echoed.
# Options are R's defaults; they, and the search path, are restored, objects created in the global environment are
# removed, and a changed RNGkind is reset to the default, after every case. set.seed is NOT
# called for you: random cases call it themselves. Visible values are auto-printed with print()
# called from (a child of) the case environment, so S3 print methods defined by the case are used.
# The tests never need R; only regenerating the .out files does.

# Everything runs inside local() so the global environment (the parent of each case's
# environment) holds nothing of this script.
local({
  if (!requireNamespace("evaluate", quietly = TRUE)) stop("package 'evaluate' is required")

  dir <- "Tests/MLMLangTests/Conformance"
  files <- sort(Sys.glob(file.path(dir, "*.R")))
  only <- commandArgs(trailingOnly = TRUE)
  if (length(only) > 0) files <- files[basename(files) %in% only]
  if (length(files) == 0L) stop("no conformance files found; run from the repository root")

  locale <- Sys.getlocale()
  cat("Locale:", locale, "\n")
  cat(sprintf("R %s, evaluate %s\n", getRversion(), packageVersion("evaluate")))

  split_cases <- function(lines, file) {
    starts <- grep("^#### ", lines)
    if (length(starts) == 0L) stop("no cases in ", file)
    pre <- if (starts[1] > 1L) lines[seq_len(starts[1] - 1L)] else character()
    if (any(!grepl("^\\s*(#.*)?$", pre))) stop("code before the first case in ", file)
    ends <- c(starts[-1] - 1L, length(lines))
    names <- trimws(sub("^#### ", "", lines[starts]))
    if (anyDuplicated(names)) stop("duplicate case names in ", file, ": ",
                                   paste(unique(names[duplicated(names)]), collapse = ", "))
    bad <- names[!grepl("^[a-z0-9]+(-[a-z0-9]+)*$", names)]
    if (length(bad)) stop("case names must be kebab-case in ", file, ": ", paste(bad, collapse = ", "))
    cases <- lapply(seq_along(starts), function(i) {
      body <- if (ends[i] > starts[i]) lines[(starts[i] + 1L):ends[i]] else character()
      paste(body, collapse = "\n")
    })
    names(cases) <- names
    cases
  }

  eval_calls <- list(quote(eval(expr, envir, enclos)), quote(eval(expr, envir)))

  call_text <- function(cond) {
    call <- conditionCall(cond)
    if (is.null(call)) return(NULL)
    for (ec in eval_calls) if (identical(call, ec)) return(NULL)
    deparse(call)[1]
  }

  ensure_nl <- function(s) if (!nzchar(s) || !endsWith(s, "\n")) paste0(s, "\n") else s

  render <- function(items) {
    out <- character()
    text <- ""
    flush <- function() {
      if (nzchar(text)) out <<- c(out, ensure_nl(text))
      text <<- ""
    }
    for (it in items) {
      if (inherits(it, "source")) next
      if (is.character(it)) {
        text <- paste0(text, paste(it, collapse = ""))
      } else if (inherits(it, "message")) {
        flush(); out <- c(out, ensure_nl(conditionMessage(it)))
      } else if (inherits(it, "warning") || inherits(it, "error")) {
        flush()
        kind <- if (inherits(it, "error")) "Error" else "Warning"
        call <- call_text(it)
        head <- if (is.null(call)) paste0(kind, ": ") else paste0(kind, " in ", call, ": ")
        out <- c(out, paste0(head, conditionMessage(it), "\n"))
      } else if (inherits(it, "recordedplot")) {
        flush(); out <- c(out, "<plot>\n")
      }
    }
    flush()
    paste(out, collapse = "")
  }

  # evaluate's default value handler calls print() from evaluate's namespace, so S3 print
  # methods a case defines in its own environment would not be found when a value is
  # auto-printed (a console finds them in the global environment). Print from a child of the
  # case environment instead, so that dispatch sees the case's methods.
  value_printer <- function(env) {
    evaluate::new_output_handler(value = function(x) {
      if (isS4(x)) {
        methods::show(x)
      } else {
        pe <- new.env(parent = env)
        assign("x", x, envir = pe)
        eval(quote(print(x)), pe)
      }
      invisible()
    })
  }

  # A fixed time zone: without one, R asks timedatectl (and warns where it cannot) the first
  # time a package such as tidyverse looks at the clock.
  Sys.setenv(TZ = "UTC")
  default_rng <- RNGkind()
  # Plain ASCII quotes in messages, as R gives in a C locale and as mlmd does by default
  # (the seed tutorials' reference outputs were knitted that way).
  options(useFancyQuotes = FALSE)
  base_options <- options()
  base_search <- search()
  base_globals <- ls(globalenv(), all.names = TRUE)
  total <- 0L
  # Check every file (headers, names) before running anything.
  all_cases <- lapply(files, function(f) split_cases(readLines(f, encoding = "UTF-8", warn = FALSE), f))
  names(all_cases) <- files
  for (f in files) {
    cases <- all_cases[[f]]
    chunks <- character()
    for (nm in names(cases)) {
      env <- new.env(parent = globalenv())
      items <- evaluate::evaluate(cases[[nm]], envir = env, stop_on_error = 1L, new_device = FALSE,
                                output_handler = value_printer(env))
      chunks <- c(chunks, paste0("#### ", nm, "\n"), render(items))
      # Undo what a case may leak into the session (options, globals via <<-); not the RNG state.
      options(base_options)
      if (!identical(RNGkind(), default_rng)) suppressWarnings(do.call(RNGkind, as.list(default_rng)))
      # Packages a case attached are detached again: mlmd runs every case in a fresh session,
      # so a case that wants lmerTest's lmer must attach it itself.
      for (p in setdiff(search(), base_search)) suppressWarnings(detach(p, character.only = TRUE))
      leaked <- setdiff(ls(globalenv(), all.names = TRUE), c(base_globals, ".Random.seed"))
      if (length(leaked)) rm(list = leaked, envir = globalenv())
    }
    out <- sub("\\.R$", ".out", f)
    con <- file(out, open = "wb")
    writeChar(paste(chunks, collapse = ""), con, eos = NULL, useBytes = TRUE)
    close(con)
    total <- total + length(cases)
    cat(sprintf("%-40s %4d cases -> %s\n", basename(f), length(cases), basename(out)))
  }
  cat(sprintf("%d cases in %d files\n", total, length(files)))
})
