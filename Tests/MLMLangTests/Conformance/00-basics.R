#### basics-01
c(1.5, 2.25, -3)
#### basics-02
1:30 * 2
#### basics-03
c(0.001234, 123456)
#### basics-04
1e5
#### basics-05
123456
#### basics-06
1e15
#### basics-07
1e-20
#### basics-08
100000
#### basics-09
0.1 + 0.2
#### basics-10
1/3
#### basics-11
c(1, NA, 3)
#### basics-12
c(-1.5, NA, 1000)
#### basics-13
c(TRUE, NA, FALSE)
#### basics-14
c("a", NA, "b\"c")
#### basics-15
NULL
#### basics-16
c(a = 1, bb = 2.5)
#### basics-17
c(first = "x", second = "yy")
#### basics-18
c(1e-10, 1)
#### basics-19
c(123456789, 0.1)
#### basics-20
2/3 * 1e6
#### basics-21
-0.5
#### basics-22
c(NaN, Inf, -Inf)
#### basics-23
1e300 * 10
#### basics-24
seq_len(25) / 7
#### basics-25
c(x = TRUE, y = NA)
#### basics-26
100 * 1:12
#### basics-27
3L
#### basics-28
c(1L, NA, -20L)
#### basics-29
-2^2
#### basics-30
2^-1
#### basics-31
-1:3
#### basics-32
(1:3)[-1]
#### basics-33
c(a = 1, b = 2)[c("b", "z")]
#### basics-34
x <- 1:5
x[x > 2]
#### basics-35
x <- c(1, 2)
x[5] <- 9
x
#### basics-36
l <- list(1, "a")
l[[2]]
#### basics-37
list(a = 1, b = "x")
#### basics-38
list(1, list(2, 3))
#### basics-39
5 %% 3
#### basics-40
-5 %/% 2
#### basics-41
5L / 2L
#### basics-42
paste("a", 1:3, sep = "-")
#### basics-43
paste0("x", 1:3, collapse = "+")
#### basics-44
rep(c("a", "b"), times = 2, each = 2)
#### basics-45
rep(1:3, length.out = 7)
#### basics-46
mean(c(1, 2, 3, 10))
#### basics-47
sum(1:10)
#### basics-48
sum(c(1.5, 2))
#### basics-49
TRUE && NA
#### basics-50
NA || TRUE
#### basics-51
1:3 == c(1, 5, 3)
#### basics-52
"b" < "a"
#### basics-53
c(1,2) + c(1,2,3)
#### basics-54
f <- function(x, y = 2) x * y
f(3)
#### basics-55
f <- function(...) sum(...)
f(1, 2, 3)
#### basics-56
f <- function(n) if (n <= 1) 1 else n * f(n - 1)
f(10)
#### basics-57
x <- 0
for (i in 1:10) x <- x + i
x
#### basics-58
i <- 0
while (TRUE) { i <- i + 1
if (i >= 3) break }
i
#### basics-59
quote(a + b * c)
#### basics-60
g <- function(x) { if (missing(x)) "none" else x }
g()
#### basics-61
make <- function() { n <- 0
function() { n <<- n + 1
n } }
counter <- make()
counter()
counter()
#### basics-62
(\(x) x + 1)(2)
#### basics-63
c(1, 2) |> sum()
#### basics-64
invisible(5)
#### basics-65
v <- c(a=1)
names(v)
#### basics-66
x <- 1:3
names(x) <- c("a","b","c")
x
