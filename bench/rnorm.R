# Drawing a million normal deviates and summarising them.
set.seed(1)
x <- rnorm(1e6)
print(mean(x))
print(sd(x))
print(quantile(x))
