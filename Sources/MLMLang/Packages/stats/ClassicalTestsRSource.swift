/// stats' cor.test() (Pearson's product-moment correlation) and chisq.test() (contingency
/// tables, with Yates' correction for 2 x 2, and goodness of fit), returning "htest" objects.
/// Written in R as R writes them.
enum ClassicalTestsRSource {
    static let source = RSource(functions: ["cor.test", "cor.test.default", "cor.test.formula", "chisq.test"], code: #"""
cor.test <- function(x, ...) UseMethod("cor.test")

cor.test.default <- function(x, y, alternative = c("two.sided", "less", "greater"),
                             method = c("pearson", "kendall", "spearman"), exact = NULL,
                             conf.level = 0.95, continuity = FALSE, ...) {
  alternative <- match.arg(alternative)
  method <- match.arg(method)
  dname <- paste(paste(deparse(substitute(x)), collapse = " "), "and", paste(deparse(substitute(y)), collapse = " "))
  if (!is.numeric(x)) stop("'x' must be a numeric vector")
  if (!is.numeric(y)) stop("'y' must be a numeric vector")
  if (length(x) != length(y)) stop("'x' and 'y' must have the same length")
  if (method != "pearson") stop(sprintf("cor.test(method = \"%s\") is not supported yet", method))
  ok <- !is.na(x) & !is.na(y)
  x <- x[ok]; y <- y[ok]
  n <- length(x)
  if (n < 3L) stop("not enough finite observations")
  df <- n - 2L
  r <- cor(x, y)
  statistic <- c(t = sqrt(df) * r / sqrt(1 - r^2))
  p.value <- switch(alternative,
    less = pt(statistic, df),
    greater = pt(statistic, df, lower.tail = FALSE),
    two.sided = 2 * min(pt(statistic, df), pt(statistic, df, lower.tail = FALSE)))
  value <- list(statistic = statistic, parameter = c(df = df), p.value = as.numeric(p.value),
                estimate = c(cor = r), null.value = c(correlation = 0), alternative = alternative,
                method = "Pearson's product-moment correlation", data.name = dname)
  if (n > 3) {
    if (!missing(conf.level) && (length(conf.level) != 1 || !is.finite(conf.level) || conf.level < 0 || conf.level > 1))
      stop("'conf.level' must be a single number between 0 and 1")
    z <- atanh(r)
    sigma <- 1 / sqrt(n - 3)
    cint <- switch(alternative,
      less = c(-Inf, z + sigma * qnorm(conf.level)),
      greater = c(z - sigma * qnorm(conf.level), Inf),
      two.sided = z + c(-1, 1) * sigma * qnorm((1 + conf.level) / 2))
    cint <- tanh(cint)
    attr(cint, "conf.level") <- conf.level
    value$conf.int <- cint
  }
  class(value) <- "htest"
  value
}

cor.test.formula <- function(formula, data, subset, na.action, ...) {
  if (missing(formula) || !inherits(formula, "formula") || length(formula) != 2L) stop("'formula' missing or invalid")
  vars <- all.vars(formula[[2L]])
  if (length(vars) != 2L) stop("invalid formula")
  env <- environment(formula)
  x <- eval(as.name(vars[1L]), if (missing(data)) env else data, env)
  y <- eval(as.name(vars[2L]), if (missing(data)) env else data, env)
  value <- cor.test.default(x, y, ...)
  value$data.name <- paste(vars, collapse = " and ")
  value
}

# A contingency table (a matrix, or two factors) against independence, with Yates' correction
# for a 2 x 2 table; or counts against given probabilities.
chisq.test <- function(x, y = NULL, correct = TRUE, p = rep(1 / length(x), length(x)), rescale.p = FALSE,
                       simulate.p.value = FALSE, B = 2000) {
  if (simulate.p.value) stop("chisq.test(simulate.p.value = TRUE) is not supported yet")
  dname <- paste(deparse(substitute(x)), collapse = " ")
  if (is.data.frame(x)) x <- as.matrix(x)
  if (is.matrix(x)) {
    if (min(dim(x)) == 1L) x <- as.vector(x)
  }
  if (!is.matrix(x) && !is.null(y)) {
    if (length(x) != length(y)) stop("'x' and 'y' must have the same length")
    dname2 <- paste(deparse(substitute(y)), collapse = " ")
    labels <- c(dname, dname2)
    dname <- paste(dname, "and", dname2)
    ok <- !is.na(x) & !is.na(y)
    x <- factor(x[ok]); y <- factor(y[ok])
    if (nlevels(x) < 2L || nlevels(y) < 2L) stop("'x' and 'y' must have at least 2 levels")
    x <- table(x, y)
    dimnames(x) <- structure(dimnames(x), names = labels)
  }
  if (any(x < 0) || anyNA(x)) stop("all entries of 'x' must be nonnegative and finite")
  if ((n <- sum(x)) == 0) stop("at least one entry of 'x' must be positive")
  if (is.matrix(x)) {
    method <- "Pearson's Chi-squared test"
    sr <- rowSums(x); sc <- colSums(x)
    E <- outer(sr, sc) / n
    V <- outer(sr, sc, function(r, c) c * r * (n - r) * (n - c) / n^3)
    dimnames(E) <- dimnames(x)
    yates <- 0
    if (correct && nrow(x) == 2L && ncol(x) == 2L) {
      yates <- min(0.5, abs(x - E))
      if (yates > 0) method <- paste(method, "with Yates' continuity correction")
    }
    statistic <- sum((abs(x - E) - yates)^2 / E)
    parameter <- (nrow(x) - 1L) * (ncol(x) - 1L)
  } else {
    if (length(dim(x)) > 2L) stop("invalid 'x'")
    if (length(x) == 1L) stop("'x' must at least have 2 elements")
    if (length(x) != length(p)) stop("'x' and 'p' must have the same number of elements")
    if (any(p < 0)) stop("probabilities must be non-negative.")
    if (abs(sum(p) - 1) > sqrt(.Machine$double.eps)) {
      if (rescale.p) p <- p / sum(p) else stop("probabilities must sum to 1.")
    }
    method <- "Chi-squared test for given probabilities"
    E <- n * p
    V <- n * p * (1 - p)
    statistic <- sum((x - E)^2 / E)
    names(E) <- names(x)
    parameter <- length(x) - 1
  }
  p.value <- pchisq(statistic, parameter, lower.tail = FALSE)
  if (any(E < 5) && is.finite(parameter)) warning("Chi-squared approximation may be incorrect")
  names(statistic) <- "X-squared"
  names(parameter) <- "df"
  structure(list(statistic = statistic, parameter = parameter, p.value = p.value, method = method,
                 data.name = dname, observed = x, expected = E, residuals = (x - E) / sqrt(E),
                 stdres = (x - E) / sqrt(V)), class = "htest")
}
"""#)
}
