# Control flow: if/else, for, while, repeat, break/next, switch.
#### if-else
x <- 5
if (x > 3) "big" else "small"
#### if-no-else-false
x <- if (FALSE) 1
x
is.null(x)
#### if-else-chain
grade <- function(s) if (s >= 90) "A" else if (s >= 80) "B" else "C"
grade(95)
grade(85)
grade(50)
#### if-na-error
if (NA) 1
#### if-length-error
if (c(TRUE, FALSE)) 1
#### if-empty-error
if (logical(0)) 1
#### if-string-condition
if ("TRUE") "yes"
#### if-string-error
if ("maybe") "yes"
#### if-numeric-condition
if (2) "nonzero"
if (0) "zero" else "was zero"
#### for-loop
for (i in 1:3) print(i)
#### for-loop-cat
for (x in c("a", "b")) cat("item", x, "\n")
#### for-over-list
for (el in list(1, "two", TRUE)) print(el)
#### for-value-invisible
r <- for (i in 1:3) i
r
i
#### for-empty
for (i in integer(0)) print(i)
cat("done\n")
#### for-seq-along-empty
x <- c()
for (i in seq_along(x)) print(i)
for (i in 1:length(x)) print(i)
#### while-loop
i <- 0
while (i < 3) {
  i <- i + 1
  cat("i =", i, "\n")
}
#### repeat-break
i <- 0
repeat {
  i <- i + 1
  if (i >= 4) break
}
i
#### next-skip
for (i in 1:6) {
  if (i %% 2 == 0) next
  cat(i, "")
}
cat("\n")
#### nested-break
for (i in 1:3) {
  for (j in 1:3) {
    if (j > i) break
    cat(i, j, "\n")
  }
}
#### while-break-next
i <- 0
while (TRUE) {
  i <- i + 1
  if (i == 2) next
  if (i > 4) break
  print(i)
}
#### switch-character
f <- function(x) switch(x, a = "apple", b = "banana", "other")
f("a")
f("b")
f("z")
#### switch-fallthrough
f <- function(x) switch(x, a = , b = "a or b", c = "c")
f("a")
f("c")
#### switch-no-match-invisible
r <- switch("z", a = 1)
is.null(r)
switch("z", a = 1)
#### switch-numeric
switch(2, "one", "two", "three")
is.null(switch(5, "one", "two"))
#### switch-multiple-defaults-error
switch("q", a = 1, 2, 3)
#### loop-accumulate
total <- 0
for (v in c(1.5, 2.5, 3)) total <- total + v
total
#### loop-grow-vector
out <- c()
for (i in 1:5) out <- c(out, i^2)
out
#### loop-modify-sequence
x <- 1:3
for (i in x) {
  x <- c(x, i)
}
x
#### and-and-scalar-conditions
x <- c(1, 2)
if (x[1] > 0 && x[2] > 0) "both positive"
#### and-and-length-warning
c(TRUE, TRUE) && TRUE
#### braces-value
x <- {
  1
  2
  3
}
x
#### invisible-in-braces
{
  invisible(3)
}
#### print-in-loop-values-not-autoprinted
for (i in 1:2) i
cat("end\n")
#### while-false
while (FALSE) print("never")
cat("skipped\n")
#### seq-loop-by
for (x in seq(0, 1, by = 0.5)) print(x)
#### break-out-of-repeat-with-counter
n <- 27
steps <- 0
repeat {
  if (n == 1) break
  n <- if (n %% 2 == 0) n / 2 else 3 * n + 1
  steps <- steps + 1
}
steps
#### ifelse-vs-if
x <- c(-2, 0, 3)
ifelse(x > 0, "pos", ifelse(x < 0, "neg", "zero"))
#### vapply-in-loop
res <- numeric(0)
for (k in 1:3) res[k] <- k * 1.5
res
#### function-with-loop-return
find_first <- function(x, target) {
  for (i in seq_along(x)) if (x[i] == target) return(i)
  NA
}
find_first(c(5, 6, 7), 6)
find_first(c(5, 6, 7), 9)
#### break-outside-loop
f <- function() break
f()
#### proc-time-shape
x <- system.time(for (i in 1:10) NULL)
class(x)
names(x)
all(x[1:3] >= 0)
t0 <- proc.time()
(proc.time() - t0)[["elapsed"]] >= 0
#### files-write-read-lines
f <- tempfile()
writeLines(c("x", "y", ""), f)
readLines(f)
readLines(f, n = 1)
file.exists(f)
cat("a", "b\n", file = f)
cat("c\n", file = f, append = TRUE)
readLines(f)
writeLines("shown")
#### files-read-missing
readLines("no-such-file.txt")
