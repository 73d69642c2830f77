# dplyr's group_by and summarise over 1,000,000 rows in 10,000 groups.
suppressPackageStartupMessages(library(dplyr))
set.seed(1)
n <- 1e6
d <- tibble(g = sample(10000L, n, replace = TRUE), x = rnorm(n))
t0 <- proc.time()[["elapsed"]]
s <- d %>% group_by(g) %>% summarise(m = mean(x), n = n())
elapsed <- proc.time()[["elapsed"]] - t0
print(dim(s))
cat(sprintf("group_by + summarise: %.3f s\n", elapsed), file = stderr())
