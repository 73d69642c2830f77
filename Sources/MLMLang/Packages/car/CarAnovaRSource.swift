/// car's Anova, written in R as car writes it: each term's hypothesis that its coefficients are
/// zero (type III), or, for type II, the part of that hypothesis orthogonal (in the coefficients'
/// covariance) to the hypotheses of the terms containing it (car's relatives and ConjComp). An lm
/// fit gets sums of squares and F tests against the residual mean square; an lmer fit Wald
/// chi-square tests, or with test.statistic = "F" pbkrtest's Kenward-Roger F tests.
enum CarAnovaRSource {
    static let source = RSource(functions: ["Anova", "Anova.lm", "Anova.merMod"], code: #"""
Anova <- function(mod, ...) UseMethod("Anova")

.relatives <- function(term, names, factors) {
  is.relative <- function(term1, term2) all(!(factors[, term1] & (!factors[, term2])))
  if (length(names) == 1) return(NULL)
  which.term <- which(term == names)
  (1:length(names))[-which.term][vapply(names[-which.term], function(term2) is.relative(term, term2), logical(1))]
}

# The columns of Z orthogonal, in the inner product ip, to the columns of X.
.conj_comp <- function(X, Z = diag(nrow(X)), ip = diag(nrow(X))) {
  xq <- qr(t(Z) %*% ip %*% X)
  if (xq$rank == 0) return(Z)
  Z %*% qr.Q(xq, complete = TRUE)[, -(1:xq$rank), drop = FALSE]
}

# The hypothesis matrix of each term: type III its own coefficients, type II those orthogonal
# to the terms that contain it.
.term_hypotheses <- function(type, names, assign, factors, V, intercept) {
  p <- ncol(V)
  I.p <- diag(p)
  terms <- if (type == 3 && intercept) c("(Intercept)", names) else names
  lapply(seq_along(terms), function(i) {
    if (type == 3) {
      subs <- which(assign == i - intercept)
      return(I.p[subs, , drop = FALSE])
    }
    term <- terms[i]
    subs.term <- which(assign == which(term == names))
    subs.relatives <- NULL
    for (relative in .relatives(term, names, factors)) subs.relatives <- c(subs.relatives, which(assign == relative))
    h1 <- I.p[subs.relatives, , drop = FALSE]
    h2 <- I.p[c(subs.relatives, subs.term), , drop = FALSE]
    h <- if (nrow(h1) == 0) h2 else t(.conj_comp(t(h1), t(h2), V))
    h[!apply(h, 1, function(x) all(x == 0)), , drop = FALSE]
  })
}

.wald <- function(L, b, V) {
  value <- L %*% b
  as.vector(t(value) %*% solve(L %*% V %*% t(L)) %*% value)
}

.type_number <- function(type) {
  type <- as.character(type)
  if (type %in% c("2", "II")) 2 else if (type %in% c("3", "III")) 3
  else stop("'arg' should be one of \"II\", \"III\", \"2\", \"3\"")
}

.response_name <- function(mod) deparse(attr(stats::terms(mod), "variables")[[2]])

Anova.lm <- function(mod, error, type = c("II", "III", 2, 3), white.adjust = c(FALSE, TRUE, "hc3", "hc0", "hc1", "hc2", "hc4"),
                     vcov. = NULL, singular.ok, ...) {
  type <- .type_number(type[1])
  b <- stats::coef(mod)
  if (any(is.na(b))) stop("there are aliased coefficients in the model")
  V <- stats::vcov(mod)
  tt <- stats::terms(mod)
  names <- attr(tt, "term.labels")
  intercept <- attr(tt, "intercept") == 1
  assign <- if (!is.null(mod$assign)) mod$assign else attr(stats::model.matrix(mod), "assign")
  s2 <- sum(stats::residuals(mod)^2) / mod$df.residual
  hyps <- .term_hypotheses(type, names, assign, attr(tt, "factors"), V, intercept)
  SS <- vapply(hyps, function(L) .wald(L, b, V) * s2, numeric(1))
  df <- vapply(hyps, nrow, integer(1))
  rdf <- mod$df.residual
  f <- (SS / df) / s2
  p <- stats::pf(f, df, rdf, lower.tail = FALSE)
  result <- data.frame(c(SS, s2 * rdf), c(df, rdf), c(f, NA), c(p, NA))
  row.names(result) <- c(if (type == 3 && intercept) "(Intercept)", names, "Residuals")
  names(result) <- c("Sum Sq", "Df", "F value", "Pr(>F)")
  class(result) <- c("anova", "data.frame")
  attr(result, "heading") <- c(paste0("Anova Table (Type ", if (type == 2) "II" else "III", " tests)\n"),
                               paste("Response:", .response_name(mod)))
  result
}

Anova.merMod <- function(mod, type = c("II", "III", 2, 3), test.statistic = c("Chisq", "F"), vcov. = stats::vcov(mod),
                         singular.ok, ...) {
  type <- .type_number(type[1])
  test <- match.arg(test.statistic)
  if (test == "F" && !inherits(mod, "lmerMod")) stop("F test available only for linear mixed models")
  b <- lme4::fixef(mod)
  V <- as.matrix(vcov.)
  if (test == "F") {
    if (!lme4::isREML(mod)) stop("F test available only for linear mixed model fit by REML")
    V <- as.matrix(pbkrtest::vcovAdj(mod, details = 0))
    attributes(V) <- attributes(V)[c("dim", "dimnames")]
  }
  tt <- stats::terms(mod)
  names <- attr(tt, "term.labels")
  intercept <- attr(tt, "intercept") == 1
  assign <- attr(lme4::getME(mod, "X"), "assign")
  hyps <- .term_hypotheses(type, names, assign, attr(tt, "factors"), V, intercept)
  rows <- c(if (type == 3 && intercept) "(Intercept)", names)
  kind <- if (type == 2) "II" else "III"
  if (test == "Chisq") {
    chisq <- vapply(hyps, function(L) .wald(L, b, V), numeric(1))
    df <- vapply(hyps, nrow, integer(1))
    result <- data.frame(chisq, df, stats::pchisq(chisq, df, lower.tail = FALSE))
    names(result) <- c("Chisq", "Df", "Pr(>Chisq)")
    heading <- paste0("Analysis of Deviance Table (Type ", kind, " Wald chisquare tests)\n")
  } else {
    tests <- lapply(hyps, function(L) .Internal(kr_ftest(mod, L)))
    F <- vapply(tests, function(x) x$F, numeric(1))
    df <- vapply(tests, function(x) as.numeric(x$ndf), numeric(1))
    ddf <- vapply(tests, function(x) x$ddf, numeric(1))
    result <- data.frame(F, df, ddf, stats::pf(F, df, ddf, lower.tail = FALSE))
    names(result) <- c("F", "Df", "Df.res", "Pr(>F)")
    heading <- paste0("Analysis of Deviance Table (Type ", kind, " Wald F tests with Kenward-Roger df)\n")
  }
  row.names(result) <- rows
  class(result) <- c("anova", "data.frame")
  attr(result, "heading") <- c(heading, paste("Response:", .response_name(mod)))
  result
}
"""#)
}
