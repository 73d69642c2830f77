#### joint-tests-lm
library(emmeans)
m <- lm(breaks ~ wool * tension, data = warpbreaks)
joint_tests(m)
joint_tests(m, by = "wool")
m2 <- lm(mpg ~ wt * factor(am) + hp, mtcars)
joint_tests(m2)

#### joint-tests-lmer
library(lme4)
library(emmeans)
fm <- lmer(angle ~ recipe * temperature + (1 | recipe:replicate), cake)
joint_tests(fm)
j <- joint_tests(fm)
class(j)
names(j)
j$df2
ss <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
joint_tests(ss)

#### call-arguments-by-name
cl <- quote(lm(y ~ x, data = d, weights = w))
cl$data
cl[["weights"]]
cl$wei
cl$formula
m <- lm(mpg ~ wt, mtcars)
m$call$data
