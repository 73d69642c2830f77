#### lme-random-slope-print
# nlme prints standard deviations to seven or eight digits, and its optimizer stops up to
# about 1e-6 (relative) short of the optimum, more on this flat random-slope surface; four
# digits are the ones that are nlme's and the optimum's alike.
library(nlme)
options(digits = 4)
m <- lme(distance ~ age, data = Orthodont, random = ~ age | Subject)
m
anova(m)
class(m)
names(m)
#### lme-random-intercept-ml-comparison
library(nlme)
options(digits = 5)
m1 <- lme(distance ~ age + Sex, data = Orthodont, random = ~ 1 | Subject, method = "ML")
m2 <- update(m1, fixed = distance ~ age * Sex)
m1
anova(m1, m2)
anova(m2)
anova(m2, type = "marginal")
logLik(m1)
AIC(m1); BIC(m1)
round(fixef(m2), 4)
VarCorr(m1)
m2$fixDF$X
m2$fixDF$terms
#### lme-nested-levels
library(nlme)
options(digits = 5)
m <- lme(yield ~ nitro, data = Oats, random = ~ 1 | Block/Variety)
m
VarCorr(m)
head(ranef(m)[[2]], 3)
class(ranef(m))
head(coef(m), 4)
m$dims
anova(m)
#### lme-fitted-residuals-predict
library(nlme)
options(digits = 5)
m <- lme(distance ~ age + Sex, data = Orthodont, random = ~ 1 | Subject)
head(fitted(m)); head(fitted(m, level = 0))
head(resid(m)); round(head(residuals(m, type = "pearson")), 4)
nd <- data.frame(age = c(8, 10), Sex = factor(c("Male", "Female"), levels = c("Male", "Female")),
                 Subject = c("M01", "F01"))
predict(m, nd, level = 0)
predict(m, nd)
ranef(m)[1:3, , drop = FALSE]
head(coef(m), 3)
#### lme-groupeddata-default-random
library(nlme)
options(digits = 4)
m <- lme(distance ~ age, data = Orthodont)
m
#### lme-missing-values-and-character-groups
library(nlme)
options(digits = 5)
d <- data.frame(y = c(5.1, 4.8, 6.2, NA, 5.9, 7.1, 6.6, 5.5, 4.9, 6.0, 7.4, 6.8),
                trt = rep(c("a", "b", "c"), 4), block = rep(c("b1", "b2", "b3", "b4"), each = 3))
m <- lme(y ~ trt, random = ~ 1 | block, data = d, na.action = na.exclude)
summary(m)
fitted(m)
residuals(m)
anova(m)
tryCatch(lme(y ~ trt, random = ~ 1 | block, data = d), error = conditionMessage)
#### lme-oxboys-random-slope-summary
# Heights near 150 cm varying by 0.7 within boys: the fit centres the response, and four digits
# are nlme's and the optimum's alike.
library(nlme)
options(digits = 4)
m <- lme(height ~ age, data = Oxboys, random = ~ age | Subject)
summary(m)
anova(m)
