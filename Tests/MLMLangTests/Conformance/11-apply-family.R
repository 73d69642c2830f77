# apply family: sapply, lapply, vapply, tapply, mapply, Map, outer, do.call.
#### lapply-basic
lapply(1:3, function(x) x^2)
#### lapply-named
lapply(list(a = 1:3, b = 4:6), sum)
#### lapply-extra-args
lapply(1:2, rep, times = 3)
#### sapply-simplify-vector
sapply(1:5, function(x) x^2)
#### sapply-named-character
sapply(c("a", "bb", "ccc"), nchar)
#### sapply-use-names-false
sapply(c("a", "bb"), nchar, USE.NAMES = FALSE)
#### sapply-returns-matrix
sapply(1:3, function(x) c(x, x^2))
#### sapply-returns-named-matrix
sapply(1:3, function(x) c(value = x, square = x^2))
#### sapply-list-input-matrix
sapply(list(a = 1:3, b = 4:6), range)
#### sapply-returns-list
sapply(1:3, function(x) seq_len(x))
#### sapply-empty
sapply(integer(0), function(x) x)
#### sapply-character-result
sapply(1:3, function(i) letters[i])
#### sapply-summary-stats
x <- list(a = c(1, 2, 3), b = c(10, 20))
sapply(x, mean)
sapply(x, length)
#### sapply-simplify-false
sapply(1:2, function(x) x, simplify = FALSE)
#### vapply-basic
vapply(list(1:3, 4:6), sum, integer(1))
vapply(list(1:3, 4:6), function(x) c(min(x), max(x)), numeric(2))
#### vapply-named-template
vapply(list(a = 1:3, b = 4:6), function(x) c(lo = min(x), hi = max(x)), c(lo = 0, hi = 0))
#### vapply-character
vapply(c("x", "y"), toupper, character(1))
#### vapply-logical
vapply(list(1, "a", NULL), is.null, logical(1))
#### vapply-type-error
vapply(1:2, function(x) as.character(x), integer(1))
#### tapply-mean
values <- c(10, 20, 30, 40, 50)
groups <- c("a", "b", "a", "b", "a")
tapply(values, groups, mean)
#### tapply-sum-factor
tapply(c(1, 2, 3, 4), factor(c("x", "y", "x", "z"), levels = c("x", "y", "z", "w")), sum)
#### tapply-length
tapply(1:10, rep(c("odd", "even"), 5), length)
#### tapply-two-factors
tapply(1:8, list(rep(c("a", "b"), 4), rep(c("x", "y"), each = 4)), sum)
#### mapply-names
mapply(function(x, y) x + y, c(a = 1, b = 2), c(10, 20))
#### mapply-simplify-matrix
mapply(function(x, y) c(x, y), 1:3, 4:6)
#### mapply-moreargs
mapply(function(x, p) x^p, 1:4, MoreArgs = list(p = 2))
#### map-returns-list
Map(function(n, s) paste(rep(s, n), collapse = ""), 1:3, c("a", "b", "c"))
#### apply-matrix-rows
m <- matrix(1:6, 2, dimnames = list(c("r1", "r2"), NULL))
apply(m, 1, function(r) paste(r, collapse = "-"))
#### apply-returns-matrix
m <- matrix(1:6, 2)
apply(m, 1, range)
#### apply-both-margins
m <- matrix(1:4, 2)
apply(m, c(1, 2), function(x) x * 10)
#### do-call-rbind-lists
rows <- list(c(a = 1, b = 2), c(a = 3, b = 4))
do.call(rbind, rows)
#### do-call-cbind
do.call(cbind, list(x = 1:2, y = 3:4))
#### rapply-like-unlist-lapply
unlist(lapply(1:3, function(i) i * 2))
#### lapply-seq-along
x <- c("p", "q")
lapply(seq_along(x), function(i) paste(i, x[i]))
#### lapply-anonymous-lambda
lapply(1:2, \(x) x + 0.5)
#### sapply-factor
sapply(factor(c("a", "b")), as.character)
#### outer-function
outer(1:3, 1:2, FUN = "+")
outer(1:2, 1:3, function(x, y) x * 10 + y)
#### split-lapply
s <- split(1:6, c(1, 2, 1, 2, 1, 2))
s
lapply(s, sum)
#### split-factor-names
split(c(5, 6, 7), factor(c("b", "a", "b")))
#### unsplit-aggregate-style
x <- c(3, 1, 4, 1, 5, 9)
g <- c("u", "v", "u", "v", "u", "v")
sapply(split(x, g), max)
#### array-apply
sapply(1:3, function(i) matrix(i, 2, 2))
#### sapply-null-results
sapply(1:3, function(i) NULL)
#### sapply-mixed-lengths
sapply(1:3, function(i) if (i == 2) 1:2 else i)
#### lapply-error-inside
lapply(1:3, function(i) if (i == 2) stop("failed at ", i) else i)
#### environment-apply-counter
count <- 0
invisible(lapply(1:5, function(i) count <<- count + i))
count
#### vapply-zero-length
vapply(list(), length, integer(1))
#### sapply-matrix-to-t
t(sapply(1:3, function(i) c(i, 2 * i)))
#### reduce-init
Reduce(function(a, b) paste0(a, b), c("x", "y", "z"), accumulate = TRUE)
Reduce(`*`, 1:5, accumulate = FALSE, 100)
#### mapply-names-recycled
mapply(function(x, y) x + y, c(ab = 2), c(10, 20))
