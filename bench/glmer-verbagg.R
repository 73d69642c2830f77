# VerbAgg's crossed binomial GLMM (7,584 responses, 316 respondents x 24 items), lme4's own
# example: one glmer fit by the Laplace approximation, time per fit.
suppressPackageStartupMessages(library(lme4))
t <- system.time(m <- glmer(r2 ~ (Anger + Gender + btype + situ) + (1 | id) + (1 | item),
                            family = binomial, data = VerbAgg))[["elapsed"]]
print(round(fixef(m), 3))
cat(sprintf("VerbAgg glmer (1 | id) + (1 | item): %.0f ms per fit\n", 1000 * t), file = stderr())
