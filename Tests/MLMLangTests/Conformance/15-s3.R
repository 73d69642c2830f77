# S3 classes: UseMethod, NextMethod, print methods, inherits, format methods.
#### usemethod-basic
speak <- function(x, ...) UseMethod("speak")
speak.dog <- function(x, ...) "Woof"
speak.default <- function(x, ...) "..."
d <- structure(list(), class = "dog")
speak(d)
speak(1)
#### usemethod-no-default
area <- function(s) UseMethod("area")
area.square <- function(s) s$side^2
area(structure(list(side = 3), class = "square"))
area(1)
#### print-method
print.employee <- function(x, ...) {
  cat("Person:", x$name, "aged", x$age, "\n")
  invisible(x)
}
p <- structure(list(name = "Ann", age = 30), class = "employee")
p
print(p)
#### format-method
format.money <- function(x, ...) paste0("$", formatC(unclass(x), format = "f", digits = 2))
print.money <- function(x, ...) print(format(x), quote = FALSE)
m <- structure(c(1.5, 20), class = "money")
m
#### nextmethod
describe <- function(x) UseMethod("describe")
describe.animal <- function(x) cat("an animal\n")
describe.cat <- function(x) {
  cat("a cat, which is\n")
  NextMethod()
}
describe(structure(list(), class = c("cat", "animal")))
#### nextmethod-chain-three
f <- function(x) UseMethod("f")
f.a <- function(x) c("a", NextMethod())
f.b <- function(x) c("b", NextMethod())
f.default <- function(x) "default"
f(structure(1, class = c("a", "b")))
#### nextmethod-print
print.loud <- function(x, ...) {
  cat("LOUD VALUE:\n")
  NextMethod()
}
x <- structure(1:3, class = "loud")
x
#### nextmethod-args
g <- function(x, ...) UseMethod("g")
g.default <- function(x, ..., scale = 1) unclass(x) * scale
g.twice <- function(x, ...) NextMethod(scale = 2)
g(structure(5, class = "twice"))
g(structure(5, class = "other"))
#### class-inherits
x <- structure(list(), class = c("child", "parent"))
class(x)
inherits(x, "parent")
inherits(x, "other")
inherits(x, c("other", "parent"), which = TRUE)
#### unclass
x <- structure(list(a = 1), class = "thing")
unclass(x)
#### oldclass-implicit
class(matrix(1:4, 2))
class(array(1:8, c(2, 2, 2)))
class(sum)
inherits(1L, "integer")
#### dispatch-on-implicit-class
h <- function(x) UseMethod("h")
h.numeric <- function(x) "numeric"
h.integer <- function(x) "integer"
h.character <- function(x) "character"
h.default <- function(x) "default"
h(1)
h(1L)
h("a")
h(TRUE)
#### dispatch-matrix
k <- function(x) UseMethod("k")
k.matrix <- function(x) "matrix"
k.default <- function(x) "default"
k(matrix(1:4, 2))
k(1:4)
#### dispatch-function-class
k <- function(x) UseMethod("k")
k.function <- function(x) "function"
k.default <- function(x) "default"
k(sum)
k(function(y) y)
#### summary-method
summary.account <- function(object, ...) {
  structure(list(total = sum(object$tx)), class = "summary.account")
}
print.summary.account <- function(x, ...) cat("Total:", x$total, "\n")
acct <- structure(list(tx = c(10, -3, 5)), class = "account")
summary(acct)
#### length-method
length.stack <- function(x) length(unclass(x)$items)
s <- structure(list(items = list(1, 2, 3)), class = "stack")
length(s)
#### tostring-method
toString.pt <- function(x, ...) paste0("(", x$x, ", ", x$y, ")")
toString(structure(list(x = 1, y = 2), class = "pt"))
#### ops-group-generic
"+.vec2" <- function(e1, e2) structure(list(x = e1$x + e2$x, y = e1$y + e2$y), class = "vec2")
print.vec2 <- function(x, ...) cat("vec2(", x$x, ",", x$y, ")\n")
a <- structure(list(x = 1, y = 2), class = "vec2")
b <- structure(list(x = 10, y = 20), class = "vec2")
a + b
#### ops-eq-method
"==.ver" <- function(e1, e2) unclass(e1)$major == unclass(e2)$major
v1 <- structure(list(major = 1, minor = 2), class = "ver")
v2 <- structure(list(major = 1, minor = 5), class = "ver")
v1 == v2
#### constructor-validator
new_temp <- function(x) {
  stopifnot(is.numeric(x))
  structure(x, class = "celsius")
}
print.celsius <- function(x, ...) cat(paste0(unclass(x), "°C"), sep = "\n")
new_temp(c(20.5, 30))
new_temp("hot")
#### print-method-returns-invisible
print.quiet <- function(x, ...) {
  cat("quiet object\n")
  invisible(x)
}
y <- print(structure(1, class = "quiet"))
#### method-dispatch-first-class
who <- function(x) UseMethod("who")
who.b <- function(x) "b method"
who.default <- function(x) "default"
who(structure(1, class = c("a", "b", "c")))
#### structure-attributes-print
structure(1:3, class = "myclass")
#### structure-attr-print-unknown-class
structure(list(a = 1, b = "x"), class = "record")
#### attr-assign
x <- 1:3
attr(x, "units") <- "cm"
x
attributes(x)
#### class-assign-null
x <- structure(1:2, class = "foo")
class(x) <- NULL
x
#### methods-with-dots
show_all <- function(x, ...) UseMethod("show_all")
show_all.default <- function(x, ...) {
  extras <- list(...)
  cat("x =", x, "; extras:", length(extras), "\n")
}
show_all(1, 2, 3)
#### s3-format-factor-data
f <- factor(c("lo", "hi"))
format(f)
as.vector(f)
#### usemethod-character-object
describe <- function(x) UseMethod("describe")
describe.default <- function(x) cat("class:", class(x), "\n")
describe(letters)
describe(list())
describe(NULL)
#### print-default-called-explicitly
x <- structure(1:3, class = "weird")
print.default(x)
#### as-character-method
as.character.point <- function(x, ...) paste0("P(", x$x, ")")
as.character(structure(list(x = 3), class = "point"))
#### inherits-which-false
inherits(structure(1, class = "z"), "z", which = FALSE)
