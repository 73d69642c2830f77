# glmer() as lme4 fits and prints it: PIRLS with the Laplace approximation, adaptive
# Gauss-Hermite quadrature, the two-stage optimization, and the merMod methods of a GLMM.
# Numbers that depend on where lme4's optimizer stops are printed to the digits lme4's own
# print and summary show.

#### glmer-cbpp-print-and-summary
library(lme4)
gm1 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial)
gm1
summary(gm1)

#### glmer-cbpp-extractors
library(lme4)
gm1 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial)
inherits(gm1, "glmerMod")
round(fixef(gm1), 4)
round(getME(gm1, "theta"), 4)
VarCorr(gm1)
logLik(gm1)
round(AIC(gm1), 3)
round(BIC(gm1), 3)
nobs(gm1)
df.residual(gm1)
sigma(gm1)
isSingular(gm1)
family(gm1)
round(as.matrix(vcov(gm1)), 4)
round(head(fitted(gm1)), 4)
round(head(residuals(gm1)), 4)
round(head(residuals(gm1, "pearson")), 4)
round(head(residuals(gm1, "response")), 4)
round(head(predict(gm1)), 4)
round(head(predict(gm1, type = "response")), 4)
round(head(predict(gm1, re.form = NA)), 4)
round(predict(gm1, newdata = data.frame(period = factor(1:4, levels = 1:4), herd = factor(c(1, 1, 2, 3), levels = 1:15)), type = "response"), 4)
round(ranef(gm1)$herd[1:5, , drop = FALSE], 4)
round(coef(gm1)$herd[1:3, ], 4)
round(confint(gm1, method = "Wald"), 3)

#### glmer-cbpp-weights
library(lme4)
gm2 <- glmer(incidence / size ~ period + (1 | herd), weights = size, data = cbpp, family = binomial)
summary(gm2)

#### glmer-cbpp-agq
library(lme4)
g25 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial, nAGQ = 25)
g25
round(-2 * as.numeric(logLik(g25)), 4)

#### glmer-anova
library(lme4)
gm0 <- glmer(cbind(incidence, size - incidence) ~ 1 + (1 | herd), data = cbpp, family = binomial)
gm1 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial)
anova(gm0, gm1)

#### glmer-grouseticks-poisson
library(lme4)
gt <- glmer(TICKS ~ YEAR + cHEIGHT + (1 | BROOD) + (1 | LOCATION), family = poisson, data = grouseticks)
round(-2 * as.numeric(logLik(gt)), 3)
round(getME(gt, "theta"), 4)
round(fixef(gt), 4)
round(coef(summary(gt)), 3)
print(VarCorr(gt), digits = 3)

#### glmer-contraception-random-slope
library(mlmRev)
cm <- suppressWarnings(glmer(use ~ age + I(age^2) + urban + livch + (1 + urban | district), family = binomial,
                             data = Contraception))
round(-2 * as.numeric(logLik(cm)), 3)
round(getME(cm, "theta"), 3)
round(fixef(cm), 3)
print(VarCorr(cm), digits = 3)

#### glmer-bad-poisson-response
library(lme4)
glmer(I(-TICKS) ~ YEAR + (1 | BROOD), family = poisson, data = grouseticks)

#### glmer-no-random-terms
library(lme4)
glmer(TICKS ~ YEAR, family = poisson, data = grouseticks)

#### glmer-agq-vector-term
library(lme4)
glmer(TICKS ~ YEAR + (1 | BROOD) + (1 | LOCATION), family = poisson, data = grouseticks, nAGQ = 5)

#### glmer-broom-mixed
library(lme4)
library(broom.mixed)
gm1 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial)
tidy(gm1)
tidy(gm1, exponentiate = TRUE, effects = "fixed")
glance(gm1)

#### glmer-constant-response
library(lme4)
d <- data.frame(y = rep(0, 20), x = rep(1:4, 5), g = factor(rep(1:5, each = 4)))
glmer(y ~ x + (1 | g), family = poisson, data = d)

#### glmer-complete-separation
library(lme4)
d <- data.frame(y = c(rep(0, 10), rep(1, 10)), x = 1:20, g = factor(rep(1:5, 4)))
m <- glmer(y ~ x + (1 | g), family = binomial, data = d)

#### glmer-one-level
library(lme4)
d <- data.frame(y = c(1, 3, 2, 5, 4, 2), x = 1:6, g = factor(rep(1, 6)))
glmer(y ~ x + (1 | g), family = poisson, data = d)

#### glmer-infinite-response
library(lme4)
d <- data.frame(y = c(1, 2, Inf, 4, 5, 6), x = 1:6, g = factor(rep(1:2, 3)))
glmer(y ~ x + (1 | g), family = poisson, data = d)

#### glmer-nagq-zero
library(lme4)
m0 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial, nAGQ = 0)
m0

#### mermod-simulate
library(lme4)
set.seed(2)
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
s <- simulate(m, nsim = 2)
head(s)
gt <- glmer(TICKS ~ YEAR + (1 | LOCATION), family = poisson, data = grouseticks)
head(simulate(gt, nsim = 2, seed = 5))
d <- data.frame(y = factor(rep(c("no", "yes", "no", "yes", "yes"), 8)), x = rep(1:5, 8), g = factor(rep(1:8, each = 5)))
b <- glmer(y ~ x + (1 | g), family = binomial, data = d)
head(simulate(b, nsim = 2, seed = 7))
gm2 <- glmer(incidence / size ~ period + (1 | herd), weights = size, data = cbpp, family = binomial)
head(simulate(gm2, seed = 1))

#### glmer-control-bobyqa
library(lme4)
gm <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial,
            control = glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 2e5)))
round(fixef(gm), 3)
round(getME(gm, "theta"), 3)
round(-2 * as.numeric(logLik(gm)), 3)

#### glmer-anova-single
library(lme4)
gm1 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial)
anova(gm1)
library(mlmRev)
cm <- suppressWarnings(glmer(use ~ age + I(age^2) + urban + livch + (1 | district), family = binomial, data = Contraception))
anova(cm)
round(getME(gm1, "RX"), 6)

#### glmer-ranef-condvar
library(lme4)
gm1 <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial)
print(as.data.frame(ranef(gm1))[1:3, ], digits = 6)

#### glmer-gaussian-is-lmer
library(lme4)
m <- glmer(Reaction ~ Days + (1 | Subject), data = sleepstudy, family = gaussian)
fixef(m)
inherits(m, "lmerMod")

#### glmer-rank-deficient-drops-columns
library(lme4)
d <- cbpp
d$p2 <- as.numeric(d$period == "2") * 2
m <- glmer(cbind(incidence, size - incidence) ~ period + p2 + (1 | herd), family = binomial, data = d)
round(fixef(m), 4)
