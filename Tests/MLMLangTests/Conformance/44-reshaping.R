#### aggregate-forms
aggregate(mpg ~ cyl, data = mtcars, FUN = mean)
aggregate(mpg ~ cyl + am, data = mtcars, FUN = mean)
aggregate(cbind(mpg, hp) ~ gear, data = mtcars, FUN = max)
aggregate(len ~ supp + dose, data = ToothGrowth, mean)
aggregate(mtcars[, c("mpg", "wt")], by = list(cyl = mtcars$cyl), FUN = median)
aggregate(mtcars$mpg, by = list(mtcars$am, mtcars$vs), FUN = length)
aggregate(Ozone ~ Month, data = airquality, FUN = mean)
aggregate(weight ~ feed, data = chickwts, FUN = function(w) round(sd(w), 2))
str(aggregate(len ~ supp, data = ToothGrowth, mean))

#### replicate-sampling
set.seed(1)
replicate(3, mean(rnorm(5)))
set.seed(2)
replicate(2, rnorm(3))
replicate(2, list(a = 1), simplify = FALSE)
x <- 10
invisible(replicate(2, x <- 1))
x
f <- function() eval.parent(quote(y <- 5))
g <- function() { f(); y }
g()
suppressPackageStartupMessages(library(dplyr))
set.seed(3)
slice_sample(mtcars[, 1:3], n = 3)
set.seed(4)
nrow(slice_sample(mtcars, prop = 0.25))

#### tidyr-tidying
suppressPackageStartupMessages(library(tidyr))
d <- tibble::tibble(id = 1:4, a = c(1, NA, 3, NA), b = c("x", "y", NA, "w"))
drop_na(d)
drop_na(d, a)
fill(d, a)
fill(d, a, b, .direction = "up")
fill(d, a, .direction = "downup")
u <- unite(d, "ab", a, b)
u
unite(d, ab, a, b, sep = "-", remove = FALSE)
unite(d, "ab", a, b, na.rm = TRUE)
s <- tibble::tibble(key = c("a_1", "b_2", "c_3_x", "d"))
separate(s, key, into = c("letter", "number"))
separate(s, key, into = c("letter", "number"), extra = "merge", fill = "right")
separate(tibble::tibble(x = c("1-2", "3-4")), x, c("a", "b"), sep = "-", convert = TRUE)
separate(data.frame(x = c("ab12", "cd34")), x, c("l", "n"), sep = 2)
