#### apply-arrays
m <- matrix(1:6, 2, dimnames=list(c("a","b"), c("x","y","z")))
apply(m, 1, range)
apply(m, 2, function(v) v[v>2])
a <- array(1:24, 2:4)
apply(a, c(1,3), sum)
apply(a, 3, dim)
head(apply(iris[, 1:4], 1, sum))
apply(mtcars[1:3, 1:3], 1, max)
apply(Titanic, c(1, 4), sum)
apply(m, c(2,1), identity)
apply(m, 1, sum)
apply(m, 2, mean)
apply(m, 1:2, function(v) v * 10)
apply(Titanic, "Class", sum)
apply(matrix(1:4, 2), 1, function(r) list(r))
apply(m, 2, summary)

#### data-unknown-package
tryCatch(data(ergoStool, package = "MEMSS"), error = function(e) conditionMessage(e))
tryCatch(data(ergoStool, package = "MEMSS"), error = function(e) deparse(conditionCall(e)))
data(Oxboys, package = "nlme")
dim(Oxboys)

#### matrix-dimensions
tryCatch(matrix(1, -1, 2), error = function(e) conditionMessage(e))
tryCatch(matrix(1, NA, 2), error = function(e) conditionMessage(e))
dim(matrix(1:6, 2.7))
dim(matrix(0, 0, 3))
