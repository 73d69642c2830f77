# lmerTest's summary of the InstEval fit by ML: Satterthwaite's df from the Hessian of the
# deviance in (theta, sigma) and the Jacobian of vcov(beta). Prints the time of the fit and of
# summary() apart (lmerTest's lmer computes its Hessian while fitting, mlmd in summary()).
suppressPackageStartupMessages(library(lmerTest))
d <- InstEval
fit <- system.time(m <- lmer(y ~ 1 + service + (1 | s) + (1 | d) + (1 | dept), data = d, REML = FALSE))[["elapsed"]]
s <- system.time(table <- coef(summary(m)))[["elapsed"]]
print(signif(table[, "df"], 4))
cat(sprintf("InstEval lmerTest fit: %.2f s, summary: %.2f s\n", fit, s), file = stderr())
