#### gls-ar1-print-summary-anova
# nlme's optimizer stops about 1e-8 (relative) short of the optimum here; five digits are the
# ones that are nlme's and the optimum's alike.
library(nlme)
options(digits = 5)
g1 <- gls(follicles ~ sin(2*pi*Time) + cos(2*pi*Time), Ovary, correlation = corAR1(form = ~ 1 | Mare))
g1
summary(g1)
anova(g1)
class(g1)
coef(g1)
#### gls-compound-symmetry-varident-ml
library(nlme)
options(digits = 4)
g2 <- gls(distance ~ age * Sex, Orthodont, correlation = corCompSymm(form = ~ 1 | Subject),
          weights = varIdent(form = ~ 1 | Sex), method = "ML")
g2
anova(g2)
anova(g2, type = "marginal")
g0 <- gls(distance ~ age * Sex, Orthodont, method = "ML")
anova(g0, g2)
logLik(g2); AIC(g2); BIC(g2)
head(fitted(g2)); head(residuals(g2)); head(residuals(g2, type = "pearson"))
round(vcov(g2), 4)
#### gls-independent-errors-and-missing-values
library(nlme)
options(digits = 5)
d <- data.frame(y = c(5.1, 4.8, 6.2, NA, 5.9, 7.1, 6.6, 5.5, 4.9, 6.0, 7.4, 6.8),
                x = c(1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6), g = rep(c("a", "b"), each = 6))
m <- gls(y ~ x, data = d, na.action = na.omit)
m
summary(m)
m2 <- gls(y ~ x, data = d, correlation = corAR1(form = ~ x | g), na.action = na.exclude)
m2
fitted(m2)
tryCatch(gls(y ~ x, data = d), error = conditionMessage)
