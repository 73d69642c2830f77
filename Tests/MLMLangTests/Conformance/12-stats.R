# Statistics: mean, median, var, sd, quantile, cor, distributions, summary.
#### mean-median
mean(c(1, 2, 3, 4, 10))
median(c(1, 2, 3, 4, 10))
median(c(4, 1, 3, 2))
median(1:4)
median(c(5L, 3L, 1L))
#### mean-trim
mean(c(1, 2, 3, 100), trim = 0.25)
#### mean-na
mean(c(1, NA, 3))
median(c(1, NA, 3))
median(c(1, NA, 3), na.rm = TRUE)
#### mean-empty
mean(numeric(0))
median(numeric(0))
#### mean-character-warning
mean("a")
#### var-sd
x <- c(2, 4, 4, 4, 5, 5, 7, 9)
var(x)
sd(x)
#### var-single
var(5)
sd(1)
#### var-matrix
var(cbind(a = c(1, 2, 3), b = c(2, 4, 7)))
#### quantile-default
quantile(1:10)
#### quantile-probs
quantile(c(1.5, 2, 10, 7, 3), probs = c(0.1, 0.5, 0.9))
#### quantile-fine-probs
quantile(1:9, probs = c(0.025, 0.975, 1/3))
#### quantile-names-false
quantile(1:10, 0.5, names = FALSE)
#### quantile-na-error
quantile(c(1, NA))
#### quantile-na-rm
quantile(c(1, NA, 3, 5), na.rm = TRUE)
#### quantile-type
quantile(1:10, 0.3, type = 1)
quantile(1:10, 0.3, type = 6)
#### cor-pearson
x <- c(1, 2, 3, 4, 5)
y <- c(2, 4, 5, 4, 5)
cor(x, y)
#### cor-spearman
cor(c(1, 2, 3, 4), c(1, 3, 2, 4), method = "spearman")
#### cor-matrix
m <- cbind(a = c(1, 2, 3, 4), b = c(2, 1, 4, 3), c = c(4, 3, 2, 1))
cor(m)
#### cov
cov(c(1, 2, 3), c(1, 5, 7))
#### cor-zero-sd-warning
cor(c(1, 1, 1), c(1, 2, 3))
#### scale
scale(c(1, 2, 3))
#### summary-numeric
summary(c(1, 2, 3, 4, 100))
#### summary-numeric-na
summary(c(1.5, 2, NA, 10, 3))
#### summary-integer
summary(1:10)
#### summary-decimals
summary(c(0.001, 0.0023, 0.5, 0.123))
#### summary-large
summary(c(123456, 234567, 345678))
#### summary-logical
summary(c(TRUE, FALSE, TRUE, NA))
#### summary-character
summary(c("a", "b", "c"))
#### summary-factor
summary(factor(c("lo", "hi", "lo", NA)))
#### summary-data-like-list
summary(list(1, "a"))
#### fivenum-iqr-mad
fivenum(c(1, 2, 3, 4, 100))
IQR(1:10)
mad(c(1, 2, 3, 4, 100))
#### weighted-mean
weighted.mean(c(1, 2, 3), c(3, 2, 1))
#### pnorm-qnorm
pnorm(0)
pnorm(1.96)
pnorm(c(-1, 0, 1))
qnorm(0.975)
qnorm(c(0.025, 0.5))
pnorm(1, mean = 1, sd = 2)
pnorm(2, lower.tail = FALSE)
#### dnorm
dnorm(0)
dnorm(c(-1, 1), sd = 2)
#### pt-qt
pt(2, df = 5)
qt(0.975, df = 10)
qt(c(0.025, 0.975), df = 3)
pt(-1.5, df = 20)
2 * pt(-abs(2.1), df = 15)
#### pchisq-pf
pchisq(3.84, df = 1)
pchisq(10, df = 3, lower.tail = FALSE)
pf(4, df1 = 2, df2 = 10)
qchisq(0.95, df = 2)
qf(0.95, 3, 20)
#### binom-pois
dbinom(3, 10, 0.5)
pbinom(3, 10, 0.5)
dpois(2, 3)
ppois(2, 3)
#### punif-pexp
punif(0.3)
pexp(1, rate = 2)
qexp(0.5)
#### qnorm-nan-warning
qnorm(2)
#### extreme-probabilities
pnorm(-40)
pnorm(-40, log.p = TRUE)
qnorm(1e-10)
#### tiny-pvalues-format
format.pval(c(0.1, 0.0001, 1e-20))
#### round-statistics
x <- c(12.5, 13.1, 11.9, 14.2, 12.8)
round(mean(x), 2)
round(sd(x), 3)
signif(var(x), 3)
#### cumulative-stats
x <- c(3, 1, 4, 1, 5)
cumsum(x) / seq_along(x)
#### range-diff
diff(range(c(5, 2, 9)))
#### scale-center
x <- c(10, 20, 30)
(x - mean(x)) / sd(x)
#### t-test-statistic-by-hand
x <- c(5.1, 4.9, 5.6, 5.8, 6.0, 5.5)
t_stat <- (mean(x) - 5) / (sd(x) / sqrt(length(x)))
t_stat
2 * pt(-abs(t_stat), df = length(x) - 1)
#### lm-coef
x <- c(1, 2, 3, 4, 5)
y <- c(2.1, 3.9, 6.2, 7.8, 10.1)
coef(lm(y ~ x))
#### prop-table
prop.table(c(a = 1, b = 3))
prop.table(table(c("x", "y", "y", "y")))
#### cor-na
cor(c(1, 2, NA), c(2, 3, 4))
cor(c(1, 2, NA, 4), c(2, 3, 4, 1), use = "complete.obs")
#### max-min-integers
max(integer(0))
#### density-print-and-values
x <- c(1, 2, 3, 4, 10)
d <- density(x)
d
names(d)
signif(d$y[c(1, 100, 256, 512)], 10)
density(mtcars$mpg, adjust = 2, n = 100)
bw.nrd0(mtcars$mpg)
signif(lowess(mtcars$wt, mtcars$mpg)$y[1:5], 10)
#### density-errors
density(c(1, NA))
