# lme4's default confint() of the sleepstudy random-slope fit: likelihood profiles of all six
# parameters and their spline inversion (issue 17 asks for 10x lme4).
suppressPackageStartupMessages(library(lme4))
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
t <- system.time(ci <- suppressMessages(confint(fm1)))[["elapsed"]]
print(round(ci, 3))
cat(sprintf("confint(fm1), profile: %.3f s\n", t), file = stderr())
