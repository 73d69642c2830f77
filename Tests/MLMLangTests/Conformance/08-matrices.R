# Matrices: construction, printing, algebra, apply.
#### matrix-basic
matrix(1:6, nrow = 2)
#### matrix-byrow
matrix(1:6, nrow = 2, byrow = TRUE)
#### matrix-twenty
matrix(1:20, 4)
#### matrix-double
matrix(c(1.5, 2, 3.25, 4), 2)
#### matrix-mixed-magnitudes
matrix(c(1, 1000.5, 0.001, 1e6), 2)
#### matrix-character
matrix(c("a", "bb", "ccc", NA), 2)
#### matrix-logical
matrix(c(TRUE, FALSE, NA, TRUE), 2)
#### matrix-dimnames
matrix(1:4, 2, dimnames = list(c("r1", "r2"), c("c1", "c2")))
#### matrix-dimnames-only-cols
m <- matrix(1:4, 2)
colnames(m) <- c("alpha", "beta")
m
#### matrix-dimnames-only-rows
m <- matrix(1:4, 2)
rownames(m) <- c("first", "second")
m
#### matrix-named-dimnames
matrix(1:4, 2, dimnames = list(rows = c("a", "b"), cols = c("x", "y")))
#### matrix-na
matrix(c(1, NA, 3, 4), 2)
#### matrix-negative
matrix(c(-1.5, 2, -3, 4), 2)
#### transpose
t(matrix(1:6, 2))
t(1:3)
#### matmul
a <- matrix(1:4, 2)
b <- matrix(5:8, 2)
a %*% b
#### matmul-vector
matrix(1:4, 2) %*% c(1, 1)
1:3 %*% 1:3
#### matmul-nonconformable
matrix(1:6, 2) %*% matrix(1:6, 2)
#### elementwise
m <- matrix(1:4, 2)
m * m
m + 10
m / 2
#### dim-nrow-ncol
m <- matrix(1:6, 2)
dim(m)
nrow(m)
ncol(m)
length(m)
#### dim-assign
x <- 1:6
dim(x) <- c(3, 2)
x
#### cbind-rbind
cbind(1:3, 4:6)
rbind(1:3, 4:6)
#### cbind-named
cbind(a = 1:2, b = 3:4)
rbind(x = 1:2, y = 3:4)
#### cbind-named-vectors
x <- c(p = 1, q = 2)
cbind(x, y = c(3, 4))
#### rbind-matrix-row
m <- matrix(1:4, 2)
rbind(m, 9:10)
cbind(m, total = rowSums(m))
#### cbind-recycle-warning
cbind(1:3, 1:2)
#### wide-matrix-wrap
matrix(1:60 * 1000, 2)
#### wide-matrix-dimnames-wrap
m <- matrix(round(seq(1, 100, length.out = 30), 2), 2)
colnames(m) <- paste0("column", 1:15)
m
#### matrix-indexing
m <- matrix(1:9, 3)
m[2, 3]
m[2, ]
m[, 2]
m[1:2, 2:3]
m[, 2, drop = FALSE]
#### matrix-index-names
m <- matrix(1:4, 2, dimnames = list(c("a", "b"), c("x", "y")))
m["a", "y"]
m["b", ]
#### matrix-logical-index
m <- matrix(1:6, 2)
m[m > 3]
#### matrix-subscript-oob
m <- matrix(1:4, 2)
m[3, 1]
#### apply-rows-cols
m <- matrix(1:6, 2)
apply(m, 1, sum)
apply(m, 2, sum)
apply(m, 2, function(col) col * 2)
#### apply-named
m <- matrix(1:4, 2, dimnames = list(c("a", "b"), c("x", "y")))
apply(m, 1, max)
#### row-col-sums-means
m <- matrix(1:6, 2)
rowSums(m)
colSums(m)
rowMeans(m)
colMeans(m)
#### diag-solve
diag(2)
diag(c(1, 2, 3))
solve(matrix(c(2, 0, 0, 4), 2))
#### det-crossprod
m <- matrix(c(2, 1, 1, 3), 2)
det(m)
crossprod(m)
#### outer-product
outer(1:3, 1:4)
1:3 %o% 1:2
#### matrix-recycle
matrix(1:3, 2, 3)
#### matrix-recycle-warning
matrix(1:4, 3, 3)
#### matrix-empty
matrix(nrow = 0, ncol = 2)
matrix(numeric(0), 0, 3)
#### matrix-one-col
matrix(1:3)
#### array-3d
array(1:12, dim = c(2, 3, 2))
#### matrix-upper-lower
m <- matrix(1:9, 3)
upper.tri(m)
m[lower.tri(m)]
#### matrix-scientific
matrix(c(1e-10, 1, 1e10, 2), 2)
#### matrix-character-quote
m <- matrix(c("x", "y\"z", "w", "v"), 2)
m
print(m, quote = FALSE)
#### which-arr-ind
m <- matrix(c(1, 5, 3, 8), 2)
which(m > 2, arr.ind = TRUE)
#### matrix-sapply-wide
sapply(1:12, function(i) c(min = i, max = i^2))
#### matrix-rownames-long
m <- matrix(c(1.5, 2.25, 3, 4), 2, dimnames = list(c("a long row name", "b"), c("c1", "c2")))
m
#### matrix-as-vector
m <- matrix(1:4, 2)
as.vector(m)
c(m)
#### matrix-dim-negative
x <- 1:6
dim(x) <- -c(3, 2)
#### matrix-dim-mismatch
x <- 1:6
dim(x) <- c(4, 2)
#### array-bad-dims
r <- try(array(1, dim = -1), silent = TRUE)
cat(r)
r <- try(array(1, dim = c(2, NA)), silent = TRUE)
cat(r)
array(1, dim = c(-2, -3))
#### as-matrix
as.matrix(1:3)
as.matrix(c(a = 1, b = 2))
as.matrix(data.frame(x = 1:2, y = c(3.5, 4)))
as.matrix(data.frame(x = c(1, 10), y = c("a", "b")))
as.matrix(mtcars[1:2, 1:3])
m <- matrix(1:4, 2)
identical(as.matrix(m), m)
