# sleepstudy's correlated random intercept and slope, fitted 200 times: time per fit.
suppressPackageStartupMessages(library(lme4))
t <- system.time(for (i in 1:200) m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy))[["elapsed"]]
print(round(fixef(m), 4))
cat(sprintf("sleepstudy (Days | Subject): %.2f ms per fit\n", 1000 * t / 200), file = stderr())
