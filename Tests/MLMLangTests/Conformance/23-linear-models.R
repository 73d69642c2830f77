#### lm-print
d <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8), y = c(2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1))
lm(y ~ x, data = d)
#### lm-summary-simple
d <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8), y = c(2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1))
summary(lm(y ~ x, data = d))
#### lm-summary-factor
d <- data.frame(g = factor(c("a", "b", "c", "a", "b", "c", "a", "b", "c", "a")),
                y = c(5.1, 6.3, 7.9, 4.8, 6.1, 8.4, 5.3, 6.6, 7.7, 5.0))
summary(lm(y ~ g, data = d))
#### lm-summary-interaction
d <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                s = factor(rep(c(0, 1), 6)),
                y = c(1.2, 2.8, 2.9, 5.1, 4.2, 7.3, 5.8, 9.0, 7.1, 11.2, 8.3, 13.4))
summary(lm(y ~ s * x, data = d))
#### lm-coefficients
d <- data.frame(x = c(1, 2, 3, 4, 5, 6), y = c(1.1, 1.9, 3.2, 3.9, 5.1, 6.0))
fit <- lm(y ~ x, data = d)
coef(fit)
round(residuals(fit), 4)
round(fitted(fit), 4)
#### lm-rank-deficient
d <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7), y = c(3, 5, 4, 8, 9, 8, 12))
d$x2 <- 2 * d$x
summary(lm(y ~ x + x2, data = d))
#### lm-small-residual-df
d <- data.frame(x = c(1, 2, 3, 4), y = c(1.5, 2.2, 3.9, 4.1))
summary(lm(y ~ x, data = d))
#### lm-weights
d <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8), y = c(2.3, 3.1, 6.5, 7.2, 9.8, 12.9, 13.1, 16.9),
                w = c(1, 2, 1, 2, 1, 2, 1, 2))
summary(lm(y ~ x, data = d, weights = w))
#### lm-tidy-glance
suppressPackageStartupMessages(library(broom))
d <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8), y = c(2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1))
fit <- lm(y ~ x, data = d)
tidy(fit)
glance(fit)$r.squared
#### lm-no-intercept
d <- data.frame(x = c(1, 2, 3, 4, 5, 6), y = c(1.1, 1.9, 3.2, 3.9, 5.1, 6.0))
coef(lm(y ~ 0 + x, data = d))
#### lm-two-observations
d <- data.frame(x = c(1, 2), y = c(3, 5))
summary(lm(y ~ x, data = d))
#### lm-perfect-fit
d <- data.frame(x = 1:6, y = 2 * (1:6) + 1)
summary(lm(y ~ x, data = d))
#### lm-anova-sequential
fit <- lm(mpg ~ wt + factor(cyl), data = mtcars)
anova(fit)
#### lm-anova-compare
m1 <- lm(mpg ~ wt, data = mtcars)
m2 <- lm(mpg ~ wt + hp + qsec, data = mtcars)
anova(m1, m2)
#### lm-extractors
fit <- lm(mpg ~ wt + hp, data = mtcars)
vcov(fit)
confint(fit)
sigma(fit)
logLik(fit)
AIC(fit)
BIC(fit)
nobs(fit)
deviance(fit)
df.residual(fit)
head(residuals(fit), 3)
head(fitted(fit), 3)
#### lm-predict
fit <- lm(mpg ~ wt, data = mtcars)
nd <- data.frame(wt = c(2.5, 3.5))
predict(fit, nd)
predict(fit, nd, interval = "confidence")
predict(fit, nd, interval = "prediction", level = 0.9)
#### lm-subset-na
d <- data.frame(x = c(1, 2, NA, 4, 5, 6), y = c(1.2, 1.9, 3.1, NA, 5.2, 5.8), g = c(1, 1, 1, 2, 2, 2))
fit <- lm(y ~ x, data = d, subset = g == 1 | x > 4)
coef(fit)
nobs(fit)
summary(lm(y ~ x, data = d))
#### lm-identity-terms
fit <- lm(mpg ~ wt + I(wt^2), data = mtcars)
fit
#### lm-tidy-conf-int
library(broom)
fit <- lm(mpg ~ wt + hp, data = mtcars)
tidy(fit, conf.int = TRUE)
#### lm-augment
library(broom)
augment(lm(mpg ~ wt + hp, data = mtcars))
#### lm-perfect-fit-warning
d <- data.frame(x = 1:6, y = 2 * (1:6) + 1)
fit <- lm(y ~ x, data = d)
s <- summary(fit)
coef(fit)
s$r.squared
