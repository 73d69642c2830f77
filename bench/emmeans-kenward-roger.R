# emmeans' marginal means of an lmer fit with Kenward-Roger degrees of freedom (pbkrtest's
# vcovAdj: dense 270 x 270 matrices for lme4's cake data), and their Tukey-adjusted pairs, 5 times.
suppressMessages({library(lme4); library(emmeans)})
fm <- lmer(angle ~ recipe * temperature + (1 | recipe:replicate), cake)
for (i in 1:5) {
  e <- emmeans(fm, ~ recipe)
  p <- summary(pairs(e))
}
print(p)
