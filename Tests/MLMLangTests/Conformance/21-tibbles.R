#### tbl-basic-types
suppressPackageStartupMessages(library(tibble))
tibble(x = c(1.5, NA, -3), y = c("a", NA, "ccc"), f = factor(c("u", NA, "w")),
       l = c(TRUE, NA, FALSE), i = c(1L, NA, 300L))
#### tbl-sequential-columns
library(tibble)
tibble(x = 1:3, y = x * 2, z = "k")
#### tbl-unnamed-column
library(tibble)
tibble(1:2, b = c("u", "v"))
#### tbl-incompatible-sizes
library(tibble)
tibble(x = 1:3, y = 1:2)
#### tbl-recycle-one
library(tibble)
tibble(a = 1, b = c(2.5, 3.25, 4))
#### tbl-empty
library(tibble)
tibble()
tibble(a = numeric(0), b = character(0))
#### tbl-decimals-aligned
library(tibble)
tibble(x = c(123456.789, 0.001234, 1), y = c(1e10, 1, 2), z = c(0.00001, 1, 10))
#### tbl-sigfig-rules
library(tibble)
tibble(a = c(21, 22.8, 147.5, 3.9), b = c(2.62, 2.875, 3.215, 1.5), c = c(16.46, 17.02, 18.61, 20))
#### tbl-negative-numbers
library(tibble)
tibble(v = c(-0.63, 1.36, -2.4, 0), w = c(-1000, 25, 3.5, -0.25))
#### tbl-integers-and-logicals
library(tibble)
tibble(n = c(1L, 20L, 300L, NA), ok = c(TRUE, FALSE, NA, TRUE))
#### tbl-scientific
library(tibble)
tibble(big = c(1.5e15, 2e16, 3.25e14), small = c(1e-20, 2.5e-21, 1e-19))
#### tbl-quoted-strings
library(tibble)
tibble(x = c(" a", "b ", "c\"d", "", NA))
#### tbl-long-footer
library(tibble)
tibble(id = 1:30, sq = (1:30)^2 / 7)
#### tbl-thousands-footer
library(tibble)
tibble(x = seq(0.5, 1000, by = 0.5))
#### tbl-print-n
library(tibble)
t <- tibble(id = 1:30, letter = rep(letters[1:3], 10))
print(t, n = 3)
print(head(t, 12))
#### tbl-wide-footer
library(tibble)
d <- as_tibble(matrix(round(seq(-5, 5, length.out = 48), 2), 3, 16,
                      dimnames = list(NULL, paste0("variable", 1:16))))
d
#### tbl-wide-long
library(tibble)
d <- as_tibble(matrix(round(sin(1:480), 2), 30, 16, dimnames = list(NULL, paste0("variable", 1:16))))
d
#### tbl-long-strings
library(tibble)
tibble(name = c("Alice", "Bob"), description = c(strrep("x", 60), "short"), v = c(1.123456, 22.1))
tibble(a = "this is a long string that goes on and on and on and on and on and on and on and on", b = 1)
#### tbl-zero-rows-footer
library(tibble)
tibble(a = numeric(0), b = character(0), c = integer(0))[0, ]
#### tbl-list-column
library(tibble)
tibble(id = 1:2, data = list(1:3, c("a", "b")))
#### tbl-as-tibble-df
library(tibble)
df <- data.frame(x = 1:2, y = c("p", "q"), row.names = c("r1", "r2"))
as_tibble(df)
as_tibble(df, rownames = "id")
#### tbl-as-tibble-list-matrix
library(tibble)
as_tibble(list(a = 1:2, b = "x"))
as_tibble(matrix(1:4, 2, dimnames = list(NULL, c("a", "b"))))
#### tbl-tribble
library(tibble)
tribble(~a, ~b, 1, "x", 2, "y")
#### tbl-indexing
library(tibble)
t <- tibble(x = 1:3, y = c("a", "b", "c"))
t[, 1]
t[[1]]
t[2, ]
t[t$x > 1, "y"]
t$y
t[["y"]][2]
t[c("y", "x")]
#### tbl-unknown-column-warning
library(tibble)
t <- tibble(x = 1:3)
t$nope
#### tbl-column-past-end
library(tibble)
t <- tibble(x = 1:3)
t[, 3]
#### tbl-column-missing-name
library(tibble)
t <- tibble(x = 1:3)
t[, "nope"]
#### tbl-assign
library(tibble)
t <- tibble(x = 1:3)
t$y <- c(2, 4, 6)
t$z <- 1
t
#### tbl-assign-wrong-size
library(tibble)
t <- tibble(x = 1:3)
t$w <- 1:2
#### tbl-is-tibble-class
library(tibble)
t <- tibble(x = 1)
is_tibble(t)
is_tibble(data.frame(x = 1))
class(t)
is.data.frame(t)
#### tbl-head-tail
library(tibble)
t <- tibble(n = 1:8, half = (1:8) / 2)
head(t, 3)
tail(t, 2)
nrow(t)
dim(t)
#### tbl-nonsyntactic-names
library(tibble)
tibble(`my col` = 1:2, `2nd` = c("a", "b"))
#### tbl-factor-levels-kept
library(tibble)
t <- tibble(g = factor(c("b", "a", "b")), v = c(0.1, 0.25, 1))
levels(t$g)
t
#### tbl-as-data-frame
library(tibble)
t <- tibble(x = 1:2, y = c("a", "b"))
as.data.frame(t)
#### tbl-print-width
library(tibble)
t <- tibble(alpha = c(1.5, 2.25), beta = c("one", "two"), gamma = c(TRUE, FALSE), delta = 1:2, epsilon = c(0.001, 0.1))
print(t, width = 30)
#### tbl-twenty-rows
library(tibble)
tibble(i = 1:20)
tibble(i = 1:21)
#### tbl-special-values
library(tibble)
tibble(x = c(NaN, Inf, -Inf, 2.5), y = c(NA, NA, NA, NA), z = c(NA_character_, NA, NA, NA))
#### tbl-mixed-magnitudes
library(tibble)
tibble(a = c(0.1 + 0.2, 1/3, 2/3), b = c(1e5 * pi, 12345.678, 0.5), c = c(100L, 2000000L, -5L))
tibble(p = c(0.05, 0.001, 0.5), q = c(123.456, 7.1, 88))
#### tbl-factor-and-ordered
library(tibble)
tibble(f = factor(c("lo", "hi")), o = factor(c("lo", "hi"), levels = c("lo", "hi"), ordered = TRUE))
#### tbl-glimpse
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "a"), h = c(1, 1.5, 1, 2), x = 4:1, ok = c(TRUE, NA, FALSE, TRUE),
             f = factor(c("u", "v", "u", NA)))
glimpse(df)
glimpse(group_by(df, g))
glimpse(data.frame(long = seq(0.5, 40, by = 0.5), s = rep(c("alpha", "beta"), 40)))
#### tbl-rownames-columns
library(tibble)
df <- data.frame(v = c(1.5, 2), row.names = c("p", "q"))
rownames_to_column(df)
rownames_to_column(df, var = "id")
column_to_rownames(data.frame(id = c("a", "b"), v = 1:2), var = "id")
#### tbl-squeezed-columns
library(tibble)
tibble(a = c("short", strrep("long text ", 8)), b = c(1.5, 2), c = c("x", "y"), d = c(TRUE, FALSE), e = 1:2, f = c(3.25, 4), g = c("mmmmmmmmmmmmmmmmmmmm", "n"))
#### tbl-abbreviated-titles
library(tibble)
tibble(first_column_name = 1:2, second_column_name = c(0.5, 1), third_column_name = c("a", "b"), fourth_column_name = 3:4, fifth_column = c(TRUE, NA))
#### tbl-quoted-truncated
library(tibble)
tibble(description = c(strrep("abc ", 30), "x"), value = c(1, 2), other = c("p", "q"))
#### tbl-title-footnote-long
library(tibble)
tibble(`a very long column name that will not fit anywhere in the output at all, really` = 1:2, b = 3:4)
#### tbl-number-widths
library(tibble)
tibble(x = c(1234567.891, 2.5), y = c(-0.000012345, 100), z = c(99999, 100000))
tibble(u = c(1e-3, 1e-4, 1e-5), v = c(123456789012, 1, 2), w = c(0.1, 0.12, 0.123))

#### deprecated-data-frame-spellings
library(tibble)
a <- data_frame(x = 1:2, y = c("u", "v"))
b <- data_frame(z = 3)
a
class(b)
as_data_frame(data.frame(p = 1.5))
