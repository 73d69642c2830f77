# Parsing: literals, operators, precedence, multi-line expressions, deparse of calls.
#### semicolons
a <- 1; b <- 2; a + b
#### right-assign
5 -> x
x
10 ->> y_right
y_right
#### equals-assign
z = 3
z
#### multi-line-expression
total <- 1 +
  2 +
  3
total
#### multi-line-call
paste("a",
      "b",
      sep = "")
#### comments-inline
x <- 5 # a comment
x # another
#### backtick-names
`my var` <- 10
`my var` * 2
#### backtick-list-name
l <- list(`a b` = 1, `if` = 2)
names(l)
l$`a b`
#### raw-strings
r"(C:\path\to)"
r"[brackets]"
R"{braces}"
r"---(dashes)---"
#### string-escapes
"\x41\x42"
"\u00e9"
nchar("\t")
"single 'quotes' inside"
'double "quotes" inside'
#### unicode-escape
"\u00e9t\u00e9"
#### number-literals
0x1F
1e3
1E-2
.5
5.
100L
1e2L
#### complex-literals
2i
1 + 2i
(1 + 2i) * (3 - 1i)
Mod(3 + 4i)
#### special-constants
TRUE
T
F
NA_character_
Inf - Inf
LETTERS[1:3]
#### precedence-unary-power
-2^2
(-2)^2
-2^-2
#### precedence-colon-unary
-1:3
-(1:3)
2 * 1:3
1:3^2
#### precedence-not
!TRUE & FALSE
!(TRUE & FALSE)
!TRUE | TRUE
#### precedence-comparison-arith
1 + 2 == 3
1:3 == c(1, 5, 3)
#### precedence-special-ops
5 %% 3 * 2
2 * 5 %% 3
-5 %/% 2
2^5 %% 3
#### precedence-assign-chain
a <- b <- 4
c(a, b)
#### formula-deparse
deparse(y ~ x + z)
deparse(~ x)
class(y ~ x)
length(y ~ x)
#### quote-deparse-precedence
quote(-2^2)
quote((a + b) * c)
quote(a + b * c)
quote(!a & b)
quote(x[1][[2]]$c)
quote(function(x) x + 1)
#### quote-if-else
quote(if (a) b else c)
quote(for (i in 1:10) print(i))
quote(while (TRUE) break)
#### quote-pipe-expands
quote(x |> f(y))
quote(x |> f() |> g(z = 1))
#### quote-lambda
quote(\(x) x + 1)
#### deparse-long-call
deparse(quote(some_function(argument_one = 1, argument_two = 2, argument_three = 3, argument_four = 4)))
#### deparse-strings
quote("a\nb")
quote(f("x", 'y'))
#### parse-text-multiple
exprs <- parse(text = "a <- 1\nb <- a + 1\nb * 10")
for (e in exprs) print(e)
#### parse-error
parse(text = "1 +")
#### parse-error-unexpected
parse(text = "x <- )")
#### if-else-in-braces
f <- function(x) {
  if (x)
    "yes"
  else
    "no"
}
f(TRUE)
f(FALSE)
#### function-one-line-body
f <- function(a, b) a * b; f(3, 4)
#### empty-function-body
f <- function() {}
is.null(f())
f()
#### nested-function-calls
sum(sqrt(abs(c(-4, 9, -16))))
#### trailing-commas-error
c(1, 2, )
#### missing-argument-index
m <- matrix(1:6, 2)
m[1, ]
m[, 1]
#### double-bracket-dollar-chain
l <- list(a = list(b = list(c = "deep")))
l$a$b$c
l[["a"]][["b"]][["c"]]
#### assignment-functions-chain
x <- list()
x$a$b <- 1
x
#### names-assignment-inline
x <- c(1, 2)
names(x)[2] <- "second"
x
#### dots-in-names
my.var <- 1
.hidden <- 2
my.var + .hidden
ls(all.names = FALSE)
#### backtick-keyword-name
l <- list(`TRUE` = 1)
names(l)
#### long-expression-semicolons
x <- 1; y <- 2; z <- 3; cat(x, y, z, "\n"); x + y + z
#### visible-and-invisible-mixed
1
invisible(2)
3
(invisible(4))
#### assignment-value-visible-paren
(x <- c(a = 1))
#### ifelse-inline
x <- 3; if (x > 2) print("big") else print("small")
#### pipe-placeholder
c(a = 1, b = 2) |> names()
sq <- function(x) x^2
4 |> sq()
#### identity-operators
identity(5)
invisible(5) |> print()
#### unary-plus
+5
+"a"
#### empty-input-case
#### only-comment-case
# just a comment, no output
#### numeric-literal-formatting
123456789012
0.1234567891234
1/7
100 * 1.1

#### call-and-formula-elements
f <- y ~ x + z | g
f[[1]]
f[[2]]
f[[3]]
f[[3]][[3]]
g <- f
g[[3]] <- f[[3]][[2]]
deparse(g)
class(g)
e <- quote(mean(x, na.rm = TRUE))
e[[1]]
e[[3]]
e[[1]] <- as.name("median")
e
e[[5]]
