#!/usr/bin/env Rscript
# Generates the expected numbers of the MixedModels tests. Run from the repository root:
#   Rscript scripts/generate-mixedmodels-expectations.R
# Writes Tests/MixedModelsTests/Fixtures/lm-expectations.json (lm cases, with their input data)
# and Tests/MixedModelsTests/Fixtures/lmer-expectations.json (lme4 fits of the CSV files in that
# folder, and of lme4's Dyestuff2, whose data the fixture carries). The tests never need R; only
# regenerating these files does.
# Numbers are written with 17 significant digits so that they read back exactly; NA, NaN, Inf
# and -Inf are written as the strings "NA", "NaN", "Inf", "-Inf" (JSON has no such numbers).
# Made with R 4.2.2 and lme4 1.1-31.

suppressPackageStartupMessages(library(lme4))

fixtures <- "Tests/MixedModelsTests/Fixtures"

source("scripts/json-writer.R")  # json_number, json_string, to_json, scalar
matrix_json <- function(m) list(rows = scalar(nrow(m)), columns = scalar(ncol(m)), values = as.vector(m))

# --- lm cases ---
# Each case carries its input columns; the tests build the design matrix from them by hand.
lm_case <- function(formula, data, weights = NULL) {
  # lm() evaluates `weights` in `data`, so the weights travel as a column of it.
  fit <- if (is.null(weights)) lm(formula, data)
         else lm(formula, cbind(data, .prior_weights = weights), weights = .prior_weights)
  perfect <- FALSE
  s <- withCallingHandlers(summary(fit), warning = function(w) {
    if (grepl("essentially perfect fit", conditionMessage(w))) perfect <<- TRUE
    invokeRestart("muffleWarning")
  })
  ll <- logLik(fit)
  fstat <- s$fstatistic
  inputs <- lapply(data, function(col) if (is.factor(col)) as.character(col) else col)
  list(
    formula = scalar(deparse(formula)),
    data = inputs,
    weights = if (is.null(weights)) list() else weights,
    coefficient_names = names(coef(fit)),
    coefficients = unname(coef(fit)),
    rank = scalar(fit$rank),
    pivot = fit$qr$pivot,
    qr = matrix_json(fit$qr$qr),
    qraux = fit$qr$qraux,
    residuals = unname(residuals(fit)),
    fitted = unname(fitted(fit)),
    effects = unname(fit$effects),
    effect_names = names(fit$effects),
    df_residual = scalar(fit$df.residual),
    sigma = scalar(s$sigma),
    cov_unscaled = matrix_json(s$cov.unscaled),
    r_squared = scalar(s$r.squared),
    adj_r_squared = scalar(s$adj.r.squared),
    fstatistic = if (is.null(fstat)) list() else list(
      value = scalar(fstat[["value"]]), numdf = scalar(fstat[["numdf"]]), dendf = scalar(fstat[["dendf"]]),
      p_value = scalar(pf(fstat[["value"]], fstat[["numdf"]], fstat[["dendf"]], lower.tail = FALSE))),
    # Full tidy-style table: one row per coefficient, NA for aliased ones.
    table = local({
      tab <- coef(s)
      full <- matrix(NA_real_, length(coef(fit)), 4, dimnames = list(names(coef(fit)), colnames(tab)))
      full[rownames(tab), ] <- tab
      list(estimate = unname(full[, 1]), std_error = unname(full[, 2]),
           statistic = unname(full[, 3]), p_value = unname(full[, 4]))
    }),
    loglik = scalar(as.numeric(ll)),
    loglik_df = scalar(attr(ll, "df")),
    aic = scalar(AIC(fit)),
    bic = scalar(BIC(fit)),
    deviance = scalar(deviance(fit)),
    nobs = scalar(nobs(fit)),
    perfect_fit_warning = scalar(perfect)
  )
}

collinear <- data.frame(y = mtcars$mpg, wt = mtcars$wt, wt3 = 3 * mtcars$wt - 1, hp = mtcars$hp)
two_aliased <- data.frame(y = mtcars$mpg, a = mtcars$wt, b = mtcars$hp,
                          ab = mtcars$wt + mtcars$hp, z = 0 * mtcars$wt, d = mtcars$disp)
zero_w <- c(0, 0, rep(1:5, length.out = 28), 0, 2)
# Near-collinear columns either side of dqrdc2's tolerance: wt_near (relative remaining norm
# about 1e-10) is aliased, wt_far (about 1e-4) is kept.
near <- data.frame(y = mtcars$mpg, wt = mtcars$wt, wt_near = mtcars$wt + 1e-9 * (1:32 %% 3),
                   wt_far = mtcars$wt + 1e-3 * (1:32 %% 5), hp = mtcars$hp)

lm_cases <- list(
  cars = lm_case(dist ~ speed, cars),
  factor = lm_case(weight ~ group, PlantGrowth),
  interaction = lm_case(len ~ supp * dose, ToothGrowth),
  no_intercept = lm_case(mpg ~ 0 + wt + hp, mtcars[c("mpg", "wt", "hp")]),
  weighted = lm_case(mpg ~ wt + hp, mtcars[c("mpg", "wt", "hp")], weights = mtcars$cyl / 4),
  zero_weights = lm_case(mpg ~ wt, mtcars[c("mpg", "wt")], weights = zero_w),
  rank_deficient = lm_case(y ~ wt + wt3 + hp, collinear),
  two_aliased = lm_case(y ~ a + b + ab + z + d, two_aliased),
  near_aliased = lm_case(y ~ wt + wt_near + wt_far + hp, near),
  n2_intercept = lm_case(y ~ 1, data.frame(y = c(3.5, 7.25))),
  n2_saturated = lm_case(y ~ x, data.frame(y = c(3.5, 7.25), x = c(1, 4))),
  perfect_fit = lm_case(y ~ x, data.frame(y = 3 + 2 * (1:10), x = as.numeric(1:10)))
)
writeLines(to_json(lm_cases), file.path(fixtures, "lm-expectations.json"))

# --- lmer cases ---
# The data are the CSV copies in the fixtures folder (what the tests read), not lme4's own
# data sets, so both sides fit exactly the same numbers. Grouping columns are read as text.
read_fixture <- function(file, factors) {
  d <- read.csv(file.path(fixtures, file), colClasses = c(setNames(rep("character", length(factors)), factors)))
  d[factors] <- lapply(d[factors], factor)
  d
}
sleep <- read_fixture("sleepstudy.csv", "Subject")
dyestuff <- read_fixture("Dyestuff.csv", "Batch")
penicillin <- read_fixture("Penicillin.csv", c("plate", "sample"))
pastes <- read_fixture("Pastes.csv", c("batch", "cask", "sample"))

lmer_case <- function(formula, data, REML = TRUE, with_data = FALSE, weights = NULL) {
  # lmer() evaluates `weights` in `data`, as lm() does.
  if (is.null(weights)) {
    m <- lmer(formula, data, REML = REML)
    devfun <- lmer(formula, data, REML = REML, devFunOnly = TRUE)
  } else {
    weighted <- cbind(data, .prior_weights = weights)
    m <- lmer(formula, weighted, REML = REML, weights = .prior_weights)
    devfun <- lmer(formula, weighted, REML = REML, weights = .prior_weights, devFunOnly = TRUE)
  }
  theta <- getME(m, "theta")
  # The objective at a few other theta values tests the profiled criterion apart from the optimizer.
  probes <- list(getME(m, "theta") * 0 + ifelse(getME(m, "lower") == 0, 1, 0), theta * 0.5 + 0.1, theta * 1.7)
  cmp <- m@devcomp$cmp
  flist <- getME(m, "flist")
  cnms <- getME(m, "cnms")
  vc <- VarCorr(m)
  list(
    formula = scalar(deparse(formula)),
    data = if (with_data) lapply(data, function(col) if (is.factor(col)) as.character(col) else col) else list(),
    weights = if (is.null(weights)) list() else weights,
    reml = scalar(REML),
    theta = unname(theta),
    theta_names = names(theta),
    lower = getME(m, "lower"),
    objective = scalar(if (REML) REMLcrit(m) else deviance(m)),
    cmp = as.list(vapply(c("ldL2", "ldRX2", "wrss", "ussq", "pwrss", "drsum", "REML", "dev",
                           "sigmaML", "sigmaREML"), function(k) scalar(cmp[[k]]), scalar(0))),
    fixef = unname(fixef(m)),
    fixef_names = names(fixef(m)),
    sigma = scalar(sigma(m)),
    loglik = scalar(as.numeric(logLik(m))),
    loglik_df = scalar(attr(logLik(m), "df")),
    aic = scalar(AIC(m)),
    bic = scalar(BIC(m)),
    vcov = matrix_json(as.matrix(vcov(m))),
    # Terms in lme4's order, with the levels in the order of the elements of b and u.
    terms = lapply(seq_along(cnms), function(i) list(
      grouping = scalar(names(cnms)[i]),
      columns = cnms[[i]],
      levels = levels(flist[[attr(flist, "assign")[i]]]))),
    b = as.vector(getME(m, "b")),
    u = as.vector(getME(m, "u")),
    varcorr = lapply(vc, function(v) list(sd = unname(attr(v, "stddev")), corr = as.vector(attr(v, "correlation")))),
    probes = lapply(probes, function(t) list(theta = unname(t), objective = scalar(devfun(t)))),
    feval = scalar(m@optinfo$feval),
    optimizer_message = scalar(m@optinfo$message)
  )
}

lmer_cases <- list(
  sleepstudy_reml = lmer_case(Reaction ~ Days + (Days | Subject), sleep),
  sleepstudy_ml = lmer_case(Reaction ~ Days + (Days | Subject), sleep, REML = FALSE),
  sleepstudy_uncorrelated = lmer_case(Reaction ~ Days + (Days || Subject), sleep),
  sleepstudy_weighted = lmer_case(Reaction ~ Days + (Days | Subject), sleep, weights = rep(c(0.5, 1, 2), 60)),
  sleepstudy_weighted_ml = lmer_case(Reaction ~ Days + (Days | Subject), sleep, REML = FALSE,
                                     weights = rep(c(0.5, 1, 2), 60)),
  # lme4 drops the aliased column DaysPlus (with a message) before fitting.
  sleepstudy_aliased = suppressMessages(lmer_case(Reaction ~ Days + DaysPlus + (1 | Subject),
                                                  transform(sleep, DaysPlus = 2 * Days + 1))),
  dyestuff = lmer_case(Yield ~ 1 + (1 | Batch), dyestuff),
  dyestuff_ml = lmer_case(Yield ~ 1 + (1 | Batch), dyestuff, REML = FALSE),
  penicillin = lmer_case(diameter ~ 1 + (1 | plate) + (1 | sample), penicillin),
  pastes = lmer_case(strength ~ 1 + (1 | batch/cask), pastes),
  # A singular fit: the optimum is on the boundary, theta = 0 (lme4's Dyestuff2, carried in
  # the fixture as it is not among the CSV files).
  dyestuff2 = suppressMessages(lmer_case(Yield ~ 1 + (1 | Batch), lme4::Dyestuff2, with_data = TRUE))
)
writeLines(to_json(lmer_cases), file.path(fixtures, "lmer-expectations.json"))

# --- Satterthwaite cases (lmerTest) ---
# lmerTest 3.1-3 and numDeriv 2016.8-1.1: summary()'s coefficient table of lmerTest's lmer,
# with the pieces it is computed from (see as_lmerModLT in lmerTest's R/lmer.R): the deviance
# function of (theta, sigma) at the optimum, its Hessian, the covariance A = 2 H^-1 of (theta,
# sigma) and the Jacobian of vcov(beta). The popularity data are simulated for this project
# (/work/shared/data/MLM_example_data.xlsx, see the README there); the columns the models use
# are copied to the fixture popularity.csv, which R then reads back like the other CSV files.
suppressPackageStartupMessages({ library(lmerTest); library(readxl) })
popular_xlsx <- read_excel("/work/shared/data/MLM_example_data.xlsx")
write.csv(as.data.frame(popular_xlsx[c("SCHOOL", "SEX", "POPULAR")]), file.path(fixtures, "popularity.csv"),
          row.names = FALSE)
popular <- read.csv(file.path(fixtures, "popularity.csv"))
# factor() of numbers orders the levels numerically: schools 1, 2, ..., 100; SEX 0, 1.
popular$SCHOOL <- factor(popular$SCHOOL)
popular$SEX <- factor(popular$SEX)

satterthwaite_case <- function(formula, data, contrasts = list()) {
  # lmerTest re-evaluates the call to get lme4's deviance function, so the call must name
  # objects it can find: build it with the formula and data inlined.
  m <- eval(bquote(lmerTest::lmer(.(formula), data = .(data))))
  stopifnot(inherits(m, "lmerModLmerTest"))
  devfun <- eval(bquote(lme4::lmer(.(formula), data = .(data), devFunOnly = TRUE,
                                   control = lme4::lmerControl(check.rankX = "silent.drop.cols"))))
  varpar <- unname(c(getME(m, "theta"), sigma(m)))
  reml <- getME(m, "is_REML")
  table <- coef(summary(m))
  list(
    formula = scalar(deparse(formula)),
    reml = scalar(reml),
    theta = unname(getME(m, "theta")),
    sigma = scalar(sigma(m)),
    fixef_names = rownames(table),
    estimate = unname(table[, "Estimate"]),
    std_error = unname(table[, "Std. Error"]),
    df = unname(table[, "df"]),
    t_value = unname(table[, "t value"]),
    p_value = unname(table[, "Pr(>|t|)"]),
    devfun_vp = scalar(lmerTest:::devfun_vp(varpar, devfun, reml)),
    hessian = matrix_json(numDeriv::hessian(lmerTest:::devfun_vp, varpar, devfun = devfun, reml = reml)),
    vcov_varpar = matrix_json(m@vcov_varpar),
    jacobian = matrix_json(numDeriv::jacobian(lmerTest:::get_covbeta, varpar, devfun = devfun)),
    # Other contrasts, as contest(m, L, joint = FALSE).
    contrasts = lapply(contrasts, function(L) {
      row <- contest(m, matrix(L, nrow = 1), joint = FALSE)
      list(L = L, estimate = scalar(row[["Estimate"]]), std_error = scalar(row[["Std. Error"]]),
           df = scalar(row[["df"]]), t_value = scalar(row[["t value"]]), p_value = scalar(row[["Pr(>|t|)"]]))
    })
  )
}

# numDeriv itself on a fixed smooth function, to check the Richardson extrapolation alone.
numderiv_f <- function(x) c(x[1]^2 * exp(x[2]) + sin(x[1] * x[3]), log(x[2]) * x[3]^3 - 1 / (1 + x[1]^2))
numderiv_x <- c(0.7, 1.3, -2.1)
numderiv_x0 <- c(0, 1.3, 1e-6)  # elements below zero.tol get the absolute step eps

satterthwaite_cases <- list(
  sleepstudy = satterthwaite_case(Reaction ~ Days + (Days | Subject), sleep, contrasts = list(c(1, 5), c(0, 1))),
  sleepstudy_intercept = satterthwaite_case(Reaction ~ Days + (1 | Subject), sleep, contrasts = list(c(1, 4.5))),
  popularity_null = satterthwaite_case(POPULAR ~ (1 | SCHOOL), popular),
  popularity_sex = satterthwaite_case(POPULAR ~ SEX + (1 | SCHOOL), popular, contrasts = list(c(1, 1))),
  popularity_sex_slope = satterthwaite_case(POPULAR ~ SEX + (1 + SEX | SCHOOL), popular, contrasts = list(c(1, 1))),
  # A singular fit (theta = 0): numDeriv steps theta by its absolute eps, to both sides of 0.
  dyestuff2 = suppressMessages(satterthwaite_case(Yield ~ 1 + (1 | Batch), lme4::Dyestuff2)),
  numderiv = list(
    x = numderiv_x,
    x0 = numderiv_x0,
    hessian = matrix_json(numDeriv::hessian(function(x) numderiv_f(x)[1], numderiv_x)),
    hessian0 = matrix_json(numDeriv::hessian(function(x) numderiv_f(x)[1], numderiv_x0)),
    jacobian = matrix_json(numDeriv::jacobian(numderiv_f, numderiv_x)),
    jacobian0 = matrix_json(numDeriv::jacobian(numderiv_f, numderiv_x0))
  )
)
writeLines(to_json(satterthwaite_cases), file.path(fixtures, "satterthwaite-expectations.json"))

# --- Convergence checks (lme4's optwrap and checkConv) ---
# Fits stopped by optCtrl's maxeval, a clean fit and a singular one: NLopt's code and nloptr's
# message, lme4's conv$lme4 messages, and the derivatives deriv12 took at the optimum.
convergence_case <- function(formula, data, maxeval = 1e5) {
  m <- suppressMessages(suppressWarnings(lmer(formula, data, control = lmerControl(optCtrl = list(maxeval = maxeval)))))
  derivs <- m@optinfo$derivs
  list(
    maxeval = scalar(maxeval),
    theta = unname(getME(m, "theta")),
    code = scalar(m@optinfo$conv$opt),
    message = scalar(m@optinfo$message),
    lme4_messages = lapply(unname(unlist(m@optinfo$conv$lme4$messages)), scalar),
    gradient = if (is.null(derivs)) list() else derivs$gradient,
    hessian = if (is.null(derivs)) list() else matrix_json(derivs$Hessian)
  )
}
convergence_cases <- list(
  sleepstudy_maxeval10 = convergence_case(Reaction ~ Days + (Days | Subject), sleep, maxeval = 10),
  sleepstudy_maxeval30 = convergence_case(Reaction ~ Days + (Days | Subject), sleep, maxeval = 30),
  sleepstudy = convergence_case(Reaction ~ Days + (Days | Subject), sleep),
  dyestuff2 = convergence_case(Yield ~ 1 + (1 | Batch), lme4::Dyestuff2)
)
writeLines(to_json(convergence_cases), file.path(fixtures, "lmer-convergence-expectations.json"))

# --- gls fixture (nlme 3.1-162) ---
# nlme's Ovary data (Pierson and Ginther 1987) for GeneralizedLeastSquares' AR(1) test, whose
# expected phi, log-restricted-likelihood and sigma are those print(gls(...)) shows.
ovary <- nlme::Ovary
write.csv(data.frame(Mare = as.character(ovary$Mare), Time = ovary$Time, follicles = ovary$follicles),
          file.path(fixtures, "Ovary.csv"), row.names = FALSE)
