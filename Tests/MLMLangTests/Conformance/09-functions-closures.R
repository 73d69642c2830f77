# Functions, closures, lexical scope, arguments, dots, lambdas, pipe.
#### simple-function
f <- function(x) x * 2
f(21)
#### default-arguments
f <- function(x, y = 10) x + y
f(1)
f(1, 2)
f(y = 5, x = 1)
#### default-depends-on-other-arg
f <- function(x, y = x * 2) x + y
f(3)
#### lazy-evaluation-unused
f <- function(x, y) x
f(1, stop("never evaluated"))
#### lazy-default-sees-local
f <- function(x = y) {
  y <- 100
  x
}
f()
#### lazy-force-order
f <- function(a, b) {
  cat("in f\n")
  b
  a
}
f({cat("eval a\n"); 1}, {cat("eval b\n"); 2})
#### missing-arg
f <- function(x) missing(x)
f()
f(1)
#### missing-arg-error
f <- function(x) x + 1
f()
#### closure-counter
make_counter <- function() {
  i <- 0
  function() {
    i <<- i + 1
    i
  }
}
counter <- make_counter()
counter()
counter()
counter()
#### closure-independent
make_adder <- function(n) function(x) x + n
add2 <- make_adder(2)
add10 <- make_adder(10)
add2(1)
add10(1)
#### lexical-scope
x <- "global"
f <- function() x
g <- function() {
  x <- "local"
  f()
}
g()
#### nested-scope
outer_fn <- function() {
  y <- 1
  inner <- function() y + 1
  y <- 5
  inner()
}
outer_fn()
#### superassign-creates
f <- function() {
  z_created <<- 123
  invisible(NULL)
}
f()
z_created
#### superassign-parent
f <- function() {
  v <- 1
  g <- function() v <<- v + 10
  g()
  v
}
f()
#### dots-pass
f <- function(...) sum(...)
f(1, 2, 3)
#### dots-length-names
f <- function(...) {
  args <- list(...)
  cat(length(args), "args; names:", names(args), "\n")
}
f(a = 1, 2, b = 3)
#### dots-with-named
f <- function(x, ...) paste(x, ...)
f("a", "b", "c", sep = "+")
#### dots-nargs
f <- function(...) nargs()
f(1, 2, 3)
#### dots-dot-one
f <- function(...) ..2
f("a", "b", "c")
#### dots-names-function
f <- function(...) ...length()
f(1, 2)
#### lambda-backslash
sq <- \(x) x^2
sq(4)
sapply(1:3, \(i) i * 10)
#### native-pipe
c(1, 4, 9) |> sqrt() |> sum()
#### native-pipe-lambda
1:5 |> (\(x) x[x > 2])()
#### pipe-named-arg
c(3, 1, 2) |> sort(decreasing = TRUE)
#### return-early
f <- function(x) {
  if (x > 0) return("positive")
  "non-positive"
}
f(1)
f(-1)
#### return-invisible
f <- function() invisible(7)
f()
y <- f()
y
#### recursion
fact <- function(n) if (n <= 1) 1 else n * fact(n - 1)
fact(10)
fib <- function(n) if (n < 2) n else fib(n - 1) + fib(n - 2)
sapply(0:10, fib)
#### recall
f <- function(n) if (n <= 1) 1 else n * Recall(n - 1)
f(5)
#### do-call-named
f <- function(a, b) a - b
do.call(f, list(b = 1, a = 10))
#### match-arg
f <- function(type = c("linear", "quadratic")) {
  type <- match.arg(type)
  type
}
f()
f("quad")
#### match-arg-error
f <- function(type = c("linear", "quadratic")) match.arg(type)
f("cubic")
#### stop-in-function
f <- function() stop("custom")
f()
#### stop-in-nested-function
inner <- function(x) stop("bad value: ", x)
outer_fn <- function() inner(42)
outer_fn()
#### warning-in-function
f <- function(x) {
  warning("careful")
  x
}
f(1)
#### unused-argument
f <- function(x) x
f(1, 2)
#### argument-partial-matching
f <- function(value, other = 0) value + other
f(val = 5)
#### function-returns-list
f <- function() list(a = 1, b = "x")
f()
#### vectorised-function
f <- function(x) ifelse(x > 0, "pos", "neg")
f(c(-1, 2, 0))
#### map
Map(function(x, y) x + y, 1:3, 4:6)
#### map-named
Map(`+`, c(a = 1, b = 2), 3)
#### mapply
mapply(rep, 1:3, 3:1)
mapply(function(x, y) x * y, 1:3, 4:6)
#### reduce-filter
Reduce(`+`, 1:5)
Reduce(`+`, 1:5, accumulate = TRUE)
Filter(function(x) x %% 2 == 0, 1:10)
Position(function(x) x > 3, c(1, 5, 2, 7))
Find(function(x) x > 3, c(1, 5, 2, 7))
#### function-as-argument
apply_twice <- function(f, x) f(f(x))
apply_twice(function(x) x * 3, 2)
#### operator-as-function
`+`(1, 2)
sapply(1:3, `-`)
#### custom-infix
`%+%` <- function(a, b) paste(a, b)
"hello" %+% "world"
#### replacement-function
`second<-` <- function(x, value) {
  x[2] <- value
  x
}
x <- 1:3
second(x) <- 99L
x
#### sys-call-match-call
f <- function(x, y) match.call()
f(1, y = 2)
#### sys-function-name
f <- function() sys.call()
f()
#### on-exit
f <- function() {
  on.exit(cat("bye\n"))
  cat("hello\n")
  invisible(NULL)
}
f()
#### force
make <- function(x) {
  force(x)
  function() x
}
fs <- lapply(1:3, make)
fs[[2]]()
#### formals-names
f <- function(a, b = 2, ...) NULL
names(formals(f))
#### args-body-deparse
f <- function(x) x + 1
deparse(body(f))
#### vapply-type
vapply(1:3, function(i) i * 2, numeric(1))
vapply(c("a", "bb"), nchar, integer(1))
#### vapply-error
vapply(1:3, function(i) "x", numeric(1))
#### vapply-length-error
vapply(1:3, function(i) c(i, i), numeric(1))
#### undefined-function
undefined_fn()
#### non-function-call
x <- 5
x(1)
#### stopifnot
stopifnot(TRUE, 1 == 1)
stopifnot("x must be positive" = -1 > 0)
#### stopifnot-plain
f <- function(x) stopifnot(is.numeric(x))
f("a")
