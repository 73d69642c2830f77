#### model-frame-default
d <- data.frame(y = c(1, 2, NA, 4, 5), x = c(1, 2, 3, NA, 5), g = factor(c("a", "b", "a", "b", "c"), levels = c("a", "b", "c", "z")))
mf <- model.frame(y ~ x + g, d)
mf
attributes(mf)$names
class(attr(mf, "terms"))
attr(mf, "na.action")
mf2 <- model.frame(y ~ log(x) + g, d, drop.unused.levels = TRUE)
names(mf2); levels(mf2$g)
m <- lm(breaks ~ wool, warpbreaks)

#### model-frame-fits
m <- lm(breaks ~ wool, warpbreaks)
dim(model.frame(m)); names(model.frame(m))
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
dim(model.frame(fm1)); names(model.frame(fm1))
mf <- model.frame(fm1); class(mf$Subject); deparse(attr(mf, "formula")); deparse(subbars(Reaction ~ Days + (Days | Subject)))
dim(model.frame(fm1, fixed.only = TRUE))
