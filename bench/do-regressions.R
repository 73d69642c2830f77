# 100 per-group regressions on 2,000 rows through dplyr's do() and broom's tidy(), as the
# pupil-popularity lesson fits one regression per school.
suppressPackageStartupMessages({ library(dplyr); library(broom) })
set.seed(1)
d <- data.frame(SCHOOL = rep(1:100, each = 20), SEX = factor(rbinom(2000, 1, 0.5)))
d$POPULAR <- 5 + 0.8 * (d$SEX == "1") + rnorm(2000)
by_school <- group_by(d, SCHOOL)
t0 <- proc.time()[["elapsed"]]
out <- do(by_school, tidy(lm(POPULAR ~ SEX, data = .)))
elapsed <- proc.time()[["elapsed"]] - t0
print(dim(out))
cat(sprintf("100 regressions through do(): %.3f s\n", elapsed), file = stderr())
