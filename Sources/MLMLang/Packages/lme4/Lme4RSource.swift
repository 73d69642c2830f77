/// lme4 functions that lme4 writes in R, here in R too.
enum Lme4RSource {
    static let source = RSource(functions: ["formula.merMod", "refit", "refit.merMod", "bootMer", "print.bootMer",
                                            "isREML", "isLMM", "isGLMM", "isNLMM", "isREML.merMod", "isLMM.merMod",
                                            "isGLMM.merMod", "isNLMM.merMod", "terms.merMod", "model.matrix.merMod", "model.frame.merMod",
                                            "subbars"], code: #"""
# A formula with each random-effects bar `|` (or `||`) turned into `+`: every variable as a term.
subbars <- function(term) {
  if (is.name(term) || !is.language(term)) return(term)
  if (length(term) == 2L) {
    term[[2L]] <- subbars(term[[2L]])
    return(term)
  }
  stopifnot(length(term) >= 3L)
  if (identical(term[[1L]], as.name("|")) || identical(term[[1L]], as.name("||"))) term[[1L]] <- as.name("+")
  for (j in 2:length(term)) term[[j]] <- subbars(term[[j]])
  term
}

# lme4's frame: the formula's variables (random-effects bars read as +) over the rows used,
# unused factor levels dropped.
model.frame.merMod <- function(formula, fixed.only = FALSE, ...) {
  f <- if (fixed.only) stats::formula(formula, fixed.only = TRUE) else subbars(stats::formula(formula))
  fr <- stats::model.frame(f, data = formula$frame, drop.unused.levels = TRUE)
  attr(fr, "formula") <- stats::formula(formula)
  fr
}

model.matrix.merMod <- function(object, type = c("fixed", "random", "randomListRaw"), ...) {
  type <- match.arg(type)
  if (type != "fixed") stop(gettextf("model.matrix(type = \"%s\") of merMod fits is not available in mlmd yet", type))
  lme4::getME(object, "X")
}

isREML <- function(x, ...) UseMethod("isREML")
isLMM <- function(x, ...) UseMethod("isLMM")
isGLMM <- function(x, ...) UseMethod("isGLMM")
isNLMM <- function(x, ...) UseMethod("isNLMM")
isREML.merMod <- function(x, ...) lme4::getME(x, "is_REML")
isLMM.merMod <- function(x, ...) inherits(x, "lmerMod")
isGLMM.merMod <- function(x, ...) inherits(x, "glmerMod")
isNLMM.merMod <- function(x, ...) FALSE

terms.merMod <- function(x, fixed.only = TRUE, random.only = FALSE, ...) {
  if (fixed.only && random.only) stop("can't specify 'only fixed' and 'only random' terms")
  stats::terms(stats::formula(x, fixed.only = fixed.only, random.only = random.only))
}

refit <- function(object, newresp, ...) UseMethod("refit")

refit.merMod <- function(object, newresp = NULL, rename.response = FALSE, maxit = 100L, ...) {
  if (!inherits(object, "lmerMod")) stop("refit() of glmer fits is not available in mlmd yet")
  if (is.list(newresp)) {
    if (length(newresp) != 1)
      stop("refit not implemented for 'newresp' lists of length > 1: consider ", sQuote("lapply(object,refit)"))
    newresp <- newresp[[1]]
  }
  .Internal(lmerRefit(object, newresp))
}

# lme4's parametric bootstrap: nsim responses simulated from the fit (R's random numbers, so
# set.seed() gives lme4's replicates), each refitted and given to FUN. The RNG state is kept in
# "seed" where the session exposes .Random.seed (mlmd does not yet).
bootMer <- function(x, FUN, nsim = 1, seed = NULL, use.u = FALSE, re.form = NA,
                    type = c("parametric", "semiparametric"), verbose = FALSE, .progress = "none",
                    PBargs = list(), parallel = c("no", "multicore", "snow"), ncpus = getOption("boot.ncpus", 1L), cl = NULL) {
  stopifnot((nsim <- as.integer(nsim[1])) > 0)
  type <- match.arg(type)
  if (type != "parametric") stop("bootMer(type = \"semiparametric\") is not available in mlmd yet")
  if (use.u) stop("bootMer(use.u = TRUE) is not available in mlmd yet")
  mc <- match.call()
  # (lme4 also draws one uniform when the session has no seed yet, only to create
  # .Random.seed; mlmd's generator needs no such draw, and one would shift the replicates.)
  if (!is.null(seed)) set.seed(seed)
  FUN <- match.fun(FUN)
  t0 <- FUN(x)
  if (!is.numeric(t0)) stop("bootMer currently only handles functions that return numeric vectors")
  mle <- list(beta = getME(x, "beta"), theta = getME(x, "theta"))
  if (inherits(x, "lmerMod")) mle <- c(mle, list(sigma = stats::sigma(x)))
  ss <- stats::simulate(x, nsim = nsim)
  # As lme4's factory(): each refit's messages, warnings and error are kept, not shown; the
  # print method summarizes them.
  conditions <- list(message = character(), warning = character(), error = character())
  res <- lapply(seq_len(nsim), function(i) {
    withCallingHandlers(
      tryCatch(FUN(refit(x, ss[[i]])), error = function(e) {
        conditions$error <<- c(conditions$error, conditionMessage(e))
        rep(NA, length(t0))
      }),
      warning = function(w) {
        conditions$warning <<- c(conditions$warning, conditionMessage(w))
        invokeRestart("muffleWarning")
      },
      message = function(m) {
        conditions$message <<- c(conditions$message, conditionMessage(m))
        invokeRestart("muffleMessage")
      })
  })
  t.star <- do.call(cbind, res)
  rownames(t.star) <- names(t0)
  msgs <- list()
  for (kind in c("message", "warning", "error")) msgs[[paste0("factory-", kind)]] <- table(trimws(conditions[[kind]]))
  failed <- length(conditions$error)
  if (failed > 0) warning("some bootstrap runs failed (", failed, "/", nsim, ")")
  s <- structure(list(t0 = t0, t = t(t.star), R = nsim, data = x$data, seed = if (exists(".Random.seed", envir = globalenv())) get(".Random.seed", envir = globalenv()),
                      statistic = FUN, sim = "parametric", call = mc, ran.gen = "simulate(<lmerMod>, 1, *)", mle = mle),
                 class = c("bootMer", "boot"))
  attr(s, "bootFail") <- failed
  attr(s, "boot.fail.msgs") <- if (failed == 0) NULL else msgs[["factory-error"]]
  attr(s, "boot.all.msgs") <- msgs
  s
}

print.bootMer <- function(x, ...) {
  NextMethod(x, ...)
  .print_boot_warnings(x)
  invisible(x)
}

# lme4's print.bootWarnings (not verbose): per kind, how many and the rarest message.
.print_boot_warnings <- function(x) {
  msgs <- attr(x, "boot.all.msgs")
  if (is.null(msgs) || all(lengths(msgs) == 0)) return(invisible(NULL))
  text <- "\n"
  for (kind in c("message", "warning", "error")) {
    m <- sort(msgs[[paste0("factory-", kind)]])
    if (length(m) > 0) {
      text <- c(text, paste0(sum(m), " ", kind, "(s): ", names(m)[1]))
      if (length(m) > 1) text <- c(text, " (and others)")
      text <- c(text, "\n")
    }
  }
  message(text)
  invisible(NULL)
}

formula.merMod <- function(x, fixed.only = FALSE, random.only = FALSE, ...) {
  if (missing(fixed.only) && random.only) fixed.only <- FALSE
  if (fixed.only && random.only) stop("can't specify 'only fixed' and 'only random' terms")
  # The formula as lmer() read it, in the environment the model was fitted from.
  form <- eval(x$formula, globalenv())
  if (random.only) stop("formula(random.only = TRUE) is not available in mlmd yet")
  if (fixed.only) {
    rhs <- .nobars(form[[length(form)]])
    form[[length(form)]] <- if (is.null(rhs)) 1 else rhs
  }
  form
}

# lme4's nobars(): a formula's right side without its (x | g) terms; NULL when nothing is left.
.nobars <- function(term) {
  isBar <- function(e) is.call(e) && (identical(e[[1L]], as.name("|")) || identical(e[[1L]], as.name("||")))
  if (!is.call(term)) return(term)
  if (isBar(term)) return(NULL)
  if (identical(term[[1L]], as.name("(")) && isBar(term[[2L]])) return(NULL)
  if (identical(term[[1L]], as.name("+")) && length(term) == 3L) {
    left <- .nobars(term[[2L]])
    right <- .nobars(term[[3L]])
    if (is.null(left)) return(right)
    if (is.null(right)) return(left)
    term[[2L]] <- left
    term[[3L]] <- right
  }
  term
}
"""#)
}
