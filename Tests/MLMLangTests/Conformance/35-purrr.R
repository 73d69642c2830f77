#### map-family
library(purrr)
map(1:3, function(x) x^2)
map(list(a = 1:3, b = 4:6), ~ .x * 2)
map_dbl(list(a = 1:3, b = 4:6), mean)
map_chr(c(x = "a", y = "b"), toupper)
map_int(list(1:3, 1:5), length)
map_lgl(list(1, "a", NULL), is.numeric)
map(list(list(a = 1, b = 2), list(a = 3, b = 4)), "a")
map_dbl(list(c(1, 2), c(3, 4)), 2)
map(mtcars[1:2], ~ round(mean(.), 2))
map2(1:3, 4:6, ~ .x + .y)
map2(list(a = 1, b = 2), 10, function(x, y) x * y)
map(1:2, rep, times = 3)
tryCatch(map_dbl(list(1:2), identity), error = function(e) cat("error\n"))

#### map-over-nested-fits
library(purrr)
fits <- map(split(mtcars, mtcars$cyl), ~ lm(mpg ~ wt, data = .x))
map_dbl(fits, ~ round(coef(.x)[["wt"]], 4))
names(fits)

#### split-data-frame
s <- split(mtcars[1:6, 1:3], c("a", "b", "a", "b", "a", "c"))
s
names(s)
class(s$a)
