# Environments, scoping, lazy evaluation, promises, exists/get/assign.
#### exists-basic
x <- 1
exists("x")
exists("definitely_not_defined_anywhere")
#### exists-function
exists("mean")
exists("mean", mode = "numeric")
#### get-assign
assign("dyn_var", 99)
dyn_var
get("dyn_var")
#### get-missing-error
get("no_such_object_here")
#### get0-default
get0("no_such_object_here", ifnotfound = "fallback")
#### new-env-assign-get
e <- new.env()
assign("a", 1, envir = e)
e$b <- 2
get("a", envir = e)
sort(ls(e))
#### env-exists-inherits
e <- new.env()
exists("sum", envir = e)
exists("sum", envir = e, inherits = FALSE)
#### env-mget
e <- new.env()
e$x <- 1
e$y <- "a"
mget(c("x", "y"), envir = e)
#### env-reference-semantics
modify <- function(env) env$val <- "changed"
e <- new.env()
e$val <- "original"
modify(e)
e$val
#### list-copy-semantics
modify <- function(l) {
  l$val <- "changed"
  l
}
l <- list(val = "original")
invisible(modify(l))
l$val
#### local-block
x <- "outer"
local({
  x <- "inner"
  cat("inside:", x, "\n")
})
x
#### local-value
y <- local({
  a <- 2
  b <- 3
  a * b
})
y
#### environment-of-closure
make <- function() {
  secret <- 42
  function() secret
}
f <- make()
get("secret", envir = environment(f))
#### environment-is-environment
is.environment(globalenv())
is.environment(list())
environmentName(globalenv())
environmentName(baseenv())
environmentName(emptyenv())
#### rm-object
x <- 1
rm(x)
exists("x", inherits = FALSE)
#### rm-then-use
z <- 5
rm(z)
z
#### lazy-promise-once
f <- function(x) {
  x
  x
  "done"
}
f({cat("evaluated\n"); 1})
#### lazy-never-forced
f <- function(x) "ignored argument"
f(stop("not forced"))
#### lazy-default-error-when-forced
f <- function(x, y = stop("y needed")) {
  if (x) y else "no y"
}
f(FALSE)
f(TRUE)
#### substitute-arg
f <- function(x) substitute(x)
f(a + b * 2)
class(f(a + b))
#### deparse-substitute
f <- function(x) deparse(substitute(x))
f(mean(1:10))
f(my_variable)
#### quote-eval
e <- quote(1 + 2 * 3)
e
eval(e)
class(e)
#### eval-in-env
expr <- quote(a * b)
eval(expr, list(a = 3, b = 4))
env <- new.env()
env$a <- 10
env$b <- 5
eval(expr, env)
#### bquote
n <- 5
bquote(x + .(n))
#### call-construction
cl <- call("sum", 1, 2, 3)
cl
eval(cl)
as.call(list(as.name("max"), 4, 9))
#### deparse-expressions
deparse(quote(if (x > 1) "a" else "b"))
deparse(quote(function(x, y = 2) x + y))
deparse(c(1.5, 2, 3))
deparse(1:10)
deparse("a\"b")
deparse(list(a = 1, b = "c"))
#### deparse-numbers
deparse(0.1)
deparse(1/3)
deparse(1e-20)
deparse(100000)
deparse(1e5 + 0.1)
deparse(c(a = 1L, b = 2L))
#### expression-parse
p <- parse(text = "1 + 2; x <- 3")
length(p)
p[[1]]
eval(p[[1]])
#### eval-parse-text
eval(parse(text = "sum(1:10)"))
#### sys-function-env
f <- function() {
  local_var <- 1
  ls()
}
f()
#### ls-sorted
e <- new.env()
e$beta <- 1
e$alpha <- 2
e$gamma <- 3
ls(e)
#### dynamic-get-in-function
f <- function() {
  v <- "local v"
  g <- function() get("v", envir = parent.frame())
  g()
}
f()
#### parent-frame
f <- function() parent.frame()
g <- function() {
  e <- f()
  identical(e, environment())
}
g()
#### sys-call-deparse
f <- function(...) deparse(sys.call())
f(1, b = 2)
#### match-call-defaults
f <- function(x, y = 2, ...) match.call()
f(1, z = 3)
#### missing-with-default
f <- function(x = 5) missing(x)
f()
f(5)
#### delayed-assign
delayedAssign("lazy", {cat("forcing lazy\n"); 7})
cat("before use\n")
lazy + 1
#### assign-in-loop
for (i in 1:3) assign(paste0("var_", i), i * 10)
c(var_1, var_2, var_3)
#### superassign-global-from-nested
counter_global <- 0
increment <- function() counter_global <<- counter_global + 1
increment()
increment()
counter_global
#### function-environment-modify
f <- function() {
  x <- 1
  g <- function() x <<- x + 1
  g()
  g()
  x
}
f()
#### on-exit-add
f <- function() {
  on.exit(cat("first\n"))
  on.exit(cat("second\n"), add = TRUE)
  cat("body\n")
}
f()
#### identical-environments
e1 <- new.env()
e2 <- e1
identical(e1, e2)
identical(e1, new.env())
#### environment-as-list
e <- new.env()
e$b <- 2
e$a <- 1
as.list(e)[order(names(as.list(e)))]
#### with-list
with(list(a = 2, b = 3), a^b)
#### within-list-modify
l <- within(list(a = 1), b <- a + 1)
l[order(names(l))]
#### promise-default-uses-later-local
f <- function(n = length(v)) {
  v <- 1:7
  n
}
f()
#### recursive-default-error
f <- function(x = x) x
f()
#### quote-vs-substitute-in-function
f <- function(x) list(substitute(x + 1), quote(x + 1))
f(10)
#### eval-with-enclos
a <- "global a"
eval(quote(a), list(b = 1))
#### body-deparse-function-call
f <- function(x) {
  y <- x * 2
  y + 1
}
deparse(body(f))
#### is-function
is.function(sum)
is.function("sum")
is.primitive(sum)
is.primitive(mean)
#### match-fun
f <- match.fun("sum")
f(1:4)
#### do-call-character-function
do.call("paste0", list("x", 1:2))
