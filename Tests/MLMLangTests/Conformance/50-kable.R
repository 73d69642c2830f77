#### kable-pipe
library(knitr)
kable(head(mtcars[1:3], 3), caption = "Cars")
kable(data.frame(a = c(1.2345, 2), b = c("x", "y")), digits = 2, col.names = c("A", "B"))
kable(matrix(c(1.5, 2, 3, 4), 2, dimnames = list(c("r1", "r2"), c("x", "y"))), align = "c")
k <- kable(data.frame(n = c(10L, 200L), p = c(0.5, NA), f = factor(c("lo", "hi"))))
k
class(k)
attributes(k)
unclass(kable(data.frame(x = 1:2), align = "l"))
kable(table(mtcars$cyl, mtcars$am))
kable(data.frame(a = "x|y", b = 3), row.names = TRUE)
kable(head(ToothGrowth, 2), row.names = FALSE, digits = 0)

#### kable-simple
library(knitr)
kable(head(iris, 3), format = "simple")
kable(data.frame(v = c(3.25, 10)), format = "pandoc", caption = "One column")
kable(matrix(1:4, 2), format = "simple")
