/// stats' cor.test() (Pearson's product-moment correlation; Kendall's tau and Spearman's
/// rho, exact for small samples without ties), chisq.test() (contingency
/// tables, with Yates' correction for 2 x 2, and goodness of fit), binom.test() (exact, with
/// Clopper-Pearson intervals), prop.test() (proportions, with Wilson's score interval and
/// Yates' correction) and var.test() (the F test), returning "htest" objects.
/// Written in R as R writes them.
enum ClassicalTestsRSource {
    static let source = RSource(functions: ["cor.test", "cor.test.default", "cor.test.formula", "chisq.test", "binom.test", "prop.test",
                                            "var.test", "var.test.default", "var.test.formula"], code: #"""
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
  ok <- complete.cases(x, y)
  x <- x[ok]; y <- y[ok]
  n <- length(x)
  if (method != "pearson") return(.rank.cor.test(x, y, n, method, alternative, exact, continuity, dname))
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

# Kendall's tau and Spearman's rho: exact null distributions for small samples without ties
# (kernels pKendall and pRho), normal or t approximations otherwise.
.rank.cor.test <- function(x, y, n, method, alternative, exact, continuity, dname) {
  if (n < 2) stop("not enough finite observations")
  ties <- min(length(unique(x)), length(unique(y))) < n
  two.sided <- function(lower, upper, centre, q) min(1, 2 * (if (q > centre) upper else lower))
  p.normal <- function(z) switch(alternative, less = pnorm(z), greater = pnorm(z, lower.tail = FALSE),
                                 two.sided = 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE)))
  if (method == "kendall") {
    title <- "Kendall's rank correlation tau"
    null <- c(tau = 0)
    r <- cor(x, y, method = "kendall")
    estimate <- c(tau = r)
    if (!is.finite(estimate)) {
      estimate[] <- NA; statistic <- c(T = NA); p.value <- NA
    } else {
      if (is.null(exact)) exact <- n < 50
      if (exact && !ties) {
        q <- round((r + 1) * n * (n - 1) / 4)
        statistic <- c(T = q)
        p <- function(q) .Internal(pKendall(q, n))
        p.value <- switch(alternative,
          two.sided = if (q > n * (n - 1) / 4) min(1, 2 * (1 - p(q - 1))) else min(1, 2 * p(q)),
          greater = 1 - p(q - 1), less = p(q))
      } else {
        # The variance of S under ties (Kendall 1970, ch. 4).
        xt <- table(x[duplicated(x)]) + 1
        yt <- table(y[duplicated(y)]) + 1
        pairs <- n * (n - 1) / 2
        S <- r * sqrt((pairs - sum(xt * (xt - 1)) / 2) * (pairs - sum(yt * (yt - 1)) / 2))
        var.S <- (n * (n - 1) * (2 * n + 5) - sum(xt * (xt - 1) * (2 * xt + 5)) - sum(yt * (yt - 1) * (2 * yt + 5))) / 18 +
          sum(xt * (xt - 1)) * sum(yt * (yt - 1)) / (2 * n * (n - 1)) +
          sum(xt * (xt - 1) * (xt - 2)) * sum(yt * (yt - 1) * (yt - 2)) / (9 * n * (n - 1) * (n - 2))
        if (exact && ties) warning("Cannot compute exact p-value with ties")
        if (continuity) S <- sign(S) * (abs(S) - 1)
        statistic <- c(z = S / sqrt(var.S))
        p.value <- p.normal(statistic)
      }
    }
  } else {
    title <- "Spearman's rank correlation rho"
    if (is.null(exact)) exact <- TRUE
    null <- c(rho = 0)
    r <- cor(rank(x), rank(y))
    estimate <- c(rho = r)
    if (!is.finite(estimate)) {
      estimate[] <- NA; statistic <- c(S = NA); p.value <- NA
    } else {
      # P(S < q) (lower) or P(S >= q): exact up to n = 1290, else through t with n - 2 df.
      p <- function(q, lower) {
        if (n <= 1290 && exact) return(.Internal(pRho(round(q) + 2 * lower, n, lower)))
        den <- n * (n^2 - 1) / 6
        if (continuity) den <- den + 1
        rr <- 1 - q / den
        pt(rr / sqrt((1 - rr^2) / (n - 2)), df = n - 2, lower.tail = !lower)
      }
      q <- (n^3 - n) * (1 - r) / 6
      statistic <- c(S = q)
      if (ties && exact) {
        exact <- FALSE
        warning("Cannot compute exact p-value with ties")
      }
      p.value <- switch(alternative,
        two.sided = min(1, 2 * (if (q > (n^3 - n) / 6) p(q, FALSE) else p(q, TRUE))),
        greater = p(q, TRUE), less = p(q, FALSE))
    }
  }
  structure(list(statistic = statistic, parameter = NULL, p.value = as.numeric(p.value), estimate = estimate,
                 null.value = null, alternative = alternative, method = title, data.name = dname), class = "htest")
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

binom.test <- function(x, n, p = 0.5, alternative = c("two.sided", "less", "greater"), conf.level = 0.95) {
  dname <- paste(deparse(substitute(x)), collapse = " ")
  xr <- round(x)
  if (any(is.na(x) | (x < 0)) || max(abs(x - xr)) > 1e-7) stop("'x' must be nonnegative and integer")
  x <- xr
  if (length(x) == 2L) {
    n <- sum(x); x <- x[1L]
  } else if (length(x) == 1L) {
    nr <- round(n)
    if ((length(n) > 1L) || is.na(n) || (n < 1) || abs(n - nr) > 1e-7 || (x > nr)) stop("'n' must be a positive integer >= 'x'")
    dname <- paste(dname, "and", paste(deparse(substitute(n)), collapse = " "))
    n <- nr
  } else stop("incorrect length of 'x'")
  if (!missing(p) && (length(p) > 1L || is.na(p) || p < 0 || p > 1)) stop("'p' must be a single number between 0 and 1")
  alternative <- match.arg(alternative)
  if (!((length(conf.level) == 1L) && is.finite(conf.level) && (conf.level > 0) && (conf.level < 1)))
    stop("'conf.level' must be a single number between 0 and 1")
  p.value <- switch(alternative,
    less = pbinom(x, n, p),
    greater = pbinom(x - 1, n, p, lower.tail = FALSE),
    two.sided = {
      if (p == 0) as.numeric(x == 0) else if (p == 1) as.numeric(x == n) else {
        # The outcomes no more likely than the one seen, on both sides.
        relErr <- 1 + 1e-7
        d <- dbinom(x, n, p)
        m <- n * p
        if (x == m) 1 else if (x < m) {
          i <- seq.int(from = ceiling(m), to = n)
          y <- sum(dbinom(i, n, p) <= d * relErr)
          pbinom(x, n, p) + pbinom(n - y, n, p, lower.tail = FALSE)
        } else {
          i <- seq.int(from = 0, to = floor(m))
          y <- sum(dbinom(i, n, p) <= d * relErr)
          pbinom(y - 1, n, p) + pbinom(x - 1, n, p, lower.tail = FALSE)
        }
      }
    })
  lower <- function(x, alpha) if (x == 0) 0 else qbeta(alpha, x, n - x + 1)
  upper <- function(x, alpha) if (x == n) 1 else qbeta(1 - alpha, x + 1, n - x)
  cint <- switch(alternative,
    less = c(0, upper(x, 1 - conf.level)),
    greater = c(lower(x, 1 - conf.level), 1),
    two.sided = c(lower(x, (1 - conf.level) / 2), upper(x, (1 - conf.level) / 2)))
  attr(cint, "conf.level") <- conf.level
  names(x) <- "number of successes"
  names(n) <- "number of trials"
  estimate <- c("probability of success" = x[[1L]] / n[[1L]])
  names(p) <- "probability of success"
  structure(list(statistic = x, parameter = n, p.value = pmin(1, p.value), conf.int = cint, estimate = estimate,
                 null.value = p, alternative = alternative, method = "Exact binomial test", data.name = dname),
            class = "htest")
}

# One proportion against p (0.5 by default), or several against equality or given values.
prop.test <- function(x, n, p = NULL, alternative = c("two.sided", "less", "greater"), conf.level = 0.95,
                      correct = TRUE) {
  dname <- paste(deparse(substitute(x)), collapse = " ")
  if (is.table(x) && length(dim(x)) == 1L) {
    if (dim(x) != 2L) stop("table 'x' should have 2 entries")
    groups <- 1; n <- sum(x); x <- x[1L]
  } else if (is.matrix(x)) {
    if (ncol(x) != 2L) stop("'x' must have 2 columns")
    groups <- nrow(x); n <- rowSums(x); x <- x[, 1L]
  } else {
    dname <- paste(dname, "out of", paste(deparse(substitute(n)), collapse = " "))
    if ((groups <- length(x)) != length(n)) stop("'x' and 'n' must have the same length")
  }
  ok <- !is.na(x) & !is.na(n)
  x <- x[ok]; n <- n[ok]
  if ((k <- length(x)) < 1L) stop("not enough data")
  if (any(n <= 0)) stop("elements of 'n' must be positive")
  if (any(x < 0)) stop("elements of 'x' must be nonnegative")
  if (any(x > n)) stop("elements of 'x' must not be greater than those of 'n'")
  if (is.null(p) && k == 1) p <- 0.5
  if (!is.null(p)) {
    dname <- paste0(dname, ", null ", if (k == 1) "probability " else "probabilities ",
                    paste(deparse(substitute(p)), collapse = " "))
    if (length(p) != groups) stop("'p' must have the same length as 'x' and 'n'")
    p <- p[ok]
    if (any(p <= 0 | p >= 1)) stop("elements of 'p' must be in (0,1)")
  }
  alternative <- match.arg(alternative)
  if (k > 2 || (k == 2 && !is.null(p))) alternative <- "two.sided"
  if (length(conf.level) != 1L || is.na(conf.level) || conf.level <= 0 || conf.level >= 1)
    stop("'conf.level' must be a single number between 0 and 1")
  estimate <- x / n
  names(estimate) <- if (k == 1) "p" else paste("prop", seq_len(groups))[ok]
  null.value <- p
  cint <- NULL
  yates <- if (correct && k <= 2) 0.5 else 0
  if (k == 1) {
    # Wilson's score interval, with the continuity correction when asked for.
    z <- qnorm(if (alternative == "two.sided") (1 + conf.level) / 2 else conf.level)
    yates <- min(yates, abs(x - n * p))
    z22n <- z^2 / (2 * n)
    centre <- estimate + yates / n
    upper <- if (centre >= 1) 1 else (centre + z22n + z * sqrt(centre * (1 - centre) / n + z22n / (2 * n))) / (1 + 2 * z22n)
    centre <- estimate - yates / n
    lower <- if (centre <= 0) 0 else (centre + z22n - z * sqrt(centre * (1 - centre) / n + z22n / (2 * n))) / (1 + 2 * z22n)
    cint <- switch(alternative, two.sided = c(max(lower, 0), min(upper, 1)), greater = c(max(lower, 0), 1),
                   less = c(0, min(upper, 1)))
  } else if (k == 2 && is.null(p)) {
    delta <- estimate[1L] - estimate[2L]
    yates <- min(yates, abs(delta) / sum(1 / n))
    width <- switch(alternative, two.sided = qnorm((1 + conf.level) / 2), qnorm(conf.level)) *
      sqrt(sum(estimate * (1 - estimate) / n)) + yates * sum(1 / n)
    cint <- switch(alternative, two.sided = c(max(delta - width, -1), min(delta + width, 1)),
                   greater = c(max(delta - width, -1), 1), less = c(-1, min(delta + width, 1)))
  }
  if (!is.null(cint)) attr(cint, "conf.level") <- conf.level
  method <- paste(if (k == 1) "1-sample proportions test"
                  else paste0(k, "-sample test for ", if (is.null(p)) "equality of" else "given", " proportions"),
                  if (yates) "with" else "without", "continuity correction")
  if (is.null(p)) {
    p <- sum(x) / sum(n)
    parameter <- k - 1
  } else {
    parameter <- k
    names(null.value) <- names(estimate)
  }
  names(parameter) <- "df"
  counts <- cbind(x, n - x)
  E <- cbind(n * p, n * (1 - p))
  if (any(E < 5)) warning("Chi-squared approximation may be incorrect")
  statistic <- c("X-squared" = sum((abs(counts - E) - yates)^2 / E))
  p.value <- if (alternative == "two.sided") pchisq(statistic, parameter, lower.tail = FALSE) else {
    z <- if (k == 1) sign(estimate - p) * sqrt(statistic) else sign(delta) * sqrt(statistic)
    pnorm(z, lower.tail = (alternative == "less"))
  }
  structure(list(statistic = statistic, parameter = parameter, p.value = as.numeric(p.value), estimate = estimate,
                 null.value = null.value, conf.int = cint, alternative = alternative, method = method,
                 data.name = dname), class = "htest")
}

var.test <- function(x, ...) UseMethod("var.test")

var.test.default <- function(x, y, ratio = 1, alternative = c("two.sided", "less", "greater"), conf.level = 0.95, ...) {
  if (!((length(ratio) == 1L) && is.finite(ratio) && (ratio > 0))) stop("'ratio' must be a single positive number")
  alternative <- match.arg(alternative)
  if (!((length(conf.level) == 1L) && is.finite(conf.level) && (conf.level > 0) && (conf.level < 1)))
    stop("'conf.level' must be a single number between 0 and 1")
  dname <- paste(paste(deparse(substitute(x)), collapse = " "), "and", paste(deparse(substitute(y)), collapse = " "))
  x <- x[is.finite(x)]; y <- y[is.finite(y)]
  df.x <- length(x) - 1L; df.y <- length(y) - 1L
  if (df.x < 1L) stop("not enough 'x' observations")
  if (df.y < 1L) stop("not enough 'y' observations")
  estimate <- var(x) / var(y) / ratio
  statistic <- c(F = estimate)
  parameter <- c("num df" = df.x, "denom df" = df.y)
  p.value <- pf(estimate, df.x, df.y)
  if (alternative == "two.sided") {
    p.value <- 2 * min(p.value, 1 - p.value)
    beta <- (1 - conf.level) / 2
    cint <- c(estimate / qf(1 - beta, df.x, df.y), estimate / qf(beta, df.x, df.y))
  } else if (alternative == "greater") {
    p.value <- 1 - p.value
    cint <- c(estimate / qf(conf.level, df.x, df.y), Inf)
  } else {
    cint <- c(0, estimate / qf(1 - conf.level, df.x, df.y))
  }
  attr(cint, "conf.level") <- conf.level
  structure(list(statistic = statistic, parameter = parameter, p.value = p.value, conf.int = cint,
                 estimate = c("ratio of variances" = estimate * ratio), null.value = c("ratio of variances" = ratio),
                 alternative = alternative, method = "F test to compare two variances", data.name = dname),
            class = "htest")
}

var.test.formula <- function(formula, data, subset, na.action, ...) {
  if (missing(formula) || length(formula) != 3L) stop("'formula' missing or incorrect")
  env <- environment(formula)
  response <- eval(formula[[2L]], if (missing(data)) env else data, env)
  group <- factor(eval(formula[[3L]], if (missing(data)) env else data, env))
  if (nlevels(group) != 2L) stop("grouping factor must have exactly 2 levels")
  parts <- split(response, group)
  value <- var.test.default(parts[[1L]], parts[[2L]], ...)
  value$data.name <- paste(paste(deparse(formula[[2L]]), collapse = " "), "by", paste(deparse(formula[[3L]]), collapse = " "))
  value
}
"""#)
}
