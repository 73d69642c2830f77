# cbpp's binomial GLMM with cbind(successes, failures) (56 herd-periods, 15 herds), fitted 100
# times: time per fit.
suppressPackageStartupMessages(library(lme4))
t <- system.time(for (i in 1:100) m <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd),
                                               family = binomial, data = cbpp))[["elapsed"]]
print(round(fixef(m), 4))
cat(sprintf("cbpp glmer (1 | herd): %.2f ms per fit\n", 1000 * t / 100), file = stderr())
