# lme4's InstEval: 73,421 ratings, crossed random intercepts for students, lecturers and
# departments, fitted by maximum likelihood.
suppressPackageStartupMessages(library(lme4))
d <- InstEval
t <- system.time(m <- lmer(y ~ 1 + service + (1 | s) + (1 | d) + (1 | dept), data = d, REML = FALSE))[["elapsed"]]
print(round(fixef(m), 4))
cat(sprintf("InstEval lmer by ML: %.2f s\n", t), file = stderr())
