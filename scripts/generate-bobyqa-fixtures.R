#!/usr/bin/env Rscript
# Records minqa's bobyqa on a set of test problems, for the PowellBOBYQA tests. Run from the
# repository root:
#   Rscript scripts/generate-bobyqa-fixtures.R
# Writes Tests/MixedModelsTests/Fixtures/bobyqa-trace.json: for each problem, its settings, every
# point minqa passes to the objective with the value returned, and minqa's result. The calls are
# all of them: minqa's check call at the start, the Fortran's calls (feval of them), and the call
# with which minqa's C++ computes fval at the end.
# Numbers are written with 17 significant digits so that they read back exactly; Inf and -Inf are
# written as the strings "Inf" and "-Inf". Made with R 4.2.2 and minqa 1.2.5 (Debian 12).
#
# The objectives are written with explicit products and left-to-right sums (no sum(), which
# accumulates in long double, and no ^ other than ^2, which R computes as x*x), so that the Swift
# tests can evaluate the same doubles. Their parameters are dyadic numbers, exact in both.
#
# minqa's rescue.f hands the objective an undefined local array instead of the point it means
# (CALFUN(N,X,IPRINT) with X undeclared in RESCUE): once RESCUE evaluates, minqa runs on stack
# garbage, which includes the stack-protector canary and so changes from one R process to the
# next. For each problem the script runs minqa a second time in a fresh R process and records
# how many leading calls the two runs share ("deterministic_calls"); only those can be compared.

suppressPackageStartupMessages(library(minqa))

fixture <- "Tests/MixedModelsTests/Fixtures/bobyqa-trace.json"

source("scripts/json-writer.R")  # json_number, json_string, to_json, scalar

# --- The objectives. `kind` selects the formula; `p` holds its parameters. The Swift test has
# the same formulas under the same names.
objective <- function(kind, p) {
  switch(kind,
    rosenbrock = function(x) {
      a <- x[2] - x[1] * x[1]
      b <- 1 - x[1]
      100 * a * a + b * b
    },
    # A weighted sum of squares around `target` plus a coupling of the first and last variable.
    quadratic = function(x) {
      s <- 0
      for (i in seq_along(x)) {
        t <- x[i] - p$target[i]
        s <- s + p$scales[i] * t * t
      }
      s + p$coupling * x[1] * x[length(x)]
    },
    # A smooth non-quadratic: squares, a product term and a quartic.
    smooth = function(x) {
      s <- 0
      for (i in seq_along(x)) {
        t <- x[i] - p$target[i]
        s <- s + p$scales[i] * t * t
      }
      u <- x[1] * x[2] - x[3]
      v <- x[4] - 1
      s + 0.25 * u * u + 0.125 * v * v * v * v
    },
    oscillating = function(x) {
      t <- x[1] - 0.3
      t * t + 0.125 * sin(5 * x[1])
    },
    # A quadratic with a cliff of height 1e10 below x[1] = p$wall (a trust-region step then
    # fails to reduce the model).
    cliff = function(x) {
      s <- 0
      for (i in seq_along(x)) {
        t <- x[i] - 0.3
        s <- s + i * t * t
      }
      if (x[1] < p$wall) 1e10 + s else s
    })
}

# Runs minqa's bobyqa and records every call of the objective.
trace_bobyqa <- function(kind, p, start, lower, upper, control) {
  fn <- objective(kind, p)
  points <- list()
  values <- numeric(0)
  traced <- function(x) {
    v <- fn(x)
    points[[length(points) + 1]] <<- as.numeric(x)
    values <<- c(values, v)
    v
  }
  result <- withCallingHandlers(
    tryCatch(bobyqa(start, traced, lower = lower, upper = upper, control = control),
             error = function(e) conditionMessage(e)),
    warning = function(w) invokeRestart("muffleWarning"))
  list(points = points, values = values, result = result)
}

problem <- function(name, kind, start, lower = -Inf, upper = Inf, control = list(), p = list()) {
  list(name = name, kind = kind, start = start, lower = lower, upper = upper, control = control, p = p)
}

problems <- list(
  problem("rosenbrock", "rosenbrock", c(-1.2, 1)),
  # lme4's θ start; the optimum has the second variable on its lower bound 0.
  problem("quadratic3", "quadratic", c(1, 1, 1), lower = 0,
          p = list(target = c(0.375, -0.5, 0.75), scales = c(1, 3, 2), coupling = 0.25)),
  # n = 1: minqa's npt = max(n + 2, min(n + 2, 2 n)) = 3.
  problem("oneDimensional", "oscillating", 1, lower = 0),
  # Finite bounds on some variables: x1 starts on its lower bound, x5 on its upper bound, x2
  # within rhobeg of its upper bound and x4 within rhobeg of its lower bound (BOBYQA moves both).
  problem("fiveDimensional", "smooth", c(0, 0.875, 1, 0.0625, 0.5),
          lower = c(0, -1, -Inf, 0, -2), upper = c(2, 1, Inf, Inf, 0.5),
          p = list(target = c(-0.5, 0.25, 0.75, 2.5, 1), scales = c(1, 2, 0.5, 1, 4))),
  problem("rosenbrockMaxfun20", "rosenbrock", c(-1.2, 1), control = list(maxfun = 20)),
  # A badly scaled quadratic (scales 2^8 to 2^-9) on which RESCUE rebuilds H once, putting all
  # the points back without evaluating anything, so minqa's run stays deterministic.
  problem("rescueWithoutEvaluations", "quadratic", c(0.5, 0.625, 1.625, 1.625), lower = 0,
          control = list(npt = 15),
          p = list(target = c(0.0625, 0.5625, -0.0625, 0.875),
                   scales = c(256, 0.5, 0.00390625, 0.001953125), coupling = 0)),
  # Here RESCUE runs three times; the third evaluates the objective (at garbage, in minqa).
  problem("rescueWithEvaluations", "quadratic", c(1.75, 2, 0.75), lower = 0,
          control = list(npt = 10),
          p = list(target = c(0.0625, 1.0625, 0.3125), scales = c(0.0009765625, 256, 512),
                   coupling = 0)),
  # npt = 2n + 1 and explicit rhobeg and rhoend.
  problem("rosenbrockSettings", "rosenbrock", c(-1.2, 1),
          control = list(npt = 5, rhobeg = 0.5, rhoend = 1e-8)),
  # A box narrower than 2 rhobeg: minqa sets rhobeg to 0.2 min(upper - lower).
  problem("narrowBox", "quadratic", c(0.25, 1), lower = c(0, 0), upper = c(0.3, 3),
          p = list(target = c(0.5, 0.75), scales = c(1, 1), coupling = 0.5)),
  # A trust-region step that fails to reduce the model (minqa's ierr 3).
  problem("cliff", "cliff", c(1, 1), control = list(npt = 6), p = list(wall = 0.5))
)

# The calls of a problem in a fresh R process, to find where minqa stops being deterministic.
rerun_points <- function(prob) {
  input <- tempfile(fileext = ".rds")
  output <- tempfile(fileext = ".rds")
  saveRDS(list(prob = prob, objective = objective, trace_bobyqa = trace_bobyqa), input)
  code <- sprintf(paste0("suppressPackageStartupMessages(library(minqa)); a <- readRDS('%s'); ",
                         "objective <- a$objective; ",
                         "r <- a$trace_bobyqa(a$prob$kind, a$prob$p, a$prob$start, a$prob$lower, ",
                         "a$prob$upper, a$prob$control); saveRDS(r$points, '%s')"), input, output)
  system2(file.path(R.home("bin"), "Rscript"), c("-e", shQuote(code)), stdout = FALSE, stderr = FALSE)
  readRDS(output)
}

records <- lapply(problems, function(prob) {
  run <- trace_bobyqa(prob$kind, prob$p, prob$start, prob$lower, prob$upper, prob$control)
  again <- rerun_points(prob)
  same <- 0
  while (same < min(length(run$points), length(again)) &&
         identical(run$points[[same + 1]], again[[same + 1]])) same <- same + 1
  deterministic <- same
  r <- run$result
  control <- setNames(list(), character(0))  # written as {} even when empty
  for (nm in c("npt", "rhobeg", "rhoend", "maxfun")) {
    if (!is.null(prob$control[[nm]])) control[[nm]] <- scalar(prob$control[[nm]])
  }
  out <- list(
    name = scalar(prob$name),
    kind = scalar(prob$kind),
    parameters = if (length(prob$p) == 0) setNames(list(), character(0))  # {} when empty
                 else lapply(prob$p, function(v) if (length(v) == 1) scalar(v) else v),
    start = prob$start,
    lower = prob$lower,
    upper = prob$upper,
    control = control,
    points = run$points,
    values = run$values,
    deterministic_calls = scalar(deterministic))
  if (is.character(r)) {
    out$error <- scalar(r)
  } else {
    out$par <- r$par
    out$fval <- scalar(r$fval)
    out$feval <- scalar(r$feval)
    out$ierr <- scalar(r$ierr)
    out$msg <- scalar(r$msg)
  }
  cat(sprintf("%-26s calls %4d  deterministic %4d  %s\n", prob$name, length(run$points), deterministic,
              if (is.character(r)) r else r$msg))
  out
})
names(records) <- vapply(problems, `[[`, "", "name")

writeLines(to_json(list(minqa = scalar(as.character(packageVersion("minqa"))), problems = records)), fixture)
