#### splines-interpolation
library(splines)
x <- c(1, 2, 3.5, 4, 6, 7.5); y <- c(-2, -1.1, 0, 0.4, 1.5, 2.3)
sp <- interpSpline(x, y)
sp$knots
sp$coefficients
class(sp)
b <- backSpline(sp)
b$coefficients
predict(b, c(-1.96, 0.3, 1.96, 5))$y
predict(sp, c(0, 2.5, 8))$y
splineDesign(c(0,0,0,0,1,2,3,3,3,3), c(0, 0.5, 1.5, 3), 4, c(2,0,0,2))
splineDesign(1:10, 4:7)
tryCatch(splineDesign(1:10, 0), error = function(e) conditionMessage(e))

#### matrix-helpers
m <- matrix(c(4, 2, 2, 3), 2)
chol(m)
tryCatch(chol(matrix(c(1, 2, 2, 1), 2)), error = function(e) conditionMessage(e))
u <- rbind(c(1, 2), c(3, 4), c(1, 2))
unique(u)
duplicated(u)
mm <- matrix(1:6, 3, dimnames = list(NULL, c("(Intercept)", "a b")))
names(as.data.frame(mm))
mm[c(1, NA, 3), 2]
tryCatch(mm[4, 1], error = function(e) conditionMessage(e))
f <- approxfun(c(1, 2, 4), c(10, 20, 0))
f(c(0.5, 1, 1.5, 3, 4, 5))
approx(c(1, 2, 4), c(10, 20, 0), xout = c(2, 3))
na.fail(c(1, 2))
tryCatch(na.fail(c(1, NA)), error = function(e) conditionMessage(e))
