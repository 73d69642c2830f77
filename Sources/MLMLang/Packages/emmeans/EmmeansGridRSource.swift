/// emmeans' reference grid and marginal means, written in R as emmeans writes them: the grid of
/// every factor's levels (numeric covariates at their mean, or at their values when they take at
/// most two), each grid row's linear function of the coefficients, and emmeans() averaging those
/// rows over the factors not asked for. The fit supplies β̂, its covariance and a function giving
/// each estimate's degrees of freedom (Kenward-Roger by default for lmer fits, as emmeans does
/// when pbkrtest is installed).
enum EmmeansGridRSource {
    static let source = RSource(functions: [
        "emm_options", "get_emm_option", "emm_defaults", "ref_grid", "emmeans", "print.emmGrid",
        "print.emm_list",
    ], code: #"""
emm_defaults <- list(ref_grid = list(is.new.rg = TRUE, infer = c(FALSE, FALSE)),
                     emmeans = list(infer = c(TRUE, FALSE)), contrast = list(infer = c(FALSE, TRUE)),
                     save.ref_grid = FALSE, cov.keep = "2", sep = " ", parens = c("-|\\+|\\/|\\*", "(", ")"),
                     graphics.engine = "ggplot", msg.interaction = TRUE, msg.nesting = TRUE,
                     estble.tol = 1e-08, simplify.names = TRUE, back.bias.adj = FALSE, opt.digits = TRUE,
                     enable.submodel = TRUE, rg.limit = 10000, lmer.df = "kenward-roger",
                     disable.pbkrtest = FALSE, pbkrtest.limit = 3000, disable.lmerTest = FALSE,
                     lmerTest.limit = 3000)

emm_options <- function(..., disable) {
  opts <- getOption("emmeans", list())
  if (!missing(disable)) {
    options(emmeans = NULL)
    return(invisible(opts))
  }
  new <- list(...)
  if (length(new) == 0L) return(opts)
  for (nm in names(new)) opts[[nm]] <- new[[nm]]
  options(emmeans = opts)
  invisible(opts)
}

get_emm_option <- function(x, default = emm_defaults[[x]]) {
  opts <- getOption("emmeans", list())
  if (is.null(opts[[x]])) default else opts[[x]]
}

# What a fitted model gives the grid: its coefficients and their covariance, the right-hand
# side of its fixed-effects formula, the data it was fitted to, and its degrees of freedom.
.emm_basis <- function(object, lmer.df) {
  if (inherits(object, "merMod")) {
    formula <- stats::formula(object, fixed.only = TRUE)
    data <- object$frame
    bhat <- lme4::fixef(object)
    V <- as.matrix(stats::vcov(object))
    misc <- list()
    dfargs <- list()
    if (inherits(object, "lmerMod")) {
      mode <- if (missing(lmer.df) || is.null(lmer.df)) get_emm_option("lmer.df") else lmer.df
      mode <- match.arg(tolower(mode), c("satterthwaite", "kenward-roger", "asymptotic"))
      N <- lme4::getME(object, "N")
      tooBig <- function(pkg, limit) message("Note: D.f. calculations have been", " disabled because the number of observations exceeds ",
                                             limit, ".\n", "To enable adjustments, add the argument '", pkg, ".limit = ", N,
                                             "' (or larger)\n", "[or, globally, 'set emm_options(", pkg, ".limit = ", N,
                                             ")' or larger];\n", "but be warned that this may result in large computation time and memory use.")
      if (mode == "kenward-roger") {
        if (get_emm_option("disable.pbkrtest") || N > get_emm_option("pbkrtest.limit")) mode <- "satterthwaite"
        if (!get_emm_option("disable.pbkrtest") && N > get_emm_option("pbkrtest.limit")) tooBig("pbkrtest", get_emm_option("pbkrtest.limit"))
      }
      if (mode == "satterthwaite") {
        if (get_emm_option("disable.lmerTest") || N > get_emm_option("lmerTest.limit"))
          mode <- if (!get_emm_option("disable.pbkrtest") && N <= get_emm_option("pbkrtest.limit")) "kenward-roger" else "asymptotic"
        if (!get_emm_option("disable.lmerTest") && N > get_emm_option("lmerTest.limit")) tooBig("lmerTest", get_emm_option("lmerTest.limit"))
      }
      if (mode == "kenward-roger") {
        dfargs <- list(unadjV = V, adjV = pbkrtest::vcovAdj(object, 0))
        V <- as.matrix(dfargs$adjV)
        attributes(V) <- attributes(V)[c("dim", "dimnames")]
        dffun <- function(k, dfargs) pbkrtest::Lb_ddf(k, dfargs$unadjV, dfargs$adjV)
      } else if (mode == "satterthwaite") {
        dfargs <- list(object = object)
        dffun <- function(k, dfargs) suppressMessages(lmerTest::calcSatterth(dfargs$object, k)$denom)
      } else {
        dffun <- function(k, dfargs) Inf
      }
      # emmeans keeps the method's name on dffun as an attribute; mlmd's functions carry no
      # attributes, so the grid holds it beside the function.
      misc$dfmesg <- mode
    } else {
      dffun <- function(k, dfargs) Inf
      misc <- .std_link_labels(stats::family(object), misc)
    }
  } else if (inherits(object, "lme")) {
    # nlme's fits: degrees of freedom by emmeans' containment method, from nlme's own
    # per-coefficient df (the intercept's from the groups of the outermost level).
    formula <- eval(object$call$fixed)
    data <- object$data
    if (!is.null(object$na.action)) data <- data[-object$na.action, , drop = FALSE]
    bhat <- object$coefficients$fixed
    V <- object$varFix
    if (object$method == "ML") V <- V * object$dims$N / (object$dims$N - nrow(V))
    dfx <- object$fixDF$X
    if (names(bhat)[1L] == "(Intercept)") dfx[1L] <- length(levels(object$groups[[1L]])) - 1
    dfargs <- list(dfx = dfx)
    dffun <- function(k, dfargs) {
      used <- which(abs(k) > 1e-04)
      if (length(used) > 0) min(dfargs$dfx[used]) else NA
    }
    misc <- list(dfmesg = "containment")
  } else if (inherits(object, "glm")) {
    formula <- stats::formula(object)
    data <- .recover_data(object)
    bhat <- stats::coef(object)
    V <- stats::vcov(object)
    fam <- stats::family(object)
    misc <- .std_link_labels(fam, list())
    dfargs <- list(df = if (fam$family %in% c("binomial", "poisson")) Inf else object$df.residual)
    dffun <- function(k, dfargs) dfargs$df
  } else if (inherits(object, "lm")) {
    formula <- stats::formula(object)
    data <- .recover_data(object)
    bhat <- stats::coef(object)
    V <- stats::vcov(object)
    misc <- list()
    dfargs <- list(df = object$df.residual)
    dffun <- function(k, dfargs) dfargs$df
  } else {
    stop(gettextf("Can't handle an object of class %s", dQuote(class(object)[1L])), call. = FALSE)
  }
  rhs <- formula[[length(formula)]]
  list(rhs = rhs, data = data, bhat = bhat, V = V, dffun = dffun, dfargs = dfargs, misc = misc)
}

# The data an lm or glm fit was fitted to, as emmeans' recover_data finds it (the call's data
# evaluated again), so that variables the formula transforms (factor(am)) are there as they
# were; the model frame when the call names none.
.recover_data <- function(object) {
  env <- environment(stats::formula(object))
  d <- if (is.null(env) || is.null(object$call$data)) NULL
       else tryCatch(eval(object$call$data, env), error = function(e) NULL)
  if (is.data.frame(d)) d else object$model
}

.std_link_labels <- function(fam, misc) {
  if (is.null(fam) || !is.list(fam) || fam$link == "identity") return(misc)
  misc$tran <- fam$link
  misc$inv.lbl <- if (grepl("binomial", fam$family)) "prob" else if (grepl("poisson", fam$family)) "rate" else "response"
  misc
}

# Numeric variables the formula turns into factors (factor(Days)): the grid takes each value.
.coerced_factors <- function(e) {
  found <- character(0)
  walk <- function(e) {
    if (!is.call(e)) return(invisible())
    f <- deparse(e[[1L]])
    if (f %in% c("factor", "as.factor", "ordered", "as.ordered") && length(e) >= 2L && is.name(e[[2L]]))
      found <<- c(found, as.character(e[[2L]]))
    else for (a in as.list(e)[-1L]) walk(a)
  }
  walk(e)
  unique(found)
}

ref_grid <- function(object, at, cov.reduce = mean, cov.keep = get_emm_option("cov.keep"), lmer.df, type, ...) {
  basis <- .emm_basis(object, if (missing(lmer.df)) NULL else lmer.df)
  rhs <- basis$rhs
  vars <- all.vars(rhs)
  coerced <- .coerced_factors(rhs)
  data <- basis$data
  levels <- list()
  for (v in vars) {
    x <- data[[v]]
    if (is.null(x)) stop(gettextf("variable '%s' is not in the data", v), call. = FALSE)
    if (!missing(at) && !is.null(at[[v]])) levels[[v]] <- at[[v]]
    else if (v %in% coerced && !is.factor(x)) levels[[v]] <- sort(unique(x[!is.na(x)]))
    else if (is.factor(x)) levels[[v]] <- levels(droplevels(x))
    else if (is.character(x) || is.logical(x)) levels[[v]] <- sort(unique(x[!is.na(x)]))
    else {
      x <- x[!is.na(x)]
      u <- sort(unique(x))
      keep <- suppressWarnings(as.numeric(cov.keep))
      levels[[v]] <- if (!is.na(keep) && length(u) <= keep) u else cov.reduce(x)
    }
  }
  grid <- do.call(expand.grid, c(levels, list(KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)))
  newdata <- grid
  for (v in vars) {
    x <- data[[v]]
    if (is.factor(x)) newdata[[v]] <- factor(grid[[v]], levels = levels(x), ordered = is.ordered(x))
    else if (is.character(x)) newdata[[v]] <- factor(grid[[v]], levels = levels[[v]])
  }
  X <- stats::model.matrix(eval(call("~", rhs)), newdata)
  bhat <- basis$bhat
  linfct <- matrix(0, nrow(X), length(bhat), dimnames = list(NULL, names(bhat)))
  common <- intersect(colnames(X), names(bhat))
  linfct[, common] <- X[, common, drop = FALSE]
  for (v in vars) if (is.factor(data[[v]]) || is.character(data[[v]])) grid[[v]] <- factor(grid[[v]], levels = levels[[v]])
  tt <- stats::terms(eval(call("~", rhs)))
  labels <- attr(tt, "term.labels")
  # Which variables each term involves (joint_tests reads it), rows named by the variables.
  factors <- attr(tt, "factors")
  if (length(factors)) row.names(factors) <- vapply(row.names(factors), function(v) all.vars(str2lang(v))[1], "")
  misc <- c(list(estName = "prediction", estType = "prediction", infer = c(FALSE, FALSE), level = 0.95,
                 adjust = "none", famSize = nrow(linfct), avgd.over = character(0), pri.vars = vars, by.vars = NULL),
            basis$misc)
  if (!missing(type)) misc$predict.type <- type
  structure(list(linfct = linfct, grid = grid, levels = levels, bhat = bhat, V = basis$V, dffun = basis$dffun,
                 dfargs = basis$dfargs, misc = misc, term.labels = labels, factors = factors, data = data), class = "emmGrid")
}

# "~ a | b" gives specs a and by b; "pairwise ~ a" asks for contrasts too.
.parse_by_formula <- function(form) {
  by <- character(0)
  lhs <- if (length(form) == 3L) all.vars(form[[2L]]) else character(0)
  rhs <- form[[length(form)]]
  if (is.call(rhs) && identical(rhs[[1L]], as.name("|"))) {
    by <- all.vars(rhs[[3L]])
    rhs <- rhs[[2L]]
  }
  # ~ 1 asks for the one overall mean.
  list(lhs = lhs, rhs = if (is.numeric(rhs) && identical(as.numeric(rhs), 1)) "1" else all.vars(rhs), by = by)
}

.some_term_contains <- function(facs, labels) {
  for (trm in labels) {
    if (all(vapply(facs, function(f) length(grep(f, trm)) > 0, logical(1))) &&
        length(all.vars(stats::as.formula(paste("~", trm)))) > length(facs)) return(TRUE)
  }
  FALSE
}

emmeans <- function(object, specs, by = NULL, contr, type, adjust, level, lmer.df, ...) {
  if (!inherits(object, "emmGrid")) {
    object <- if (missing(lmer.df)) ref_grid(object, ...) else ref_grid(object, lmer.df = lmer.df, ...)
  }
  if (inherits(specs, "formula")) {
    spc <- .parse_by_formula(specs)
    specs <- spc$rhs
    if (length(spc$by) > 0) by <- setdiff(union(spc$by, by), spc$rhs)
    if (length(spc$lhs) > 0) contr <- spc$lhs
  }
  RG <- object
  facs <- union(specs, by)
  if ("1" %in% facs) {
    RG$levels[["1"]] <- "overall"
    RG$grid[["1"]] <- 1
  }
  for (f in facs) if (is.null(RG$levels[[f]])) stop(paste("No variable named", f, "in the reference grid"))
  dims <- vapply(RG$levels, length, integer(1))
  row.idx <- array(seq_len(nrow(RG$linfct)), dims)
  use.mars <- match(facs, names(RG$levels))
  avgd.mars <- setdiff(seq_along(dims)[dims > 1], use.mars)
  levs <- RG$levels[facs]
  combs <- do.call(expand.grid, c(levs, list(KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)))
  for (f in facs) if (is.factor(RG$grid[[f]])) combs[[f]] <- factor(combs[[f]], levels = levels(RG$grid[[f]]))
  K <- apply(row.idx, use.mars, function(idx) apply(RG$linfct[idx, , drop = FALSE], 2, mean))
  linfct <- t(matrix(K, nrow = ncol(RG$linfct), dimnames = list(colnames(RG$linfct), NULL)))
  if (.some_term_contains(union(facs, RG$trend), RG$term.labels) && get_emm_option("msg.interaction"))
    message("NOTE: Results may be misleading due ", "to involvement in interactions")
  misc <- RG$misc
  misc$famSize <- nrow(linfct)
  if (misc$estName == "prediction") misc$estName <- "emmean"
  misc$adjust <- "none"
  misc$infer <- c(TRUE, FALSE)
  misc$pri.vars <- setdiff(facs, by)
  misc$by.vars <- by
  misc$avgd.over <- union(misc$avgd.over, names(RG$levels[avgd.mars]))
  misc$methDesc <- "emmeans"
  if (!missing(type)) misc$predict.type <- type
  if (!missing(adjust)) misc$adjust <- adjust
  if (!missing(level)) misc$level <- level
  result <- RG
  result$linfct <- linfct
  result$levels <- levs
  result$grid <- combs
  result$misc <- misc
  if (!missing(contr)) {
    ctrs <- contrast(result, method = contr, by = by)
    result <- structure(list(emmeans = result, contrasts = ctrs), class = "emm_list")
  }
  result
}

print.emmGrid <- function(x, ...) {
  print(summary(x, ...))
  invisible(x)
}

print.emm_list <- function(x, ...) {
  for (nm in names(x)) {
    cat(paste0("$", nm, "\n"))
    print(x[[nm]], ...)
    cat("\n")
  }
  invisible(x)
}
"""#)
}
