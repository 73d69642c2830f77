# A binary glm on mlmRev's Contraception (1,934 women), fitted 100 times: time per fit.
suppressPackageStartupMessages(library(mlmRev))
t <- system.time(for (i in 1:100) m <- glm(use ~ age + I(age^2) + urban + livch, family = binomial,
                                             data = Contraception))[["elapsed"]]
print(round(coef(m), 4))
cat(sprintf("Contraception glm: %.2f ms per fit\n", 1000 * t / 100), file = stderr())
