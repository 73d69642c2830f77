#### xtabs-counts
xtabs(~ batch + cask, data = lme4::Pastes)
x <- xtabs(~ cyl + gear, mtcars)
x
class(x)
names(dimnames(x))
attr(x, "call")
xtabs(~ cyl, mtcars, subset = am == 1)
table(mtcars$cyl, mtcars$gear)

#### xtabs-sums
xtabs(mpg ~ cyl, mtcars)
xtabs(hp ~ cyl + am, mtcars)
tryCatch(xtabs(~ cyl:gear, mtcars), error = function(e) conditionMessage(e))

#### aov-one-stratum
fit2 <- aov(mpg ~ factor(cyl) + wt, data = mtcars)
fit2
summary(fit2)
coef(fit2)
class(fit2)
class(summary(fit2))
s <- summary(fit2)[[1]]
names(s)
round(s[["F value"]], 4)

#### aov-balanced-and-interactions
d <- data.frame(y = c(5.1, 4.9, 6.2, 6.0, 7.3, 7.1, 5.5, 6.6), a = gl(2, 4), b = gl(2, 2, 8))
summary(aov(y ~ a * b, d))
aov(y ~ a * b, d)
aov(y ~ a + b, d[-8, ])
summary(aov(y ~ a, d), intercept = TRUE)

#### model-matrix
d <- data.frame(y = c(5.1, 4.9, 6.2, 6.0, 7.3, 7.1, 5.5, 6.6), a = gl(2, 4), b = gl(2, 2, 8, labels = c("lo", "hi")))
model.matrix(~ a + b, d)
model.matrix(y ~ a:b, d)
fit <- lm(mpg ~ factor(cyl) + wt, mtcars)
model.matrix(fit)[1:3, ]
attr(model.matrix(fit), "assign")
contrasts(d$b) <- contr.sum
model.matrix(~ b, d)

#### vector-helpers
pmax(c(1, 5, 3), 2)
pmin(c(1, 5, NA), c(4, 2, 2))
pmin(c(1, 5, NA), 2, na.rm = TRUE)
pmax(1:4, 2L)
zapsmall(c(1, 1e-20, 3.14159265))
gl(3, 2)
gl(2, 1, 6, labels = c("x", "y"), ordered = TRUE)
all.names(quote(sin(x + y) * f(z)))
all.vars(quote(sin(x + y) * f(x)))
all.vars(y ~ a + log(b))
all.names(y ~ a + b, functions = FALSE, unique = TRUE)

#### call-arguments-by-name
cl <- quote(f(a = 1, b = 2))
cl$c <- NULL
cl
cl$a <- NULL
cl
cl$d <- 5
cl
cl$b <- quote(x + y)
cl

#### colon-infinite-ends
tryCatch(Inf:Inf, error = function(e) conditionMessage(e))
tryCatch(1:Inf, error = function(e) conditionMessage(e))
tryCatch(-Inf:1, error = function(e) conditionMessage(e))
