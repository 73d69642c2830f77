# Factors: construction, printing, levels, droplevels, conversion.
#### factor-basic
factor(c("b", "a", "c", "a"))
#### factor-levels-order
factor(c("lo", "hi", "mid", "lo"), levels = c("lo", "mid", "hi"))
#### factor-labels
factor(c(1, 2, 1, 3), levels = 1:3, labels = c("one", "two", "three"))
#### factor-with-na
factor(c("a", NA, "b"))
#### factor-na-level
factor(c("a", NA, "b"), exclude = NULL)
#### factor-numeric
factor(c(3, 1, 2, 1))
#### factor-unused-level
f <- factor(c("a", "b"), levels = c("a", "b", "c"))
f
levels(f)
nlevels(f)
#### droplevels
f <- factor(c("a", "b", "c"))[1:2]
f
droplevels(f)
#### as-factor
as.factor(c("z", "y", "z"))
as.factor(c(10, 5, 10))
#### levels-nlevels
f <- factor(c("x", "y", "x"))
levels(f)
nlevels(f)
length(f)
#### as-integer-factor
f <- factor(c("10", "5", "10"))
as.integer(f)
as.numeric(as.character(f))
as.character(f)
#### many-levels-truncated
factor(paste0("level", 1:40))
#### many-levels-short
factor(sample_names <- c(letters, LETTERS))
#### factor-long-labels
factor(c("a very long level name", "another quite long level name", "short", "medium length"))
#### factor-ordered
ordered(c("low", "high", "mid"), levels = c("low", "mid", "high"))
#### ordered-compare
x <- factor(c("S", "L", "M"), levels = c("S", "M", "L"), ordered = TRUE)
x < "L"
max(x)
#### factor-compare-unordered
f <- factor(c("a", "b"))
f == "a"
#### factor-unordered-lt
f <- factor(c("a", "b"))
f < "b"
#### factor-table
f <- factor(c("b", "a", "b", "c", "b"))
table(f)
#### factor-summary
summary(factor(c("b", "a", "b", "c", "b")))
#### factor-relevel
f <- factor(c("a", "b", "c"))
relevel(f, ref = "c")
#### factor-levels-assign
f <- factor(c("a", "b", "a"))
levels(f) <- c("A", "B")
f
#### factor-index
f <- factor(c("a", "b", "c"))
f[2]
f[2, drop = TRUE]
#### factor-assign-invalid
f <- factor(c("a", "b"))
f[1] <- "z"
f
#### factor-c
c(factor("a"), factor("b"))
#### factor-empty
factor(character(0))
#### factor-is
is.factor(factor("a"))
class(factor("a"))
typeof(factor("a"))
#### factor-cut
cut(c(1, 5, 9), breaks = c(0, 3, 6, 10))
#### factor-cut-labels
cut(c(1, 5, 9), breaks = 3, labels = c("low", "mid", "high"))
#### factor-interaction
interaction(c("a", "b"), c("x", "y"))
#### factor-tapply
tapply(c(10, 20, 30, 40), factor(c("a", "b", "a", "b")), mean)
#### factor-rev-levels
f <- factor(c("a", "b", "c"))
factor(f, levels = rev(levels(f)))
#### factor-print-max-levels
print(factor(c("a", "b")), max.levels = 0)
#### factor-nlevels-zero
nlevels(factor(character(0)))
levels(factor(character(0)))
#### factor-unary-minus
f <- factor(c("b", "a", "b", "c", "b"))
-f
table(-f)
#### cut-labels
x <- c(1, 4, 6, 8, 10, 3)
cut(x, breaks = c(0, 5, 10), labels = c("low", "high"))
cut(x, breaks = c(0, 5, 10), labels = FALSE)
cut(x, breaks = 8, 10, c(0, 5, 10))

#### cut-invalid-number-of-intervals
tryCatch(cut(1:5, NA), error = conditionMessage)
tryCatch(cut(1:5, 1), error = conditionMessage)
