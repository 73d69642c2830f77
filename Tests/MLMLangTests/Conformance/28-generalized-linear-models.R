# glm() as R's stats package fits and prints it: family objects, IRLS, print, summary, anova,
# predict, residuals and the extractors, on binomial (cbind and binary), Poisson with an offset,
# gaussian and Gamma fits.

#### family-objects
binomial()
poisson(link = "sqrt")
Gamma(link = log)
binomial(link = probit)$link
f <- binomial()
f$linkinv(c(-40, 0, 2))
f$mu.eta(c(0, 1))
f$variance(0.25)
poisson()$linkfun(c(1, 10))
gaussian()$dev.resids(c(1, 2), c(1.5, 1.5), c(1, 2))
class(Gamma())

#### family-link-errors
binomial(link = "foo")

#### glm-binomial-cbind
library(lme4)
g1 <- glm(cbind(incidence, size - incidence) ~ period, family = binomial, data = cbpp)
g1
summary(g1)
class(g1)
names(g1)
g1$iter
g1$converged
head(g1$prior.weights)
head(g1$y)
g1$R

#### glm-binomial-extractors
library(lme4)
g1 <- glm(cbind(incidence, size - incidence) ~ period, family = binomial, data = cbpp)
head(residuals(g1))
head(residuals(g1, "pearson"))
head(residuals(g1, "working"))
head(residuals(g1, "response"))
head(predict(g1))
head(predict(g1, type = "response"))
predict(g1, newdata = data.frame(period = factor(1:4)), type = "response", se.fit = TRUE)
predict(g1, newdata = data.frame(period = factor(c(2, 4))), se.fit = TRUE)
vcov(g1)
logLik(g1)
AIC(g1)
BIC(g1)
nobs(g1)
deviance(g1)
df.residual(g1)
coef(summary(g1))
summary(g1)$dispersion
family(g1)

#### glm-anova
library(lme4)
g1 <- glm(cbind(incidence, size - incidence) ~ period, family = binomial, data = cbpp)
g0 <- glm(cbind(incidence, size - incidence) ~ 1, family = binomial, data = cbpp)
anova(g0, g1, test = "Chisq")
anova(g0, g1)
anova(g1)
anova(g1, test = "LRT")

#### glm-binary
library(mlmRev)
c1 <- glm(use ~ age + I(age^2) + urban + livch, family = binomial, data = Contraception)
summary(c1)
anova(c1, test = "Chisq")
head(fitted(c1))

#### glm-poisson-offset
library(lme4)
p1 <- glm(incidence ~ period + offset(log(size)), family = poisson, data = cbpp)
summary(p1)
anova(p1, test = "Chisq")
predict(p1, newdata = data.frame(period = factor(1:4), size = 10), type = "response")
p2 <- glm(incidence ~ period, offset = log(size), family = poisson, data = cbpp)
p2$null.deviance
predict(p2, newdata = data.frame(period = factor(1:2), size = c(5, 20)))

#### glm-gaussian-and-gamma
gg <- glm(mpg ~ wt + factor(cyl), data = mtcars)
summary(gg)
anova(gg, test = "F")
logLik(gg)
gm <- glm(mpg ~ wt, family = Gamma(link = "log"), data = mtcars)
summary(gm)
AIC(gm)
pr <- glm(am ~ wt, family = binomial(link = probit), data = mtcars)
pr
family(pr)

#### glm-weights-and-proportions
library(lme4)
w1 <- glm(incidence / size ~ period, weights = size, family = binomial, data = cbpp)
coef(w1)
deviance(w1)
w1$aic

#### glm-bad-response
glm(mpg ~ wt, family = poisson, data = data.frame(mpg = c(-1, 2, 3), wt = 1:3))

#### glm-out-of-range-binomial
glm(y ~ x, family = binomial, data = data.frame(y = c(0, 2, 1), x = 1:3))

#### glm-separation
d <- data.frame(x = 1:10, y = c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1))
fit <- glm(y ~ x, family = binomial, data = d)
fit$converged

#### glm-confint-profile
library(lme4)
g1 <- glm(cbind(incidence, size - incidence) ~ period, family = binomial, data = cbpp)
confint(g1)
confint.default(g1)
confint(g1, "period2")
confint(g1, level = 0.9)
exp(cbind(OR = coef(g1), confint(g1)))
p1 <- glm(incidence ~ period + offset(log(size)), family = poisson, data = cbpp)
confint(p1)
gg <- glm(mpg ~ wt + factor(cyl), data = mtcars)
confint(gg)

#### glm-broom
library(broom)
library(lme4)
g1 <- glm(cbind(incidence, size - incidence) ~ period, family = binomial, data = cbpp)
tidy(g1)
tidy(g1, exponentiate = TRUE)
tidy(g1, conf.int = TRUE)
glance(g1)
pr <- glm(am ~ wt, family = binomial, data = mtcars)
augment(pr)

#### glm-non-integer-counts
d <- data.frame(y = c(1.5, 2, 3, 4, 5, 6), x = 1:6)
fit <- glm(y ~ x, family = poisson, data = d)
fit$aic

#### glm-infinite-response
d <- data.frame(y = c(1, 2, Inf, 4, 5, 6), x = 1:6)
glm(y ~ x, family = poisson, data = d)

#### glm-simulate
set.seed(1)
p1 <- glm(carb ~ wt, family = poisson, data = mtcars)
s <- simulate(p1, nsim = 2)
head(s)
str(attr(s, "seed")[1:3])
b1 <- glm(am ~ wt, family = binomial, data = mtcars)
head(simulate(b1, nsim = 3, seed = 42))
l1 <- lm(mpg ~ wt, data = mtcars)
head(simulate(l1, nsim = 2, seed = 1))
g1 <- glm(mpg ~ wt, data = mtcars)
head(simulate(g1, seed = 1))
d <- data.frame(y = factor(c("a", "b", "a", "b", "b", "a", "b", "a")), x = 1:8)
f1 <- glm(y ~ x, family = binomial, data = d)
simulate(f1, nsim = 2, seed = 3)
