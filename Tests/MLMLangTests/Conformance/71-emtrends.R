#### emtrends-slopes
library(emmeans)
m <- lm(mpg ~ wt * factor(am) + hp, mtcars)
emtrends(m, ~ am, var = "wt")
emtrends(m, "am", var = "hp")
pairs(emtrends(m, ~ am, var = "wt"))
library(lme4)
fm <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
emtrends(fm, ~ 1, var = "Days")
s <- summary(emtrends(m, ~ am, var = "wt")); names(s)

#### emmeans-overall-mean
library(emmeans)
emmeans(lm(breaks ~ wool + tension, warpbreaks), ~ 1)
