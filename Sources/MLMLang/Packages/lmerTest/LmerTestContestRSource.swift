/// lmerTest's contest, contest1D and contestMD, written in R over the Satterthwaite and
/// Kenward-Roger kernels: t tests of single contrasts (with confidence limits) and F tests of
/// several, as the data frames lmerTest returns.
enum LmerTestContestRSource {
    static let source = RSource(functions: [
        "contest", "contest1D", "contestMD", "contest.lmerModLmerTest", "contest1D.lmerModLmerTest", "contestMD.lmerModLmerTest",
        "contest.lmerMod", "contest1D.lmerMod", "contestMD.lmerMod",
    ], code: #"""
contest <- function(model, L, ...) UseMethod("contest")
contest1D <- function(model, L, ...) UseMethod("contest1D")
contestMD <- function(model, L, rhs = 0, ...) UseMethod("contestMD")

# lmerTest's as_lmerModLmerTest, which its contest methods for lme4 fits call without a message.
.as_lmerTest <- function(model) {
  class(model) <- c("lmerModLmerTest", class(model))
  model
}
contest.lmerMod <- function(model, L, ...) contest(.as_lmerTest(model), L, ...)
contest1D.lmerMod <- function(model, L, ...) contest1D(.as_lmerTest(model), L, ...)
contestMD.lmerMod <- function(model, L, rhs = 0, ...) contestMD(.as_lmerTest(model), L, rhs = rhs, ...)

.check_rhs <- function(rhs) if (!all(rhs == 0)) stop("contests with a nonzero rhs are not available in mlmd yet")

contest1D.lmerModLmerTest <- function(model, L, rhs = 0, ddf = c("Satterthwaite", "Kenward-Roger"), confint = FALSE,
                                      level = 0.95, ...) {
  ddf <- match.arg(ddf)
  .check_rhs(rhs)
  L <- as.numeric(L)
  beta <- lme4::fixef(model)
  if (length(L) != length(beta))
    stop(gettextf("length(L) = %d != length(fixef(model)) = %d", length(L), length(beta)), domain = NA)
  estimate <- sum(L * beta)
  if (ddf == "Kenward-Roger") {
    if (!lme4::isREML(model)) stop("Kenward-Roger's method is only available for REML model fits", call. = FALSE)
    V <- as.matrix(pbkrtest::vcovAdj(model))
    attributes(V) <- attributes(V)[c("dim", "dimnames")]
    df <- .Internal(kr_ftest(model, matrix(L, nrow = 1)))$ddf
  } else {
    V <- as.matrix(stats::vcov(model))
    df <- calcSatterth(model, L)$denom
  }
  se <- sqrt(sum(L * (V %*% L)))
  t <- estimate / se
  p <- 2 * stats::pt(abs(t), df, lower.tail = FALSE)
  res <- data.frame(Estimate = estimate, `Std. Error` = se, df = df, `t value` = t, check.names = FALSE)
  if (confint) {
    q <- stats::qt(1 - (1 - level) / 2, df)
    res$lower <- estimate - q * se
    res$upper <- estimate + q * se
  }
  res[["Pr(>|t|)"]] <- p
  res
}

contestMD.lmerModLmerTest <- function(model, L, rhs = 0, ddf = c("Satterthwaite", "Kenward-Roger"), ...) {
  ddf <- match.arg(ddf)
  .check_rhs(rhs)
  if (!is.matrix(L)) L <- matrix(L, ncol = length(L))
  sigma2 <- stats::sigma(model)^2
  if (ddf == "Kenward-Roger") {
    if (!lme4::isREML(model)) stop("Kenward-Roger's method is only available for REML model fits", call. = FALSE)
    x <- .Internal(kr_ftest(model, L))
    unscaled <- x$FstatU
    F <- x$F
    ndf <- x$ndf
    den <- x$ddf
  } else {
    x <- calcSatterth(model, L)
    unscaled <- F <- as.numeric(x$Fstat)
    ndf <- x$ndf
    den <- x$denom
  }
  data.frame(`Sum Sq` = unscaled * ndf * sigma2, `Mean Sq` = unscaled * sigma2, NumDF = ndf, DenDF = den,
             `F value` = F, `Pr(>F)` = stats::pf(F, ndf, den, lower.tail = FALSE), check.names = FALSE)
}

contest.lmerModLmerTest <- function(model, L, rhs = 0, joint = TRUE, collect = TRUE, confint = TRUE, level = 0.95,
                                    check_estimability = FALSE, ddf = c("Satterthwaite", "Kenward-Roger", "lme4"), ...) {
  ddf <- match.arg(ddf)
  if (ddf == "lme4") stop("contest(ddf = \"lme4\") is not available in mlmd yet")
  if (!is.matrix(L)) L <- matrix(L, ncol = length(L))
  if (joint) return(contestMD.lmerModLmerTest(model, L, rhs = rhs, ddf = ddf))
  rows <- lapply(seq_len(nrow(L)), function(i)
    contest1D.lmerModLmerTest(model, L[i, ], rhs = rhs, ddf = ddf, confint = confint, level = level))
  if (!collect) return(rows)
  res <- do.call(rbind, rows)
  row.names(res) <- if (is.null(rownames(L))) seq_len(nrow(L)) else rownames(L)
  res
}
"""#)
}
