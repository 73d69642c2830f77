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
