#### df-basic-print
df <- data.frame(x = c("a", "bbb", NA), y = c(1.5, NA, -3), f = factor(c("u", NA, "wwww")),
                 l = c(TRUE, NA, FALSE), i = c(1L, NA, 300L))
df
#### df-strings-not-factors
df <- data.frame(name = c("Ann", "Bo"), age = c(31, 4))
class(df$name)
str_f <- data.frame(name = c("Ann", "Bo"), stringsAsFactors = TRUE)
levels(str_f$name)
#### df-empty
data.frame()
data.frame(x = numeric(0), y = character(0))
#### df-zero-columns-rows
df <- data.frame(x = 1:3)
df[, 0]
df[0, , drop = FALSE]
#### df-recycling
data.frame(x = 1:4, y = 1:2, z = "k")
#### df-differing-rows
data.frame(x = 1:3, y = 1:2)
#### df-check-names
data.frame(`a b` = 1, `1x` = 2, check.names = TRUE)
data.frame(`a b` = 1, check.names = FALSE)
data.frame(x = 1:2, x = 3:4)
#### df-unnamed-arguments
data.frame(1:2, c("a", "b"))
#### df-matrix-and-list-arguments
data.frame(m = matrix(1:4, 2))
data.frame(matrix(1:6, 2, dimnames = list(NULL, c("p", "q", "r"))))
data.frame(list(a = 1, b = "x"), z = TRUE)
#### df-row-names
df <- data.frame(x = 1:3, row.names = c("a", "b", "c"))
df
rownames(df)
data.frame(v = c(one = 1, two = 2))
#### df-set-rownames
df <- data.frame(a = 1:3, b = c(2.5, 3, 4))
rownames(df) <- c("r1", "r2", "r3")
df
df["r2", ]
row.names(df)
#### df-numbers-formatting
data.frame(x = c(1.123456789, 22.5, 333), y = c(1e-10, 1, 2), z = c(1e10, 1, NA))
print(data.frame(x = c(1.123456789, 22.5)), digits = 3)
#### df-print-no-row-names
print(data.frame(x = 1:2, y = c("a", "b")), row.names = FALSE)
#### df-wide-wraps
df <- as.data.frame(matrix(round(seq(1, 50, length.out = 24), 3), 2, 12))
names(df) <- paste0("measurement_", 1:12)
df
#### df-wrap-exact-width
d <- data.frame(a = 1, b = 2, c = 3)
names(d) <- c(strrep("a", 38), strrep("b", 38), "c")
d
names(d) <- c(strrep("a", 38), strrep("b", 39), "c")
d
#### df-dollar-and-brackets
df <- data.frame(x = 1:5, y = c("a", "b", "c", "d", "e"), z = c(1.5, 2.5, NA, 4, 5))
df$x
df[["z"]]
df[[2]]
df[2, "z"]
df[[2, 3]]
#### df-row-subsets
df <- data.frame(x = 1:5, y = c("a", "b", "c", "d", "e"), z = c(1.5, 2.5, NA, 4, 5))
df[2:3, ]
df[-1, c("x", "z")]
df[df$x > 3, ]
df[c(TRUE, FALSE), ]
df[c(1, 1, NA), ]
#### df-drop-rules
df <- data.frame(x = 1:3, y = c("a", "b", "c"))
df[, 2]
df[, "x", drop = FALSE]
df[, c("x", "y")]
df["y"]
df[c(TRUE, FALSE)]
one <- data.frame(v = 4:6)
one[2:3, ]
#### df-undefined-column
df <- data.frame(x = 1:3)
df[5]
#### df-undefined-column-j
df <- data.frame(x = 1:3)
df[, "nope"]
#### df-dollar-assign
df <- data.frame(x = 1:3, y = c("a", "b", "c"))
df$z <- df$x * 2
df$w <- 7
df[["v"]] <- c(TRUE, FALSE, TRUE)
df$w <- NULL
df
#### df-dollar-assign-wrong-length
df <- data.frame(x = 1:3)
df$y <- 1:2
#### df-cell-assign
df <- data.frame(x = 1:3, y = c("a", "b", "c"))
df[2, "x"] <- 10L
df[df$x > 2, "y"] <- "big"
df[, "q"] <- 0
df
df[2, ] <- list(99L, "zz", 5)
df
df[c("x", "q")] <- list(3:1, c(0.5, 1, 1.5))
df
#### df-names-assign
df <- data.frame(x = 1:3, y = 4:6)
names(df) <- c("a", "b")
colnames(df)
names(df)[2] <- "B"
df
colnames(df) <- c("first", "second")
df
#### df-dims
df <- data.frame(x = 1:3, y = 4:6)
nrow(df); ncol(df); dim(df)
length(df)
#### df-head-tail
df <- data.frame(n = 1:10, sq = (1:10)^2)
head(df)
head(df, 3)
tail(df, 3)
head(df, -7)
#### df-with
df <- data.frame(x = c(2, 4, 6), y = c(1, 1, 2))
with(df, mean(x))
with(df, x / y)
k <- 10
with(df, sum(x) + k)
#### df-lapply-sapply
df <- data.frame(a = 1:3, b = c(2.5, 3.5, 4.5))
sapply(df, mean)
lapply(df, range)
as.list(df)
#### df-summary
df <- data.frame(x = c(1, 2, 3, 4), g = factor(c("a", "b", "a", "a")))
summary(df)
#### df-as-data-frame
as.data.frame(matrix(1:4, 2))
m <- matrix(c(1.5, 2, 3, 4), 2, dimnames = list(c("r1", "r2"), c("A", "B")))
as.data.frame(m)
as.data.frame(list(p = 1:2, q = c("u", "v")))
#### df-rbind-cbind
a <- data.frame(x = 1:2, y = c("a", "b"))
rbind(a, data.frame(x = 9L, y = "q"))
cbind(a, w = 3:4)
#### df-list-apply-over-rows
df <- data.frame(x = 1:3, y = c(10, 20, 30))
df$x + df$y
mean(df$y)
df[order(-df$y), ]
#### df-factor-column
df <- data.frame(g = factor(c("lo", "hi", "lo"), levels = c("lo", "hi")), v = 1:3)
levels(df$g)
table(df$g)
df[df$g == "lo", ]
#### df-is-data-frame
df <- data.frame(x = 1)
is.data.frame(df)
is.list(df)
class(df)
is.data.frame(list(x = 1))
#### df-list-column
df <- data.frame(id = 1:2)
df$vals <- list(1:3, c(2.5, 4))
df
#### df-special-numbers
data.frame(x = c(NaN, Inf, -Inf, 0.5), y = c(-0.001, 100, 2, NA), n = c(1e6, 2e6, 3e6, 4e6))
#### df-many-rows
data.frame(i = 1:12, sq = (1:12)^2, half = (1:12) / 2)
#### df-nested-replacement
df <- data.frame(x = c(1, 2, 3), g = c("a", "b", "a"))
df$x[2] <- 20
df[df$g == "a", "x"]
df$x[df$g == "a"] <- 0
df
#### df-rows-by-name
df <- data.frame(v = c(10, 20, 30), row.names = c("p", "q", "r"))
df[c("r", "p"), , drop = FALSE]
df[c("r", "p"), ]
#### df-ordering-keeps-row-names
df <- data.frame(name = c("c", "a", "b"), score = c(2, 9, 5))
df[order(df$name), ]
df[order(df$score, decreasing = TRUE), "name"]
#### df-logical-filter-and-count
df <- data.frame(x = c(5, 2, 8, 1), ok = c(TRUE, FALSE, TRUE, NA))
df[which(df$ok), ]
nrow(df[df$x > 1, ])
sum(df$x[df$x > 1])
#### df-column-types
df <- data.frame(a = 1L, b = 2.5, c = "s", d = TRUE, e = factor("f"))
sapply(df, class)
unlist(lapply(df, typeof))
#### df-subset-transform
df <- data.frame(id = 1:5, g = c("a", "b", "a", "b", "a"), x = c(2.5, NA, 4, 1, 8))
subset(df, x > 2)
subset(df, g == "a", select = c(id, x))
subset(df, select = -g)
subset(c(5, 1, 7, NA), c(5, 1, 7, NA) > 2)
transform(df, y = x * 2, id = id + 100)
#### df-math-group
d <- data.frame(a = c(1.234, 2.345), b = 3:4)
round(d, 1)
sqrt(d)
#### str-vectors-lists
str(1:5)
str(c(1.5, 2, 3))
str("a")
str(c(TRUE, FALSE, NA))
str(letters)
str(list(a = 1, b = "x", c = list(d = 1:3)))
str(factor(c("b", "a")))
#### str-data-frames
str(data.frame(x = c(0.001234, 123.4), y = c("a", "b"), z = factor(c("u", "v")), stringsAsFactors = FALSE))
str(sleepstudy <- lme4::sleepstudy)
#### str-long-and-tibble
str(seq(0.5, 10, by = 0.5))
str(c(1e6, 2e6))
str(tibble::tibble(a = 1:3, b = c("x", "y", "z")))
str(numeric(0))
#### str-width-rules
str(data.frame(y=letters, stringsAsFactors=FALSE))
str(data.frame(longername=rep("abcdefgh", 30), stringsAsFactors=FALSE))
str(rep("abcdefgh", 30))
str(data.frame(y=rep(TRUE, 30)))
str(rep(TRUE, 30))
str(rep(1L, 30))
str(data.frame(y=rep(1L, 30)))
#### list-holding-objects
x <- list(a = data.frame(u = 1:2), b = list(c = 3, d = data.frame(v = "z")), e = factor("q"))
x
list(fit = lm(mpg ~ wt, mtcars), n = 2)

#### row-subset-keeps-class-attributes-only
d <- data.frame(a = structure(c(1.5, 2, 3), label = "A label"))
d$when <- structure(18262 + 0:2, class = "Date")
d$t <- structure(1577836800 + 0:2, class = c("POSIXct", "POSIXt"), tzone = "UTC")
d$f <- structure(factor(c("x", "y", "x")), label = "F label")
str(lapply(d[2:3, ], attributes))
str(d[d$a > 1.6, "a"])
