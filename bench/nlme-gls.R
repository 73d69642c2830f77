# nlme's gls with AR(1) errors on Ovary and compound symmetry with varIdent on Orthodont, each
# fitted 20 times, then summary and anova: time per pair of fits.
suppressPackageStartupMessages(library(nlme))
t <- system.time(for (i in 1:20) {
  g1 <- gls(follicles ~ sin(2*pi*Time) + cos(2*pi*Time), Ovary, correlation = corAR1(form = ~ 1 | Mare))
  g2 <- gls(distance ~ age * Sex, Orthodont, correlation = corCompSymm(form = ~ 1 | Subject),
            weights = varIdent(form = ~ 1 | Sex), method = "ML")
  s <- summary(g1)
  a <- anova(g2)
})[["elapsed"]]
print(round(coef(g1), 3))
cat(sprintf("gls, Ovary and Orthodont: %.2f ms per pair of fits\n", 1000 * t / 20), file = stderr())
