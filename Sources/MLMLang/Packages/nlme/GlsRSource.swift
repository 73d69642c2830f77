/// nlme's gls(): linear models with correlated or heteroscedastic errors (corAR1, corCompSymm;
/// varIdent), fitted by MixedModels' GeneralizedLeastSquares, with print, summary, anova,
/// logLik and the accessors. Written in R over the `gls_fit` kernel.
enum GlsRSource {
    static let source = RSource(functions: [
        "gls", "corAR1", "corCompSymm", "varIdent", "glsControl",
        "print.gls", "summary.gls", "print.summary.gls", "logLik.gls", "anova.gls", "coef.gls",
        "vcov.gls", "fitted.gls", "residuals.gls", "sigma.gls", "nobs.gls", "formula.gls",
        "print.corStruct", "print.varFunc",
    ], code: #"""
corAR1 <- function(value = 0, form = ~1, fixed = FALSE) {
  if (abs(value) >= 1) stop("parameter in AR(1) structure must be between -1 and 1")
  structure(list(value = value, form = form, fixed = fixed), class = c("corAR1", "corStruct"))
}

corCompSymm <- function(value = 0, form = ~1, fixed = FALSE) {
  if (value >= 1 || value <= -1) stop("parameter in \"corCompSymm\" structure must be < 1 in absolute value")
  structure(list(value = value, form = form, fixed = fixed), class = c("corCompSymm", "corStruct"))
}

varIdent <- function(value = numeric(0), form = ~1, fixed = NULL) {
  structure(list(value = value, form = form, fixed = fixed), class = c("varIdent", "varFunc"))
}

glsControl <- function(maxIter = 50L, msMaxIter = 200L, tolerance = 1e-06, msTol = 1e-07,
                       msVerbose = FALSE, singular.ok = FALSE, returnObject = FALSE, apVar = TRUE,
                       .relStep = .Machine$double.eps^(1/3), opt = c("nlminb", "optim"),
                       optimMethod = "BFGS", minAbsParApVar = 0.05, natural = TRUE, sigma = NULL) {
  list(maxIter = maxIter, msMaxIter = msMaxIter, tolerance = tolerance, msTol = msTol,
       msVerbose = msVerbose, singular.ok = singular.ok, returnObject = returnObject, apVar = apVar,
       .relStep = .relStep, opt = match.arg(opt), optimMethod = optimMethod,
       minAbsParApVar = minAbsParApVar, natural = natural, sigma = sigma)
}

# The grouping and the covariate of a structure's formula (~ t | g, ~ 1 | g, ~ t).
.gls_form_parts <- function(form) {
  rhs <- form[[length(form)]]
  if (is.call(rhs) && identical(rhs[[1L]], as.name("|"))) list(covariate = rhs[[2L]], group = rhs[[3L]])
  else list(covariate = rhs, group = NULL)
}

gls <- function(model, data, correlation = NULL, weights = NULL, subset,
                method = c("REML", "ML"), na.action = stats::na.fail, control = list(), verbose = FALSE) {
  Call <- match.call()
  method <- match.arg(method)
  if (!missing(subset)) stop("gls(subset = ) is not supported yet")
  if (!inherits(model, "formula") || length(model) != 3L)
    stop("\nmodel must be a formula of the form \"resp ~ pred\"")
  if (!is.null(correlation) && !inherits(correlation, c("corAR1", "corCompSymm")))
    stop("gls(correlation = ) other than corAR1 and corCompSymm is not supported yet")
  if (!is.null(weights) && !inherits(weights, "varIdent"))
    stop("gls(weights = ) other than varIdent is not supported yet")
  if (isTRUE(correlation$fixed) || length(weights$value)) stop("gls() with fixed or initial structure values is not supported yet")
  if (missing(data)) data <- parent.frame()
  env <- environment(model)
  corParts <- if (!is.null(correlation)) .gls_form_parts(correlation$form)
  varParts <- if (!is.null(weights)) .gls_form_parts(weights$form)
  vars <- unique(c(all.vars(model), all.vars(correlation$form), all.vars(weights$form)))
  rows <- .nlme_frame(vars, data, env, na.action)
  frame <- rows$frame
  naAct <- rows$na.action
  N <- nrow(frame)
  mf <- stats::model.frame(model, frame)
  X <- stats::model.matrix(model, frame)
  y <- eval(model[[2L]], frame, env)
  p <- ncol(X)

  group <- if (!is.null(corParts$group)) as.character(eval(corParts$group, frame, env)) else rep("1", N)
  groupIndex <- match(group, unique(group))
  covariate <- if (!is.null(corParts) && !identical(corParts$covariate, 1)) as.numeric(eval(corParts$covariate, frame, env))
               else .gls_positions(groupIndex)
  stratum <- if (!is.null(varParts$group)) as.character(eval(varParts$group, frame, env)) else rep("1", N)
  strata <- unique(stratum)
  corType <- if (is.null(correlation)) 0L else if (inherits(correlation, "corAR1")) 1L else 2L
  fit <- .Internal(gls_fit(X, y, groupIndex, covariate, match(stratum, strata), length(strata), corType, method == "REML"))

  beta <- structure(fit$beta, names = colnames(X))
  sigma <- fit$sigma
  unscaled <- matrix(fit$unscaled, p, p)
  # nlme's covariance of beta takes the residual variance on N - p degrees of freedom, by ML too.
  dof <- if (method == "ML") N else N - p
  varBeta <- matrix(fit$unscaled * sigma^2 * dof / (N - p), p, p, dimnames = list(colnames(X), colnames(X)))
  fitted <- structure(drop(X %*% beta), names = row.names(frame))
  ratios <- structure(fit$ratios, names = strata)
  residuals <- structure(y - fitted, names = row.names(frame), std = sigma * ratios[match(stratum, strata)])
  modelStruct <- list()
  if (!is.null(correlation)) {
    # With gaps in the positions within a group nlme fits AR(1) as the ARMA(1, 0) it is.
    if (inherits(correlation, "corAR1") && any(tapply(covariate, groupIndex, function(t) any(diff(sort(t)) != 1))))
      class(correlation) <- c("corARMA", "corStruct")
    correlation$estimate <- fit$correlation
    correlation$unconstrained <- fit$pars[1L]
    modelStruct$corStruct <- correlation
  }
  if (!is.null(weights)) {
    weights$estimate <- ratios
    modelStruct$varStruct <- weights
  }
  class(modelStruct) <- c("glsStruct", "modelStruct")
  R <- chol(solve(unscaled))
  structure(list(
    modelStruct = modelStruct,
    dims = list(N = N, p = p, REML = as.integer(method == "REML")),
    contrasts = lapply(mf[vapply(mf, is.factor, NA)], function(f) stats::contrasts(f)),
    coefficients = beta, varBeta = varBeta, sigma = sigma,
    apVar = "Approximate variance-covariance matrix not available",
    logLik = fit$logLik, numIter = 0L,
    groups = if (!is.null(corParts$group)) factor(group, levels = unique(group)),
    call = Call, method = method, fitted = fitted, residuals = residuals,
    parAssign = structure(split(seq_len(p), factor(attr(X, "assign"), labels = .gls_term_names(mf))),
                          varBetaFact = sigma * t(solve(R))),
    na.action = naAct, terms = attr(mf, "terms")),
    class = "gls")
}

# Each row's position among its group's rows, in the order they come (1, 2, ...).
.gls_positions <- function(groupIndex) {
  positions <- integer(length(groupIndex))
  positions[order(groupIndex)] <- unlist(lapply(tabulate(groupIndex), seq_len))
  positions
}

.gls_term_names <- function(mf) {
  tt <- attr(mf, "terms")
  c(if (attr(tt, "intercept") > 0) "(Intercept)", attr(tt, "term.labels"))
}

coef.gls <- function(object, ...) object$coefficients
vcov.gls <- function(object, ...) object$varBeta
sigma.gls <- function(object, ...) object$sigma
nobs.gls <- function(object, ...) object$dims$N
formula.gls <- function(x, ...) eval(x$call$model)

fitted.gls <- function(object, ...) {
  values <- object$fitted
  if (inherits(object$na.action, "exclude")) values <- stats::naresid(object$na.action, values)
  attr(values, "label") <- "Fitted values"
  values
}

residuals.gls <- function(object, type = c("response", "pearson", "normalized"), ...) {
  type <- match.arg(type)
  if (type == "normalized") stop("residuals(type = \"normalized\") of gls fits is not supported yet")
  values <- object$residuals
  std <- attr(values, "std")
  attributes(values) <- list(names = names(values))
  if (type == "pearson") values <- values / std
  if (inherits(object$na.action, "exclude")) values <- stats::naresid(object$na.action, values)
  attr(values, "label") <- if (type == "response") "Residuals" else "Standardized residuals"
  values
}

logLik.gls <- function(object, REML, ...) {
  p <- object$dims$p
  N <- object$dims$N
  method <- object$method
  if (missing(REML)) REML <- method == "REML"
  val <- object$logLik
  logDet <- 2 * sum(log(diag(chol(object$varBeta))))
  if (REML && method == "ML") val <- val + (p * (log(2 * pi) + 1) + (N - p) * log(1 - p / N) + logDet) / 2
  if (!REML && method == "REML") val <- val - (p * (log(2 * pi) + 1) + N * log(1 - p / N) + logDet) / 2
  npar <- length(object$modelStruct$corStruct$unconstrained) +
    max(0L, length(object$modelStruct$varStruct$estimate) - 1L)
  structure(val, class = "logLik", nall = N, nobs = N - REML * p, df = p + npar + 1)
}

print.corStruct <- function(x, ...) {
  kind <- class(x)[1L]
  cat("Correlation Structure: ", switch(kind, corAR1 = "AR(1)", corARMA = "ARMA(1,0)", "Compound symmetry"), "\n", sep = "")
  cat(" Formula:", deparse(x$form), "\n")
  cat(" Parameter estimate(s):\n")
  print(structure(x$estimate, names = switch(kind, corAR1 = "Phi", corARMA = "Phi1", "Rho")), ...)
  invisible(x)
}

print.varFunc <- function(x, ...) {
  cat("Variance function:\n")
  cat(" Structure: Different standard deviations per stratum\n")
  cat(" Formula:", deparse(x$form), "\n")
  cat(" Parameter estimates:\n")
  print(x$estimate, ...)
  invisible(x)
}

.gls_print_structures <- function(x) {
  if (!is.null(s <- x$modelStruct$corStruct)) print(s)
  if (!is.null(s <- x$modelStruct$varStruct)) print(s)
}

print.gls <- function(x, ...) {
  cat("Generalized least squares fit by ", if (x$method == "REML") "REML\n" else "maximum likelihood\n", sep = "")
  cat("  Model:", deparse(x$call$model), "\n")
  cat("  Data:", deparse(x$call$data), "\n")
  cat("  Log-", if (x$method == "REML") "restricted-" else "", "likelihood: ", format(x$logLik), "\n", sep = "")
  cat("\nCoefficients:\n")
  print(x$coefficients, ...)
  cat("\n")
  .gls_print_structures(x)
  cat("Degrees of freedom:", x$dims$N, "total;", x$dims$N - x$dims$p, "residual\n")
  cat("Residual standard error:", format(x$sigma), "\n")
  invisible(x)
}

summary.gls <- function(object, verbose = FALSE, ...) {
  stdBeta <- sqrt(diag(as.matrix(object$varBeta)))
  corBeta <- t(object$varBeta / stdBeta) / stdBeta
  beta <- object$coefficients
  dims <- object$dims
  dimnames(corBeta) <- list(names(beta), names(beta))
  object$corBeta <- corBeta
  tVal <- beta / stdBeta
  object$tTable <- cbind(Value = beta, Std.Error = stdBeta, `t-value` = tVal,
                         `p-value` = 2 * stats::pt(-abs(tVal), dims$N - dims$p))
  object <- .nlme_summary_fit(object)
  structure(object, verbose = verbose, class = c("summary.gls", class(object)))
}

print.summary.gls <- function(x, verbose = FALSE, digits = .Options$digits, ...) {
  dd <- x$dims
  cat("Generalized least squares fit by ", if (x$method == "REML") "REML\n" else "maximum likelihood\n", sep = "")
  cat("  Model:", deparse(x$call$model), "\n")
  cat("  Data:", deparse(x$call$data), "\n")
  print(data.frame(AIC = x$AIC, BIC = x$BIC, logLik = as.vector(x$logLik), row.names = " "), ...)
  cat("\n")
  if (length(x$modelStruct)) {
    .gls_print_structures(x)
    cat("\n")
  }
  cat("Coefficients:\n")
  .nlme_print_ttable(x$tTable, x$corBeta, "\n Correlation:", ...)
  cat("\nStandardized residuals:\n")
  print(x$residuals, ...)
  cat("\n")
  cat("Residual standard error:", format(x$sigma), "\n")
  cat("Degrees of freedom:", dd[["N"]], "total;", dd[["N"]] - dd[["p"]], "residual\n")
  invisible(x)
}

anova.gls <- function(object, ..., test = TRUE, type = c("sequential", "marginal"),
                      adjustSigma = TRUE, Terms, L, verbose = FALSE) {
  if (length(dots <- list(...)) > 0L) {
    args <- as.list(sys.call())[-1L]
    if (!is.null(names(args))) args <- args[names(args) %in% c("", "object")]
    return(.nlme_compare(c(list(object), dots), args, test, verbose))
  }
  if (!missing(Terms) || !missing(L)) stop("anova.gls(Terms = , L = ) is not supported yet")
  type <- match.arg(type)
  vFix <- attr(object$parAssign, "varBetaFact")
  N <- object$dims$N
  p <- object$dims$p
  if (adjustSigma && object$method == "ML") vFix <- sqrt(N / (N - p)) * vFix
  c0 <- solve(t(vFix), object$coefficients)
  assign <- object$parAssign
  nTerms <- length(assign)
  dDF <- N - p
  Fval <- Pval <- double(nTerms)
  nDF <- integer(nTerms)
  for (i in seq_len(nTerms)) {
    nDF[i] <- length(assign[[i]])
    c0i <- if (type == "sequential") c0[assign[[i]]]
           else c(qr.qty(qr(vFix[, assign[[i]], drop = FALSE]), c0))[seq_len(nDF[i])]
    Fval[i] <- sum(c0i^2) / nDF[i]
    Pval[i] <- 1 - stats::pf(Fval[i], nDF[i], dDF)
  }
  aod <- data.frame(numDF = nDF, `F-value` = Fval, `p-value` = Pval, check.names = FALSE)
  rownames(aod) <- names(assign)
  attr(aod, "rt") <- 1L
  attr(aod, "label") <- paste("Denom. DF:", dDF, "\n")
  class(aod) <- c("anova.lme", "data.frame")
  aod
}
"""#)
}
