#### qr-decomposition
x <- cbind(a = 1, b = c(-1, 0, 1, 2), c = c(1, 0, 1, 4))
q <- qr(x)
class(q)
names(q)
q$rank
q$pivot
str(unclass(q))
qr.R(q)
qr.Q(q)
qr.qy(q, c(1, 2, 3, 4))
qr.qty(q, matrix(1:8, 4))
qr.coef(q, c(1, 2, 4, 3))

#### qr-rank-deficient
x <- cbind(1, 1:5, 2 * (1:5), c(2, 1, 4, 3, 5))
colnames(x) <- c("one", "t", "t2", "z")
q <- qr(x)
q$rank
q$pivot
colnames(q$qr)
qr.coef(q, c(3, 1, 4, 1, 5))

#### contrast-matrices
contr.treatment(3)
contr.treatment(c("a", "b", "c"), base = 2)
contr.treatment(3, contrasts = FALSE)
contr.sum(4)
contr.helmert(4)
contr.SAS(3)
contr.poly(3)
contr.poly(5)
contr.poly(4, scores = c(1, 2, 4, 8))

#### contrasts-of-factors
f <- factor(c("lo", "mid", "hi", "lo"), levels = c("lo", "mid", "hi"))
contrasts(f)
contrasts(f, contrasts = FALSE)
contrasts(f) <- contr.sum
contrasts(f)
attr(f, "contrasts")
contrasts(f) <- "contr.helmert"
contrasts(f)
contrasts(f) <- matrix(c(-1, 0, 1), 3)
contrasts(f)
contrasts(factor(1:4, ordered = TRUE))
contrasts(c(TRUE, FALSE))
getOption("contrasts")
is.ordered(factor(1:3, ordered = TRUE))
is.ordered(factor(1:3))

#### contrasts-errors
f <- factor(c("a", "a"))
tryCatch(contrasts(f) <- contr.sum, error = function(e) conditionMessage(e))
tryCatch(contrasts(1:3), error = function(e) conditionMessage(e))
tryCatch(contr.treatment(1), error = function(e) conditionMessage(e))
tryCatch(contr.treatment(3, base = 5), error = function(e) conditionMessage(e))

#### models-use-contrasts
d <- data.frame(y = c(1.2, 2.3, 3.1, 4.8, 5.2, 6.9, 7.1, 8.4, 9.9),
                g = factor(rep(c("a", "b", "c"), 3)), o = factor(rep(1:3, each = 3), ordered = TRUE))
coef(lm(y ~ g, d))
coef(lm(y ~ o, d))
contrasts(d$g) <- contr.sum
coef(lm(y ~ g, d))
contrasts(d$g) <- "contr.helmert"
coef(lm(y ~ g + o, d))
options(contrasts = c("contr.sum", "contr.poly"))
d2 <- data.frame(y = d$y, g = factor(rep(c("a", "b", "c"), 3)))
summary(lm(y ~ g, d2))$coefficients
options(contrasts = c("contr.treatment", "contr.poly"))
s <- lme4::sleepstudy
s$DaysF <- factor(s$Days %/% 3, ordered = TRUE)
round(lme4::fixef(lme4::lmer(Reaction ~ DaysF + (1 | Subject), s)), 4)

#### expand-grid
g <- expand.grid(x = 1:3, f = c("a", "b"))
g
str(g)
attr(g, "out.attrs")
nrow(expand.grid(a = 1:2, b = 1:3, c = 1:2))
expand.grid(list(p = c(0.5, 1), q = c(TRUE, FALSE)), stringsAsFactors = FALSE)
expand.grid(1:2, c("u", "v"), KEEP.OUT.ATTRS = FALSE)

#### sweep-row-col
m <- matrix(1:6, 2)
sweep(m, 2, colMeans(m))
sweep(m, 1, c(10, 100), "*")
row(m)
col(m)
m[row(m) == col(m)]
anyDuplicated(c(3, 1, 3, 1))
anyDuplicated(1:4)

#### matrix-index-by-matrix
m <- matrix(0, 3, 3)
m[cbind(1:3, c(3, 1, 2))] <- c(7, 8, 9)
m
m[cbind(c(1, 3), c(3, 2))]
a <- array(1:24, c(2, 3, 4))
a[cbind(2, 3, 4)]
a[rbind(c(1, 1, 1), c(2, 2, 2))]

#### str-drops-zero-exponents
str(c(-1.732051, 1.17e-16, 120000))
str(c(2.5, 2, 3.25))

#### lengths
lengths(list(a = 1:3, b = NULL, c = letters))
lengths(1:3)
lengths(list())
lengths(list(1, 2:3), use.names = FALSE)
