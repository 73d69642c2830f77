# A simulated 1,000,000-row data set with 10,000 groups and a correlated random slope.
suppressPackageStartupMessages(library(lme4))
set.seed(1)
n <- 1e6
g <- sample(10000L, n, replace = TRUE)
x <- rnorm(n)
b0 <- rnorm(10000, sd = 1)
b1 <- rnorm(10000, sd = 0.5)
d <- data.frame(g = factor(g), x = x, y = 2 + 0.5 * x + b0[g] + b1[g] * x + rnorm(n))
t <- system.time(m <- lmer(y ~ x + (1 + x | g), data = d))[["elapsed"]]
print(round(fixef(m), 4))
cat(sprintf("1e6 rows, 1e4 groups, correlated slope: %.2f s\n", t), file = stderr())
