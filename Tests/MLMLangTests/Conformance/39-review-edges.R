#### tidyr-regex-names
library(tidyr)
d <- data.frame(id = 1:2, x.1 = 1:2, y.2 = 3:4)
pivot_longer(d, -id, names_to = c("var", "time"), names_sep = "\\.")
pivot_longer(d, -id, names_prefix = "x\\.")
suppressWarnings(tryCatch(pivot_longer(d, -id, names_prefix = "("), error = function(e) cat("error\n")))
suppressWarnings(tryCatch(pivot_longer(d, -id, names_to = c("a", "b"), names_pattern = "(("), error = function(e) cat("error\n")))
gather(d, na.rm = TRUE, k, v, x.1)

#### qr-of-fits-and-forged-objects
fit <- lm(mpg ~ wt + hp, mtcars)
class(fit$qr)
names(fit$qr)
fit$qr$rank
fit$qr$pivot
dim(fit$qr$qr)
identical(qr(fit), fit$qr)
round(qr.coef(qr(fit), mtcars$mpg), 6)
g <- glm(am ~ wt, binomial, mtcars)
names(g$qr)
tryCatch(qr.Q(qr(matrix(1:6, 3)), Dvec = numeric(0)), error = function(e) cat("error\n"))
qr.Q(qr(matrix(c(1, 2, 2, 5, 1, 1), 3)), Dvec = c(2, -1))
matrix(numeric(0), 0, 0)

#### matrix-subscripts-at-the-edges
m <- matrix(1:6, 2)
m[cbind(c(1, 0, 2), c(1, 1, 3))]
m[cbind(NA, 1)]
m[cbind(1.7, 2)]
tryCatch(m[cbind(3, 1)], error = function(e) conditionMessage(e))
tryCatch(m[cbind(-1, 1)], error = function(e) conditionMessage(e))

#### colours-and-extremes-errors
tryCatch(hsv(NA), error = function(e) conditionMessage(e))
tryCatch(hsv(2), error = function(e) conditionMessage(e))
tryCatch(rainbow(3, start = NA), error = function(e) cat("error\n"))
tryCatch(pmax(), error = function(e) conditionMessage(e))
all.names(quote(a + b), max.names = 1)

#### t-test-small-samples
tryCatch(t.test(numeric(0)), error = function(e) conditionMessage(e))
tryCatch(t.test(1, 2:5), error = function(e) conditionMessage(e))
t.test(1, c(2, 4, 5), var.equal = TRUE)
