#### source-evaluates-in-global
code <- tempfile(fileext = ".R")
writeLines(c("x <- 2", "y <- x * 3", "y", "addY <- function(a) a + y", "invisible(7)"), code)
result <- source(code)
y
addY(1)
str(result)

#### source-echo
code <- tempfile(fileext = ".R")
writeLines(c("x <- 2", "x +", "  1", "x * 10"), code)
source(code, echo = TRUE)

#### source-print-eval
code <- tempfile(fileext = ".R")
writeLines(c("x <- 2", "x + 1", "invisible(x)", "summary(c(1, 2, 3))"), code)
source(code, print.eval = TRUE)$visible

#### source-local
code <- tempfile(fileext = ".R")
writeLines("inner <- 5", code)
f <- function() { source(code, local = TRUE); inner * 2 }
f()
exists("inner")

#### source-missing-file
source("no-such-file.R")

#### rds-round-trip
path <- tempfile(fileext = ".rds")
saveRDS(list(n = c(a = 1.5, b = NA), s = c("x", NA), f = factor(c("lo", "hi", "lo")), i = 1:4,
             d = data.frame(x = 1:2, y = c("u", "v")), fm = y ~ x + (1 | g)), path)
back <- readRDS(path)
str(back[c("n", "s", "f", "i")])
back$d
deparse(back$fm)
class(back$fm)

#### rds-function
path <- tempfile(fileext = ".rds")
saveRDS(function(x, y = 2) x * y, path)
g <- readRDS(path)
g(4)
g(4, 3)

#### save-and-load
path <- tempfile(fileext = ".RData")
first <- c(10, 20); second <- letters[1:3]
save(first, second, file = path)
rm(first, second)
loaded <- load(path)
loaded
first
second
print(load(path))

#### load-into-environment
path <- tempfile(fileext = ".RData")
one <- 1
save(list = "one", file = path)
e <- new.env()
load(path, envir = e)
get("one", envir = e)

#### read-rds-missing-file
readRDS("no-such-file.rds")

#### load-missing-file
load("no-such-file.RData")

#### load-not-rdata
path <- file.path(tempdir(), "not-rdata.txt")
writeLines("hello", path)
load(path)

#### save-unknown-object
save(not_defined_anywhere, file = tempfile())

#### file-path-basename-dirname
file.path("data", "gpa.RData")
file.path("a", c("x", "y"), "z.csv")
file.path("a", character(0))
basename(c("data/gpa.RData", "/tmp/x/", "plain"))
dirname(c("data/gpa.RData", "/tmp/x/", "plain", "/top"))

#### basename-dirname-edge-cases
x <- c("", "/", "//", "a", "a/", "/a", "/a/b", "a//b", "a/b/", "a/b//c", "///a")
dirname(x)
basename(x)
basename("~/x")
