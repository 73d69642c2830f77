/// stats' wilcox.test() (signed-rank and rank-sum, exact or normal with continuity
/// correction, with Hodges-Lehmann estimates and intervals on request), shapiro.test() and
/// fisher.test() (2 x 2 with the conditional odds ratio and its interval; larger tables exactly),
/// returning "htest" objects. Written in R; the kernels are in RankAndNormalityKernels,
/// FisherExactKernel and RootFinding.
enum RankTestsRSource {
    static let source = RSource(functions: ["wilcox.test", "wilcox.test.default", "wilcox.test.formula", "shapiro.test", "fisher.test"], code: #"""
wilcox.test <- function(x, ...) UseMethod("wilcox.test")

wilcox.test.default <- function(x, y = NULL, alternative = c("two.sided", "less", "greater"), mu = 0,
                                paired = FALSE, exact = NULL, correct = TRUE, conf.int = FALSE,
                                conf.level = 0.95, tol.root = 1e-4, digits.rank = Inf, ...) {
  alternative <- match.arg(alternative)
  if (!missing(mu) && (length(mu) > 1L || !is.finite(mu))) stop("'mu' must be a single number")
  if (conf.int && !(length(conf.level) == 1L && is.finite(conf.level) && conf.level > 0 && conf.level < 1))
    stop("'conf.level' must be a single number between 0 and 1")
  if (!is.numeric(x)) stop("'x' must be numeric")
  if (!is.null(y)) {
    if (!is.numeric(y)) stop("'y' must be numeric")
    dname <- paste(deparse1(substitute(x)), "and", deparse1(substitute(y)))
    if (paired) {
      if (length(x) != length(y)) stop("'x' and 'y' must have the same length")
      ok <- complete.cases(x, y)
      x <- x[ok] - y[ok]
      y <- NULL
    } else y <- y[!is.na(y)]
  } else {
    dname <- deparse1(substitute(x))
    if (paired) stop("'y' is missing for paired test")
  }
  x <- x[!is.na(x)]
  if (length(x) < 1L) stop("not enough (non-missing) 'x' observations")
  ranked <- function(v) rank(if (is.finite(digits.rank)) signif(v, digits.rank) else v)
  # The continuity correction's sign for a centred statistic z.
  shift <- function(z) if (!correct) 0 else switch(alternative, two.sided = sign(z) * 0.5, greater = 0.5, less = -0.5)
  p.normal <- function(z) switch(alternative, less = pnorm(z), greater = pnorm(z, lower.tail = FALSE),
                                 two.sided = 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE)))
  estimate <- NULL; cint <- NULL
  if (is.null(y)) {
    method <- "Wilcoxon signed rank test"
    x <- x - mu
    zeroes <- any(x == 0)
    if (zeroes) x <- x[x != 0]
    n <- as.double(length(x))
    if (is.null(exact)) exact <- n < 50
    r <- ranked(abs(x))
    statistic <- c(V = sum(r[x > 0]))
    ties <- length(r) != length(unique(r))
    if (exact && !ties && !zeroes) {
      method <- "Wilcoxon signed rank exact test"
      upper <- function(s) psignrank(s - 1, n, lower.tail = FALSE)
      p.value <- switch(alternative,
        two.sided = min(1, 2 * (if (statistic > n * (n + 1) / 4) upper(statistic) else psignrank(statistic, n))),
        greater = upper(statistic), less = psignrank(statistic, n))
      if (conf.int) {
        x <- x + mu
        alpha <- 1 - conf.level
        walsh <- outer(x, x, "+")
        walsh <- sort(walsh[!lower.tri(walsh)]) / 2
        q <- qsignrank(if (alternative == "two.sided") alpha / 2 else alpha, n)
        if (q == 0) q <- 1
        achieved <- (if (alternative == "two.sided") 2 else 1) * psignrank(trunc(q) - 1, n)
        cint <- switch(alternative,
          two.sided = c(walsh[q], walsh[n * (n + 1) / 2 - q + 1]),
          greater = c(walsh[q], Inf),
          less = c(-Inf, walsh[n * (n + 1) / 2 - q + 1]))
        if (achieved - alpha > alpha / 2) {
          warning("requested conf.level not achievable")
          conf.level <- 1 - signif(achieved, 2)
        }
        attr(cint, "conf.level") <- conf.level
        estimate <- c("(pseudo)median" = median(walsh))
      }
    } else {
      tie.counts <- table(r)
      z <- statistic - n * (n + 1) / 4
      sigma <- sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(tie.counts^3 - tie.counts) / 48)
      if (correct) method <- paste(method, "with continuity correction")
      p.value <- p.normal((z - shift(z)) / sigma)
      if (conf.int) {
        x <- x + mu
        alpha <- 1 - conf.level
        # The standardised signed-rank statistic of x - d, as a function of the shift d.
        W <- function(d) {
          xd <- x - d
          xd <- xd[xd != 0]
          nd <- length(xd)
          rd <- ranked(abs(xd))
          zd <- sum(rd[xd > 0]) - nd * (nd + 1) / 4
          td <- table(rd)
          sd <- sqrt(nd * (nd + 1) * (2 * nd + 1) / 24 - sum(td^3 - td) / 48)
          if (sd == 0) warning("cannot compute confidence interval when all observations are zero or tied", call. = FALSE)
          (zd - shift(zd)) / sd
        }
        lo <- min(x); hi <- max(x)
        W.lo <- W(lo)
        W.hi <- if (!is.finite(W.lo)) NA else W(hi)
        if (!is.finite(W.hi)) {
          cint <- structure(c(if (alternative == "less") -Inf else NaN, if (alternative == "greater") Inf else NaN),
                            conf.level = 0)
          estimate <- c(midrange = (lo + hi) / 2)
        } else {
          root <- function(zq) uniroot(function(d, zq) W(d) - zq, lower = lo, upper = hi, f.lower = W.lo - zq,
                                       f.upper = W.hi - zq, tol = tol.root, zq = zq)$root
          # Widen alpha until the interval's ends lie inside the data's range.
          reach <- function() {
            repeat {
              short <- switch(alternative,
                two.sided = W.lo - qnorm(alpha / 2, lower.tail = FALSE) < 0 || W.hi - qnorm(alpha / 2) > 0,
                greater = W.lo - qnorm(alpha, lower.tail = FALSE) < 0,
                less = W.hi - qnorm(alpha / 2) > 0)
              if (short) alpha <<- alpha * 2 else break
            }
            if (alpha >= 1 || 1 - conf.level < alpha * 0.75) {
              conf.level <<- 1 - pmin(1, alpha)
              warning("requested conf.level not achievable")
            }
          }
          reach()
          cint <- switch(alternative,
            two.sided = if (alpha < 1) c(root(qnorm(alpha / 2, lower.tail = FALSE)), root(qnorm(alpha / 2))) else rep(median(x), 2),
            greater = c(if (alpha < 1) root(qnorm(alpha, lower.tail = FALSE)) else median(x), Inf),
            less = c(-Inf, if (alpha < 1) root(qnorm(alpha)) else median(x)))
          attr(cint, "conf.level") <- conf.level
          correct <- FALSE
          estimate <- c("(pseudo)median" = uniroot(W, lower = lo, upper = hi, tol = tol.root)$root)
        }
      }
      if (exact && ties) {
        warning("cannot compute exact p-value with ties")
        if (conf.int) warning("cannot compute exact confidence interval with ties")
      }
      if (exact && zeroes) {
        warning("cannot compute exact p-value with zeroes")
        if (conf.int) warning("cannot compute exact confidence interval with zeroes")
      }
    }
  } else {
    if (length(y) < 1L) stop("not enough 'y' observations")
    method <- "Wilcoxon rank sum test"
    r <- ranked(c(x - mu, y))
    nx <- as.double(length(x)); ny <- as.double(length(y))
    if (is.null(exact)) exact <- nx < 50 && ny < 50
    statistic <- c(W = sum(r[seq_along(x)]) - nx * (nx + 1) / 2)
    ties <- length(r) != length(unique(r))
    if (exact && !ties) {
      method <- "Wilcoxon rank sum exact test"
      upper <- function(s) pwilcox(s - 1, nx, ny, lower.tail = FALSE)
      p.value <- switch(alternative,
        two.sided = min(1, 2 * (if (statistic > nx * ny / 2) upper(statistic) else pwilcox(statistic, nx, ny))),
        greater = upper(statistic), less = pwilcox(statistic, nx, ny))
      if (conf.int) {
        alpha <- 1 - conf.level
        diffs <- sort(outer(x, y, "-"))
        q <- qwilcox(if (alternative == "two.sided") alpha / 2 else alpha, nx, ny)
        if (q == 0) q <- 1
        achieved <- (if (alternative == "two.sided") 2 else 1) * pwilcox(trunc(q) - 1, nx, ny)
        cint <- switch(alternative,
          two.sided = c(diffs[q], diffs[nx * ny - q + 1]),
          greater = c(diffs[q], Inf),
          less = c(-Inf, diffs[nx * ny - q + 1]))
        if (achieved - alpha > alpha / 2) {
          warning("Requested conf.level not achievable")
          conf.level <- 1 - achieved
        }
        attr(cint, "conf.level") <- conf.level
        estimate <- c("difference in location" = median(diffs))
      }
    } else {
      tie.counts <- table(r)
      z <- statistic - nx * ny / 2
      sigma <- sqrt((nx * ny / 12) * ((nx + ny + 1) - sum(tie.counts^3 - tie.counts) / ((nx + ny) * (nx + ny - 1))))
      if (correct) method <- paste(method, "with continuity correction")
      p.value <- p.normal((z - shift(z)) / sigma)
      if (conf.int) {
        alpha <- 1 - conf.level
        lo <- min(x) - max(y); hi <- max(x) - min(y)
        W <- function(d) {
          rd <- ranked(c(x - d, y))
          td <- table(rd)
          zd <- sum(rd[seq_along(x)]) - nx * (nx + 1) / 2 - nx * ny / 2
          sd <- sqrt((nx * ny / 12) * ((nx + ny + 1) - sum(td^3 - td) / ((nx + ny) * (nx + ny - 1))))
          if (sd == 0) warning("cannot compute confidence interval when all observations are tied", call. = FALSE)
          (zd - shift(zd)) / sd
        }
        W.lo <- W(lo); W.hi <- W(hi)
        root <- function(zq) {
          if (W.lo - zq <= 0) return(lo)
          if (W.hi - zq >= 0) return(hi)
          uniroot(function(d, zq) W(d) - zq, lower = lo, upper = hi, f.lower = W.lo - zq, f.upper = W.hi - zq,
                  tol = tol.root, zq = zq)$root
        }
        cint <- switch(alternative,
          two.sided = c(root(qnorm(alpha / 2, lower.tail = FALSE)), root(qnorm(alpha / 2))),
          greater = c(root(qnorm(alpha, lower.tail = FALSE)), Inf),
          less = c(-Inf, root(qnorm(alpha))))
        attr(cint, "conf.level") <- conf.level
        correct <- FALSE
        estimate <- c("difference in location" = uniroot(W, lower = lo, upper = hi, tol = tol.root)$root)
      }
      if (exact && ties) {
        warning("cannot compute exact p-value with ties")
        if (conf.int) warning("cannot compute exact confidence intervals with ties")
      }
    }
  }
  names(mu) <- if (paired || !is.null(y)) "location shift" else "location"
  value <- list(statistic = statistic, parameter = NULL, p.value = as.numeric(p.value), null.value = mu,
                alternative = alternative, method = method, data.name = dname)
  if (conf.int) value <- c(value, list(conf.int = cint, estimate = estimate))
  class(value) <- "htest"
  value
}

wilcox.test.formula <- function(formula, data, subset, na.action, ...) {
  samples <- .formula_samples(formula, if (missing(data)) NULL else data)
  if (is.null(samples$groups)) {
    result <- wilcox.test(x = samples$response, ...)
  } else {
    DATA <- samples$groups
    result <- wilcox.test(x = DATA[[1L]], y = DATA[[2L]], ...)
  }
  result$data.name <- samples$data.name
  result
}

shapiro.test <- function(x) {
  dname <- deparse1(substitute(x))
  stopifnot(is.numeric(x))
  x <- sort(x[complete.cases(x)])
  n <- length(x)
  if (is.na(n) || n < 3L || n > 5000L) stop("sample size must be between 3 and 5000")
  spread <- x[n] - x[1L]
  if (spread == 0) stop("all 'x' values are identical")
  if (spread < 1e-10) x <- x / spread
  w <- .Internal(SWilk(x))
  structure(list(statistic = c(W = w[1]), p.value = w[2], method = "Shapiro-Wilk normality test",
                 data.name = dname), class = "htest")
}

fisher.test <- function(x, y = NULL, workspace = 200000, hybrid = FALSE,
                        hybridPars = c(expect = 5, percent = 80, Emin = 1), control = list(), or = 1,
                        alternative = "two.sided", conf.int = TRUE, conf.level = 0.95,
                        simulate.p.value = FALSE, B = 2000) {
  dname <- deparse1(substitute(x))
  method <- "Fisher's Exact Test for Count Data"
  if (is.data.frame(x)) x <- as.matrix(x)
  if (is.matrix(x)) {
    if (any(dim(x) < 2L)) stop("'x' must have at least 2 rows and columns")
    if (!is.numeric(x) || any(x < 0) || anyNA(x)) stop("all entries of 'x' must be nonnegative and finite")
    if (!is.integer(x)) {
      rounded <- round(x)
      if (any(rounded > .Machine$integer.max)) stop("'x' has entries too large to be integer")
      if (!isTRUE(all.equal(x, rounded))) warning("'x' has been rounded to integer: ", all.equal(x, rounded))
      x <- rounded
      storage.mode(x) <- "integer"
    }
  } else {
    if (is.null(y)) stop("if 'x' is not a matrix, 'y' must be given")
    if (length(x) != length(y)) stop("'x' and 'y' must have the same length")
    dname <- paste(dname, "and", deparse1(substitute(y)))
    ok <- complete.cases(x, y)
    x <- as.factor(x[ok]); y <- as.factor(y[ok])
    if (nlevels(x) < 2L || nlevels(y) < 2L) stop("'x' and 'y' must have at least 2 levels")
    x <- table(x, y)
  }
  if (nrow(x) != 2L || ncol(x) != 2L) {
    if (simulate.p.value) stop("fisher.test(simulate.p.value = TRUE) is not supported yet")
    if (hybrid) stop("fisher.test(hybrid = TRUE) is not supported yet")
    m <- unclass(x); dim(m) <- dim(x); storage.mode(m) <- "integer"
    return(structure(list(p.value = max(0, min(1, .Internal(Fexact(m)))), alternative = "two.sided",
                          method = method, data.name = dname), class = "htest"))
  }
  alternative <- c("two.sided", "less", "greater")[pmatch(alternative, c("two.sided", "less", "greater"))]
  if (length(alternative) != 1L || is.na(alternative)) stop("alternative must be \"two.sided\", \"less\" or \"greater\"")
  if (!(length(conf.level) == 1L && is.finite(conf.level) && conf.level > 0 && conf.level < 1))
    stop("'conf.level' must be a single number between 0 and 1")
  if (!missing(or) && (length(or) > 1L || is.na(or) || or < 0)) stop("'or' must be a single number between 0 and Inf")
  if (hybrid) warning("'hybrid' is ignored for a 2 x 2 table")
  # Conditional on the margins, x[1, 1] follows Fisher's noncentral hypergeometric distribution.
  m <- sum(x[, 1L]); n <- sum(x[, 2L]); k <- sum(x[1L, ])
  x11 <- x[1L, 1L]
  lo <- max(0L, k - n); hi <- min(k, m)
  support <- lo:hi
  log.central <- dhyper(support, m, n, k, log = TRUE)
  density <- function(ncp) {
    d <- log.central + log(ncp) * support
    d <- exp(d - max(d))
    d / sum(d)
  }
  mean.at <- function(ncp) {
    if (ncp == 0) return(lo)
    if (ncp == Inf) return(hi)
    sum(support * density(ncp))
  }
  tail.at <- function(q, ncp = 1, upper = FALSE) {
    if (ncp == 1) return(if (upper) phyper(x11 - 1, m, n, k, lower.tail = FALSE) else phyper(x11, m, n, k))
    if (ncp == 0) return(as.numeric(if (upper) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper) q <= hi else q >= hi))
    sum(density(ncp)[if (upper) support >= q else support <= q])
  }
  p.value <- switch(alternative,
    less = tail.at(x11, or),
    greater = tail.at(x11, or, upper = TRUE),
    two.sided = if (or == 0) as.numeric(x11 == lo) else if (or == Inf) as.numeric(x11 == hi) else {
      d <- density(or)
      sum(d[d <= d[x11 - lo + 1] * (1 + 1e-7)])
    })
  # Solve g(t) = target for the odds ratio in (0, 1], or through 1/t above 1.
  solve.ratio <- function(g, target, start) {
    if (start > target) uniroot(function(t) g(t) - target, c(0, 1))$root
    else if (start < target) 1 / uniroot(function(t) g(1 / t) - target, c(.Machine$double.eps, 1))$root
    else 1
  }
  estimate <- c("odds ratio" = if (x11 == lo) 0 else if (x11 == hi) Inf else solve.ratio(mean.at, x11, mean.at(1)))
  cint <- NULL
  if (conf.int) {
    # The lower tail falls as the odds ratio grows, the upper tail rises.
    upper.limit <- function(alpha) {
      if (x11 == hi) return(Inf)
      solve.ratio(function(t) -tail.at(x11, t), -alpha, -tail.at(x11, 1))
    }
    lower.limit <- function(alpha) {
      if (x11 == lo) return(0)
      solve.ratio(function(t) tail.at(x11, t, upper = TRUE), alpha, tail.at(x11, 1, upper = TRUE))
    }
    cint <- switch(alternative,
      less = c(0, upper.limit(1 - conf.level)),
      greater = c(lower.limit(1 - conf.level), Inf),
      two.sided = c(lower.limit((1 - conf.level) / 2), upper.limit((1 - conf.level) / 2)))
    attr(cint, "conf.level") <- conf.level
  }
  value <- list(p.value = p.value, conf.int = cint, estimate = estimate, null.value = c("odds ratio" = or))
  structure(c(value, alternative = alternative, method = method, data.name = dname), class = "htest")
}
"""#)
}
