# A 200-replicate parametric bootstrap of the sleepstudy random-slope fit's fixed effects
# (issue 17 asks for 10x lme4).
suppressPackageStartupMessages(library(lme4))
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
set.seed(1)
t <- system.time(bb <- suppressWarnings(bootMer(fm1, fixef, nsim = 200)))[["elapsed"]]
print(round(apply(bb$t, 2, sd), 3))
cat(sprintf("bootMer(fm1, fixef, nsim = 200): %.3f s\n", t), file = stderr())
