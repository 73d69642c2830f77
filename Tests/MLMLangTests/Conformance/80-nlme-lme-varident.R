#### lme-varident
# Residual standard deviations by stratum, fitted with the random effects. Four digits are
# nlme's and the optimum's alike.
library(nlme)
options(digits = 4)
m <- lme(distance ~ age * Sex, data = Orthodont, random = ~ 1 | Subject, weights = varIdent(form = ~ 1 | Sex))
m
summary(m)
anova(m)
intervals(m)
round(head(resid(m, type = "pearson")), 4)
logLik(m)
m0 <- lme(distance ~ age * Sex, data = Orthodont, random = ~ 1 | Subject)
anova(m0, m)
