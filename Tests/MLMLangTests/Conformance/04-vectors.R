# Vector construction, indexing and vector builtins.
#### c-combine
c(1, 2, c(3, 4))
c(1, "a", TRUE)
c(1, TRUE, NA)
#### c-coerce-int
c(1L, 2.5)
#### length
length(1:10)
length(NULL)
length(list(1, 2))
#### length-assign
x <- 1:3
length(x) <- 5
x
#### seq-forms
seq(1, 10)
seq(1, 10, by = 2)
seq(0, 1, length.out = 5)
seq(10, 1)
seq(5)
#### seq-by-negative
seq(10, 1, by = -3)
#### seq-length-out-only
seq(2, by = 3, length.out = 4)
#### seq-decimal
seq(0, 1, by = 0.25)
#### seq-len-along
seq_len(5)
seq_len(0)
seq_along(c("a", "b", "c"))
#### seq-wrong-sign
seq(1, 10, by = -1)
#### rep-forms
rep(1:3, times = 2)
rep(1:3, each = 2)
rep(1:3, length.out = 7)
rep(c("a", "b"), times = c(3, 1))
rep(1:2, each = 2, times = 2)
#### rev
rev(1:5)
rev(c(a = 1, b = 2))
#### sort
sort(c(3, 1, 2))
sort(c(3, 1, 2), decreasing = TRUE)
sort(c("banana", "apple", "cherry"))
#### sort-na
sort(c(3, NA, 1))
sort(c(3, NA, 1), na.last = TRUE)
#### sort-named
sort(c(b = 2, a = 1, c = 3))
#### order
order(c(3, 1, 2))
order(c(2, 1, 2, 1))
order(c(3, 1, 2), decreasing = TRUE)
#### order-keys
x <- c(1, 1, 2, 2, 1)
y <- c(5, 3, 2, 1, 4)
order(x, y)
order(x, -y)
#### order-na
order(c(2, NA, 1))
#### rank
rank(c(10, 20, 10, 30))
#### unique-duplicated
unique(c(1, 2, 2, 3, 1))
duplicated(c(1, 2, 2, 3, 1))
unique(c("b", "a", "b"))
#### which
which(c(FALSE, TRUE, NA, TRUE))
which(c(a = TRUE, b = FALSE, c = TRUE))
#### which-max-min
which.max(c(3, 7, 7, 1))
which.min(c(3, 7, 1, 1))
which.max(c(a = 1, b = 5))
#### in-match
c(1, 5) %in% 1:3
match(c("b", "z"), c("a", "b", "c"))
match(3, c(1, 3, 3))
#### head-tail
head(1:10)
tail(1:10)
head(1:10, 3)
tail(1:10, 3)
#### head-tail-negative
head(1:10, -3)
tail(1:10, -3)
#### head-letters
head(letters, n = 2)
#### indexing-positive-negative
x <- c(10, 20, 30, 40)
x[2]
x[-1]
x[c(1, 3)]
x[x > 15]
x[10]
#### indexing-names
x <- c(a = 1, b = 2, c = 3)
x["b"]
x[c("a", "c")]
x[["b"]]
#### indexing-zero
x <- 1:5
x[0]
x[c(0, 2)]
#### index-assign-extend
x <- 1:3
x[6] <- 10L
x
#### index-logical-recycle
(1:6)[c(TRUE, FALSE)]
#### mixed-sign-index-error
x <- 1:5
x[c(-1, 2)]
#### is-na
is.na(c(1, NA, 3))
is.na(NaN)
is.nan(c(NA, NaN))
anyNA(c(1, NA))
#### ifelse
ifelse(c(1, 5, 10) > 4, "big", "small")
ifelse(c(TRUE, NA, FALSE), 1, 0)
#### any-all
any(c(FALSE, TRUE))
all(c(TRUE, NA))
any(c(FALSE, NA))
all(logical(0))
any(logical(0))
#### vector-arith
x <- c(1, 2, 3)
x * 2
x + c(10, 20, 30)
x / 3
#### diff-outer
diff(c(1, 4, 9, 16))
outer(1:3, 1:3)
#### setops
union(1:3, 2:5)
intersect(1:5, 3:8)
setdiff(1:5, 2:3)
#### tabulate-rev-sort
rev(sort(c(2, 3, 1)))
#### append
append(1:3, 99, after = 1)
#### numeric-coercion
as.numeric("3.14")
as.numeric(c("1", "x"))
as.integer(3.9)
as.integer(-3.9)
as.integer(TRUE)
#### as-integer-string
as.integer("12")
as.integer("1e3")
#### as-logical
as.logical(c("TRUE", "false", "T", "yes", "0"))
as.logical(0:2)
#### is-functions
is.numeric(1L)
is.character("a")
is.logical(NA)
is.vector(1:3)
is.null(NULL)
#### class-typeof
class(1)
class(1L)
class("a")
class(TRUE)
class(NULL)
typeof(1)
typeof(1:2)
typeof(mean)
#### identical
identical(c(1, 2), c(1, 2))
identical(1L, 1)
identical(list(1, "a"), list(1, "a"))
#### all-equal
all.equal(1, 1 + 1e-10)
all.equal(1, 1.1)
all.equal(c(1, 2), c(1, 2.5))
#### all-equal-types
all.equal(1L, 1)
all.equal("a", "b")
#### numeric-index-fraction
x <- c(10, 20, 30)
x[2.9]
#### vector-na-operations
sum(c(1, NA))
sum(c(1, NA), na.rm = TRUE)
mean(c(1, NA, 3), na.rm = TRUE)
#### integer-seq-class
class(1:3)
class(seq(1, 3))
class(seq(1, 3, by = 1))
class(seq_len(3))
#### seq-too-many-arguments
seq(100, 20, 2000000000, by = 1000)
#### seq-invalid-by
seq(100, 20, NaN)
