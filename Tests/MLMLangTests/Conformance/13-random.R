# Random number generation (Mersenne-Twister, Inversion, Rejection sampling).
#### rnorm-seed-1
set.seed(1)
rnorm(5)
#### rnorm-seed-123
set.seed(123)
rnorm(3)
#### rnorm-mean-sd
set.seed(42)
rnorm(4, mean = 10, sd = 2)
#### runif-seed-1
set.seed(1)
runif(5)
#### runif-range
set.seed(2024)
runif(3, min = 5, max = 10)
#### sample-ten
set.seed(1)
sample(10)
#### sample-five-three
set.seed(42)
sample(5, 3)
#### sample-replace-chars
set.seed(123)
sample(c("a", "b"), 5, replace = TRUE)
#### sample-several-seeds
set.seed(1)
sample(10)
set.seed(2)
sample(10)
set.seed(99)
sample(10)
#### sample-vector
set.seed(7)
sample(c(10, 20, 30, 40))
#### sample-prob
set.seed(5)
sample(1:3, 10, replace = TRUE, prob = c(0.5, 0.3, 0.2))
#### sample-large-n
set.seed(10)
sample(1000, 5)
#### sample-single-number-gotcha
set.seed(3)
sample(c(5))
#### sample-int
set.seed(4)
sample.int(20, 4)
#### sample-letters
set.seed(8)
sample(letters, 4)
#### seed-reproducible
set.seed(100)
a <- runif(3)
set.seed(100)
b <- runif(3)
identical(a, b)
#### rnorm-then-runif
set.seed(11)
rnorm(2)
runif(2)
#### rnorm-long
set.seed(2)
rnorm(15)
#### rbinom-rpois
set.seed(1)
rbinom(5, 10, 0.5)
rpois(5, 3)
#### rexp
set.seed(1)
rexp(3)
#### round-rnorm
set.seed(31)
round(rnorm(6), 2)
#### mean-of-random
set.seed(10)
x <- rnorm(100)
mean(x)
sd(x)
#### summary-random
set.seed(2)
summary(runif(50))
#### sample-replace-numbers
set.seed(77)
sample(6, 10, replace = TRUE)
#### sample-zero-error
sample(5, 10)
#### rnorm-matrix
set.seed(9)
matrix(round(rnorm(6), 3), 2)
#### set-seed-sample-kind
set.seed(1, sample.kind = "Rounding")
sample(10)
#### sample-after-rnorm
set.seed(5)
invisible(rnorm(1))
sample(5)
#### rt-rchisq
set.seed(1)
rt(2, df = 5)
rchisq(2, df = 3)
#### sample-huge-negative-size
sample(letters, -1e94)
