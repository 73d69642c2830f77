# table(), summary(), quantile() output formats, and cross-tabulation.
#### table-character
table(c("b", "a", "b", "c", "b"))
#### table-numeric
table(c(3, 1, 3, 2, 3, 1))
#### table-logical
table(c(TRUE, FALSE, TRUE, NA))
#### table-usena
table(c("x", NA, "x"), useNA = "ifany")
#### table-factor-zero-count
table(factor(c("a", "a"), levels = c("a", "b")))
#### table-two-factors
g <- factor(c("m", "f", "m", "f", "m"))
s <- factor(c("y", "y", "n", "n", "y"))
table(g, s)
#### table-two-vectors-unnamed
table(c(1, 2, 1, 2), c("a", "a", "b", "b"))
#### table-dnn
table(c(1, 1, 2), dnn = "value")
#### table-names-counts
t <- table(c("x", "y", "x"))
names(t)
as.vector(t)
t[["x"]]
#### table-sort
sort(table(c("b", "a", "b", "c", "b", "c")), decreasing = TRUE)
#### table-as-data
t <- table(c("p", "q", "p"))
t / sum(t)
round(prop.table(t), 3)
#### table-two-way-margins
x <- c("a", "b", "a", "b", "a")
y <- c("u", "u", "v", "v", "v")
tab <- table(x, y)
margin.table(tab, 1)
addmargins(tab)
#### table-many-values-wrap
table(rep(1:30, 1:30 %% 3 + 1))
#### table-long-labels
table(c("a rather long category label", "short", "short"))
#### table-integer
table(c(2L, 2L, 5L))
#### table-empty
table(character(0))
#### table-which-max
t <- table(c("x", "y", "y"))
names(which.max(t))
#### summary-numeric-basic
summary(c(1, 2, 3, 4, 100))
#### summary-with-nas
summary(c(2.5, NA, 7, 1, NA))
#### summary-all-na
summary(c(NA_real_, NA_real_))
#### summary-integers-na
summary(c(1L, 5L, NA, 3L))
#### summary-negative-small
summary(c(-0.001234, 0.5, 2.25))
#### summary-large-spread
summary(c(0.5, 1200, 35000, 1e6))
#### summary-digits
summary(c(1.23456, 2.34567, 3.45678), digits = 3)
#### summary-factor-many
summary(factor(c("a", "b", "a", "c", "a", "b")))
#### summary-factor-na
summary(factor(c("yes", NA, "no", "yes")))
#### summary-logical-all
summary(c(TRUE, TRUE, FALSE))
#### summary-logical-na
summary(c(NA, TRUE))
#### summary-character-vec
summary(letters)
#### summary-matrix
summary(matrix(1:6, 2))
#### summary-list
summary(list(a = 1:3, b = "x"))
#### summary-table
summary(table(c("a", "b")))
#### quantile-type7-default
quantile(c(2, 4, 4, 5, 7, 9, 10))
#### quantile-custom-probs
quantile(1:100, c(0.05, 0.95))
#### quantile-percent-names
quantile(c(1, 2, 3, 4), probs = c(0.001, 0.333, 0.5, 0.999))
#### quantile-single
quantile(5)
#### quantile-decimals
quantile(c(0.12, 0.57, 0.33, 0.91, 0.05))
#### quantile-unnamed-extract
q <- quantile(1:9)
q[["50%"]]
unname(q)
#### aggregate-by-tapply
scores <- c(90, 85, 77, 92, 68)
class_ <- c("A", "B", "A", "B", "A")
round(tapply(scores, class_, mean), 1)
#### cut-table
x <- c(1, 4, 6, 8, 10, 3)
table(cut(x, breaks = c(0, 5, 10)))
#### table-from-factor-levels-order
f <- factor(c("low", "high", "mid", "low"), levels = c("low", "mid", "high"))
table(f)
#### table-three-way
a <- c("x", "y", "x", "y")
b <- c("p", "p", "q", "q")
c_ <- c("u", "u", "u", "v")
table(a, b, c_)
#### tabulate
tabulate(c(1, 2, 2, 5))
#### rowsum-by-group
rowsum(c(1, 2, 3, 4), c("b", "a", "b", "a"))
#### xtabs-free-crosstab-names
tab <- table(first = c(1, 1, 2), second = c("a", "b", "b"))
tab
dimnames(tab)
#### summary-numeric-one-value
summary(42)
#### summary-zero-length
summary(numeric(0))
#### unique-counts
x <- c("c", "a", "c", "b", "c")
length(unique(x))
rev(sort(table(x)))
