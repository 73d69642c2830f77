/// lme4's lmList, written in R as lme4 writes it: `y ~ x | g` fits one lm (or glm, with a family)
/// per level of g, kept as a list of fits of class "lmList4" with the call, the grouping factor
/// and whether the residual variance is pooled; coef() gives a data frame of the coefficients by
/// group, and print shows it with the pooled residual standard error.
enum LmListRSource {
    static let source = RSource(functions: ["lmList", "coef.lmList4", "print.lmList4", "fixef.lmList4", "sigma.lmList4"], code: #"""
lmList <- function(formula, data, family, subset, weights, na.action, offset, pool = TRUE, warn = TRUE, ...) {
  stopifnot(inherits(formula, "formula"))
  mCall <- match.call()
  rhs <- formula[[length(formula)]]
  if (!is.call(rhs) || !identical(rhs[[1L]], as.name("|")))
    stop("'formula' must be of the form \"resp ~ pred | cond\"")
  model <- if (length(formula) == 3L) call("~", formula[[2L]], rhs[[2L]]) else call("~", rhs[[2L]])
  model <- eval(model)
  environment(model) <- environment(formula)
  if (!missing(subset)) data <- data[eval(substitute(subset), data, parent.frame()), , drop = FALSE]
  groups <- eval(rhs[[3L]], data, environment(formula))
  if (!is.factor(groups)) groups <- factor(groups)
  isGLM <- !missing(family)
  fitOne <- function(d) {
    tryCatch(if (isGLM) stats::glm(model, family = family, data = d) else stats::lm(model, data = d),
             error = function(e) NULL)
  }
  frm.split <- split(data, groups)
  val <- lapply(frm.split, fitOne)
  failed <- vapply(val, is.null, logical(1))
  if (warn && any(failed)) warning("Fitting failed for ", sum(failed), " group(s)", domain = NA)
  structure(val, call = mCall, pool = pool, groups = groups,
            origOrder = match(unique(as.character(groups)), names(frm.split)), class = "lmList4")
}

coef.lmList4 <- function(object, augFrame = FALSE, ...) {
  fits <- unclass(object)
  coefs <- lapply(fits, function(f) if (is.null(f)) NULL else stats::coef(f))
  cn <- unique(unlist(lapply(coefs, names)))
  m <- matrix(NA_real_, length(fits), length(cn), dimnames = list(names(fits), cn))
  for (i in seq_along(coefs)) if (!is.null(coefs[[i]])) m[i, names(coefs[[i]])] <- coefs[[i]]
  out <- as.data.frame(m, optional = TRUE)
  names(out) <- cn
  out
}

fixef.lmList4 <- function(object, ...) colMeans(stats::coef(object), na.rm = TRUE)

# The pooled residual standard deviation: the residual sums of squares over the residual degrees of freedom.
sigma.lmList4 <- function(object, ...) {
  fits <- Filter(Negate(is.null), unclass(object))
  rss <- sum(vapply(fits, function(f) sum(stats::residuals(f)^2), numeric(1)))
  df <- sum(vapply(fits, function(f) f$df.residual, numeric(1)))
  sqrt(rss / df)
}

print.lmList4 <- function(x, pool = attr(x, "pool"), ...) {
  cat("Call:", deparse(attr(x, "call")), "\n")
  cat("Coefficients:\n")
  print(stats::coef(x), ...)
  if (pool) {
    fits <- Filter(Negate(is.null), unclass(x))
    total <- sum(vapply(fits, function(f) length(stats::residuals(f)), numeric(1)))
    resid <- sum(vapply(fits, function(f) f$df.residual, numeric(1)))
    cat("\n")
    cat("Degrees of freedom: ", total, " total; ", resid, " residual\n", sep = "")
    cat("Residual standard error: ", format(sigma.lmList4(x)), "\n", sep = "")
  }
  invisible(x)
}
"""#)
}
