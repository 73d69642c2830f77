/// nlme's lme(): linear mixed-effects models with nested random effects, each level a general
/// positive-definite covariance (nlme's default pdLogChol). The model is the one lmer fits with a
/// term (form | g) per level, so the numbers come from the same core (MixedModels'
/// LinearMixedModel), with BOBYQA's tolerances tightened so that it stops at the optimum, and
/// the result is a list of class "lme" with nlme's components. Written in R.
/// varIdent weights are fitted with θ by a kernel. Not yet: correlation structures, other
/// variance functions, pdMat classes other than pdLogChol, subset.
enum LmeFitRSource {
    static let source = RSource(functions: ["lme", "lme.formula"], code: #"""
lme <- function(fixed, data, random, ...) UseMethod("lme")

lme.formula <- function(fixed, data, random, correlation = NULL, weights = NULL, subset,
                method = c("REML", "ML"), na.action = stats::na.fail, control = list(),
                contrasts = NULL, keep.data = TRUE) {
  Call <- match.call()
  Call[[1L]] <- as.name("lme.formula")
  if (!inherits(fixed, "formula") || length(fixed) != 3L)
    stop("\nfixed-effects model must be a formula of the form \"resp ~ pred\"")
  method <- match.arg(method)
  if (!is.null(correlation)) stop("lme(correlation = ) is not supported yet")
  if (!is.null(weights) && !inherits(weights, "varIdent"))
    stop("lme(weights = ) other than varIdent is not supported yet")
  if (length(weights$value)) stop("lme() with initial varIdent values is not supported yet")
  if (!missing(subset)) stop("lme(subset = ) is not supported yet")
  if (missing(data)) data <- parent.frame()
  env <- environment(fixed)
  levels <- .lme_levels(if (missing(random)) NULL else random, fixed, data)
  # Without a random argument nlme takes the effects of the fixed formula as a pdSymm.
  pdClass <- if (missing(random)) c("pdSymm", "pdMat") else c("pdLogChol", "pdSymm", "pdMat")
  Q <- length(levels$names)

  # The rows every variable of the model is observed in, as na.action decides.
  vars <- unique(c(all.vars(fixed), unlist(lapply(levels$forms, all.vars)),
                   unlist(lapply(levels$groups, all.vars)), all.vars(weights$form)))
  rows <- .nlme_frame(vars, data, env, na.action)
  frame <- rows$frame
  naAct <- rows$na.action
  N <- nrow(frame)

  # Grouping factors, outermost first; an inner level's groups are labelled outer/inner.
  raw <- lapply(levels$groups, function(g) {
    v <- eval(g[[2L]], frame, env)
    if (is.factor(v)) droplevels(v) else factor(v)
  })
  sorted <- do.call(order, unname(raw))
  labels <- lapply(seq_len(Q), function(q)
    if (q == 1L) as.character(raw[[1L]]) else do.call(paste, c(lapply(raw[1:q], as.character), sep = "/")))
  fitGroups <- lapply(labels, function(l) factor(l, levels = unique(l[sorted])))
  groups <- lapply(seq_len(Q), function(q) if (q == 1L) raw[[1L]] else factor(labels[[q]]))
  groups <- structure(groups, names = levels$names, row.names = row.names(frame), class = "data.frame")

  # The fit is of the response less its mean when the model has an intercept: the same
  # likelihood, but the core's crossproducts keep their precision when the mean is large
  # against the residual spread (heights near 150 cm varying by 0.7), as nlme's digits need.
  y <- eval(fixed[[2L]], frame, env)
  shift <- if (attr(stats::terms(fixed), "intercept") == 1L) mean(y) else 0
  fitFrame <- frame
  fitFrame$.lme.response <- y - shift
  groupVars <- paste0(".lme.group", seq_len(Q))
  for (q in seq_len(Q)) fitFrame[[groupVars[q]]] <- fitGroups[[q]]
  bars <- vapply(seq_len(Q), function(q)
    paste0("(", deparse(levels$forms[[q]][[2L]]), " | ", groupVars[q], ")"), "")
  lmerFormula <- stats::as.formula(paste(".lme.response ~", paste(deparse(fixed[[3L]]), collapse = ""),
                                         "+", paste(bars, collapse = " + ")), env = env)
  fit <- suppressMessages(lme4::lmer(lmerFormula, data = fitFrame, REML = method == "REML",
           control = lme4::lmerControl(optCtrl = list(xtol_rel = 1e-12, ftol_abs = 1e-13, xtol_abs = 1e-12),
                                       calc.derivs = FALSE)))

  # varIdent: a residual standard deviation per stratum, fitted with θ by the kernel.
  stratumCodes <- NULL
  if (!is.null(weights)) {
    stratumExpr <- weights$form[[length(weights$form)]]
    if (!(is.call(stratumExpr) && identical(stratumExpr[[1L]], as.name("|"))))
      stop("lme(weights = varIdent(form = ~ x)) without strata is not supported yet")
    stratum <- as.character(eval(stratumExpr[[3L]], frame, env))
    strata <- unique(stratum)
    stratumCodes <- match(stratum, strata)
    logRatios <- if (length(strata) > 1L) .Internal(lme_stratum_fit(fit, stratumCodes, length(strata))) else double(0)
    weights$estimate <- structure(c(1, exp(logRatios)), names = strata)
    weights$unconstrained <- logRatios
  }

  mf <- stats::model.frame(fixed, frame)
  X <- stats::model.matrix(fixed, frame, contrasts.arg = contrasts)
  beta <- lme4::fixef(fit)
  p <- length(beta)
  if (p != ncol(X)) stop("Singularity in backsolve at level 0, block 1")
  names(beta) <- colnames(X)
  if (shift != 0) beta[["(Intercept)"]] <- beta[["(Intercept)"]] + shift
  varFix <- as.matrix(stats::vcov(fit))
  dimnames(varFix) <- list(colnames(X), colnames(X))
  sigma <- stats::sigma(fit)

  re <- lme4::ranef(fit)
  vc <- lme4::VarCorr(fit)
  random <- list()
  covariances <- list()
  fitted <- matrix(0, N, Q + 1L, dimnames = list(row.names(frame), c("fixed", levels$names)))
  current <- drop(X %*% beta)
  fitted[, 1L] <- current
  for (q in seq_len(Q)) {
    b <- as.matrix(re[[groupVars[q]]])
    rownames(b) <- levels(fitGroups[[q]])
    random[[levels$names[q]]] <- b
    cv <- as.matrix(vc[[groupVars[q]]])
    attr(cv, "stddev") <- NULL
    attr(cv, "correlation") <- NULL
    dimnames(cv) <- list(colnames(b), colnames(b))
    covariances[[levels$names[q]]] <- cv
    Z <- stats::model.matrix(levels$forms[[q]], frame)
    current <- current + rowSums(Z * b[as.integer(fitGroups[[q]]), , drop = FALSE])
    fitted[, q + 1L] <- current
  }
  residuals <- y - fitted
  attr(residuals, "std") <- if (is.null(stratumCodes)) rep(sigma, N) else sigma * weights$estimate[stratumCodes]

  reStruct <- structure(lapply(rev(seq_len(Q)), function(q)
    structure(list(cov = covariances[[q]] / sigma^2, formula = levels$forms[[q]]),
              class = pdClass)), names = rev(levels$names))
  ngrps <- vapply(fitGroups, nlevels, 1L)
  qs <- vapply(random, ncol, 1L)
  dims <- list(N = N, Q = Q,
               qvec = structure(c(rev(qs), 0, 0), names = c(rev(levels$names), "", "")),
               ngrps = structure(c(rev(ngrps), 1L, 1L), names = c(rev(levels$names), "X", "y")),
               ncol = structure(c(rev(qs), p, 1), names = c(rev(levels$names), "", "")))
  Terms <- attr(mf, "terms")
  fixDF <- .lme_fixDF(X, groups, ngrps, attr(X, "assign"), Terms)
  R <- chol(sigma^2 * solve(varFix))
  vFix <- sigma * t(solve(R))
  dimnames(vFix) <- list(colnames(X), colnames(X))
  attr(fixDF, "varFixFact") <- vFix
  contr <- lapply(mf[vapply(mf, is.factor, NA)], function(f) stats::contrasts(f))

  object <- structure(list(
    # The lmer fit stays with the model structure: intervals' apVar evaluates it elsewhere.
    modelStruct = structure(c(list(reStruct = structure(reStruct, class = "reStruct")),
                              if (!is.null(weights)) list(varStruct = weights)),
                            class = c("lmeStruct", "modelStruct"), fit = fit, strata = stratumCodes),
    dims = dims, contrasts = contr,
    coefficients = list(fixed = beta, random = random),
    varFix = varFix, sigma = sigma,
    apVar = NULL,
    logLik = as.numeric(stats::logLik(fit)), numIter = NULL,
    groups = groups, call = Call, terms = Terms, method = method,
    fitted = fitted, residuals = residuals, fixDF = fixDF, na.action = naAct,
    data = if (keep.data && !is.environment(data)) data else NULL),
    class = "lme")
  attr(object, "units") <- if (!is.environment(data)) attr(data, "units")
  object$apVar <- .lme_apVar(object)
  object
}

# The levels of a random specification, outermost first: their names, the one-sided formula of
# each level's effects and a one-sided formula of its grouping variable.
.lme_levels <- function(random, fixed, data) {
  split <- function(g) {
    if (is.call(g) && identical(g[[1L]], as.name("/"))) c(split(g[[2L]]), split(g[[3L]])) else list(g)
  }
  fromGroupedData <- function() {
    gf <- attr(data, "formula")
    if (is.null(gf)) stop("'random' must be a formula of the form ~ x | g, or a list of them")
    split(gf[[3L]][[3L]])
  }
  oneSided <- function(e) eval(call("~", e))
  if (is.null(random)) random <- eval(call("~", fixed[[3L]]))
  if (inherits(random, "formula")) {
    rhs <- random[[length(random)]]
    if (is.call(rhs) && identical(rhs[[1L]], as.name("|"))) {
      groups <- split(rhs[[3L]])
      form <- oneSided(rhs[[2L]])
    } else {
      groups <- fromGroupedData()
      form <- oneSided(rhs)
    }
    forms <- rep(list(form), length(groups))
  } else if (is.list(random)) {
    if (any(vapply(random, function(el) inherits(el, "pdMat"), NA)))
      stop("lme(random = ) with pdMat classes is not supported yet")
    if (is.null(names(random)) || any(names(random) == "")) {
      groups <- lapply(random, function(el) el[[2L]][[3L]])
      forms <- lapply(random, function(el) oneSided(el[[2L]][[2L]]))
    } else {
      groups <- lapply(names(random), as.name)
      forms <- lapply(random, function(el) {
        rhs <- el[[length(el)]]
        if (is.call(rhs) && identical(rhs[[1L]], as.name("|"))) oneSided(rhs[[2L]]) else oneSided(rhs)
      })
    }
  } else stop("incompatible formulas for groups in 'random' and 'correlation'")
  names <- vapply(groups, function(g) paste(deparse(g), collapse = ""), "")
  list(names = names, forms = unname(forms), groups = lapply(groups, oneSided))
}

# nlme's denominator degrees of freedom: each coefficient (and term) is estimated at the
# innermost level within whose groups it varies; the df of a level are its groups less those of
# the level above, less the coefficients estimated there.
.lme_fixDF <- function(X, grps, ngrps, assign, terms) {
  namTerms <- attr(terms, "term.labels")
  if (attr(terms, "intercept") > 0) namTerms <- c("(Intercept)", namTerms)
  assign <- split(seq_along(assign), factor(assign, labels = namTerms))
  assign <- assign[namTerms]
  N <- nrow(X); p <- ncol(X); Q <- ncol(grps)
  constant <- function(x) {
    tol <- sqrt(.Machine$double.eps)
    all(abs(if (x[1L] == 0) x else x / x[1L] - 1) < tol)
  }
  strata <- c(names(grps), "Residual")
  dfX <- dfTerms <- structure(c(ngrps, N) - c(0, ngrps), names = strata)
  valX <- structure(double(p), names = colnames(X))
  valTerms <- structure(double(length(assign)), names = names(assign))
  notIntX <- !apply(X, 2, constant)
  notIntTerms <- vapply(assign, function(el) any(notIntX[el]), NA)
  if (any(notIntX)) {
    # The share of groups of each level within which a column varies.
    inner <- vapply(seq_len(Q), function(q) {
      g <- as.character(grps[[q]])
      firstRow <- match(g, g)
      groups <- length(unique(g))
      apply(X, 2, function(x) length(unique(g[x != x[firstRow]])) / groups)
    }, double(p))
    inner <- cbind(1, matrix(inner, p, Q))
    stratX <- strata[apply(inner, 1, function(el) max(which(el > 0)))]
    stratTerms <- strata[vapply(assign, function(el) max(match(stratX[el], strata)), 1L)][notIntTerms]
    stratX <- stratX[notIntX]
    xDF <- table(stratX)
    dfX[names(xDF)] <- dfX[names(xDF)] - xDF
    if (!all(notIntX)) dfX[1L] <- dfX[1L] - 1L else dfX[-1L] <- dfX[-1L] + 1L
    valX[notIntX] <- dfX[stratX]
    pTerms <- lengths(assign)[notIntTerms]
    tDF <- tapply(pTerms, stratTerms, sum)
    dfTerms[names(tDF)] <- dfTerms[names(tDF)] - tDF
    if (!all(notIntTerms)) dfTerms[1L] <- dfTerms[1L] - 1L else dfTerms[-1L] <- dfTerms[-1L] + 1L
    valTerms[notIntTerms] <- dfTerms[stratTerms]
  }
  if (!all(notIntX)) {
    valX[!notIntX] <- max(dfX)
    if (!all(notIntTerms)) valTerms[!notIntTerms] <- max(dfTerms)
  }
  structure(list(X = valX, terms = valTerms), assign = assign)
}
"""#)
}
