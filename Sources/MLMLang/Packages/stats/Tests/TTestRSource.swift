/// stats' t.test() (one-sample, paired, Welch and pooled two-sample; default and formula
/// methods) and the "htest" object every classical test returns, with its print method.
/// Written in R as R writes them.
enum TTestRSource {
    static let source = RSource(functions: ["t.test", "t.test.default", "t.test.formula", "print.htest"], code: #"""
t.test <- function(x, ...) UseMethod("t.test")

t.test.default <- function(x, y = NULL, alternative = c("two.sided", "less", "greater"), mu = 0,
                           paired = FALSE, var.equal = FALSE, conf.level = 0.95, ...) {
  alternative <- match.arg(alternative)
  if (!missing(mu) && (length(mu) != 1 || is.na(mu))) stop("'mu' must be a single number")
  if (!missing(conf.level) && (length(conf.level) != 1 || !is.finite(conf.level) || conf.level < 0 || conf.level > 1))
    stop("'conf.level' must be a single number between 0 and 1")
  if (!is.null(y)) {
    dname <- paste(paste(deparse(substitute(x)), collapse = " "), "and", paste(deparse(substitute(y)), collapse = " "))
    if (paired) {
      keep <- !is.na(x) & !is.na(y)
      x <- x[keep] - y[keep]
      y <- NULL
    } else {
      x <- x[!is.na(x)]
      y <- y[!is.na(y)]
    }
  } else {
    dname <- paste(deparse(substitute(x)), collapse = " ")
    if (paired) stop("'y' is missing for paired test")
    x <- x[!is.na(x)]
  }
  nx <- length(x); mx <- mean(x)
  if (is.null(y)) {
    if (nx < 2) stop("not enough 'x' observations")
    vx <- var(x)
    df <- nx - 1
    stderr <- sqrt(vx / nx)
    if (stderr < 10 * .Machine$double.eps * abs(mx)) stop("data are essentially constant")
    tstat <- (mx - mu) / stderr
    method <- if (paired) "Paired t-test" else "One Sample t-test"
    estimate <- mx
    names(estimate) <- if (paired) "mean difference" else "mean of x"
  } else {
    ny <- length(y)
    if (nx < 1 || (!var.equal && nx < 2)) stop("not enough 'x' observations")
    if (ny < 1 || (!var.equal && ny < 2)) stop("not enough 'y' observations")
    if (var.equal && nx + ny < 3) stop("not enough observations")
    my <- mean(y)
    # var() of a single value is NA; R's pooled variance then leaves that sample out.
    vx <- if (nx > 1) var(x) else NA
    vy <- if (ny > 1) var(y) else NA
    method <- paste(if (!var.equal) "Welch", "Two Sample t-test")
    estimate <- c(mx, my)
    names(estimate) <- c("mean of x", "mean of y")
    if (var.equal) {
      df <- nx + ny - 2
      pooled <- 0
      if (nx > 1) pooled <- pooled + (nx - 1) * vx
      if (ny > 1) pooled <- pooled + (ny - 1) * vy
      pooled <- pooled / df
      stderr <- sqrt(pooled * (1 / nx + 1 / ny))
    } else {
      sx <- sqrt(vx / nx); sy <- sqrt(vy / ny)
      stderr <- sqrt(sx^2 + sy^2)
      df <- stderr^4 / (sx^4 / (nx - 1) + sy^4 / (ny - 1))
    }
    if (stderr < 10 * .Machine$double.eps * max(abs(mx), abs(my))) stop("data are essentially constant")
    tstat <- (mx - my - mu) / stderr
  }
  if (alternative == "less") {
    pval <- pt(tstat, df)
    cint <- c(-Inf, tstat + qt(conf.level, df))
  } else if (alternative == "greater") {
    pval <- pt(tstat, df, lower.tail = FALSE)
    cint <- c(tstat - qt(conf.level, df), Inf)
  } else {
    pval <- 2 * pt(-abs(tstat), df)
    half <- qt(1 - (1 - conf.level) / 2, df)
    cint <- tstat + c(-half, half)
  }
  cint <- mu + cint * stderr
  names(tstat) <- "t"
  names(df) <- "df"
  names(mu) <- if (paired) "mean difference" else if (!is.null(y)) "difference in means" else "mean"
  attr(cint, "conf.level") <- conf.level
  result <- list(statistic = tstat, parameter = df, p.value = pval, conf.int = cint, estimate = estimate,
                 null.value = mu, stderr = stderr, alternative = alternative, method = method, data.name = dname)
  class(result) <- "htest"
  result
}

t.test.formula <- function(formula, data, subset, na.action, ...) {
  samples <- .formula_samples(formula, if (missing(data)) NULL else data)
  if (is.null(samples$groups)) {
    result <- t.test(x = samples$response, ...)
  } else {
    DATA <- samples$groups
    result <- t.test(x = DATA[[1L]], y = DATA[[2L]], ...)
    if (length(result$estimate) == 2L) {
      names(result$estimate) <- paste("mean in group", samples$levels)
      names(result$null.value) <- paste("difference in means between", paste("group", samples$levels, collapse = " and "))
    }
  }
  result$data.name <- samples$data.name
  result
}

print.htest <- function(x, digits = getOption("digits"), prefix = "\t", ...) {
  cat("\n")
  cat(strwrap(x$method, prefix = prefix), sep = "\n")
  cat("\n")
  cat("data:  ", x$data.name, "\n", sep = "")
  parts <- character()
  if (!is.null(x$statistic))
    parts <- c(parts, paste(names(x$statistic), "=", format(x$statistic, digits = max(1L, digits - 2L))))
  if (!is.null(x$parameter))
    parts <- c(parts, paste(names(x$parameter), "=", format(x$parameter, digits = max(1L, digits - 2L))))
  if (!is.null(x$p.value)) {
    p <- format.pval(x$p.value, digits = max(1L, digits - 3L))
    parts <- c(parts, paste("p-value", if (startsWith(p, "<")) p else paste("=", p)))
  }
  cat(strwrap(paste(parts, collapse = ", ")), sep = "\n")
  if (!is.null(x$alternative)) {
    cat("alternative hypothesis: ")
    if (!is.null(x$null.value)) {
      if (length(x$null.value) == 1L) {
        relation <- switch(x$alternative, two.sided = "not equal to", less = "less than", greater = "greater than")
        cat("true ", names(x$null.value), " is ", relation, " ", x$null.value, "\n", sep = "")
      } else {
        cat(x$alternative, "\nnull values:\n", sep = "")
        print(x$null.value, digits = digits, ...)
      }
    } else cat(x$alternative, "\n", sep = "")
  }
  if (!is.null(x$conf.int))
    cat(format(100 * attr(x$conf.int, "conf.level")), " percent confidence interval:\n", " ",
        paste(format(x$conf.int[1:2], digits = digits), collapse = " "), "\n", sep = "")
  if (!is.null(x$estimate)) {
    cat("sample estimates:\n")
    print(x$estimate, digits = digits, ...)
  }
  cat("\n")
  invisible(x)
}
"""#)
}
