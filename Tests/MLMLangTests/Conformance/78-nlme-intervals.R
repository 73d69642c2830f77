#### lme-intervals
# nlme's optimizer stops up to about 1e-6 (relative) before the optimum; at four digits the
# intervals are nlme's and the optimum's alike.
library(nlme)
options(digits = 4)
m1 <- lme(distance ~ age + Sex, data = Orthodont, random = ~ 1 | Subject, method = "ML")
intervals(m1, level = 0.9)
intervals(m1, which = "fixed")
round(m1$apVar, 4)
m2 <- lme(yield ~ nitro, data = Oats, random = ~ 1 | Block/Variety)
intervals(m2)
# The random-slope fit's variance intervals rest on a flat likelihood surface, where nlme's and
# the optimum's differ in the third digit; its fixed-effect intervals agree.
m3 <- lme(distance ~ age, data = Orthodont, random = ~ age | Subject)
intervals(m3, which = "fixed")
class(intervals(m3))
names(intervals(m3))
