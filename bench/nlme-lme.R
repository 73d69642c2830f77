# nlme's lme on Orthodont (random intercept and slope) and Oats (nested random intercepts),
# each fitted 50 times, then summary and anova: time per fit.
suppressPackageStartupMessages(library(nlme))
t <- system.time(for (i in 1:50) {
  m1 <- lme(distance ~ age, data = Orthodont, random = ~ age | Subject)
  m2 <- lme(yield ~ nitro, data = Oats, random = ~ 1 | Block/Variety)
  s <- summary(m1)
  a <- anova(m2)
})[["elapsed"]]
print(round(fixef(m1), 3))
cat(sprintf("lme, Orthodont and Oats: %.2f ms per pair of fits\n", 1000 * t / 50), file = stderr())
