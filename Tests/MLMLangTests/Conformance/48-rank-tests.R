#### wilcox-rank-sum
x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
w <- wilcox.test(x, y)
w
class(w)
names(w)
wilcox.test(x, y, alternative = "greater", conf.int = TRUE)
wilcox.test(mpg ~ am, data = mtcars)
wilcox.test(len ~ supp, data = ToothGrowth, conf.int = TRUE)
wilcox.test(x, y, exact = FALSE, correct = FALSE)$p.value

#### wilcox-signed-rank
x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
wilcox.test(x, y, paired = TRUE)
wilcox.test(x, y, paired = TRUE, alternative = "greater", conf.int = TRUE)
wilcox.test(x, mu = 1, conf.int = TRUE, conf.level = 0.9)
wilcox.test(sleep$extra[1:10], sleep$extra[11:20], paired = TRUE)
wilcox.test(c(1.5, 2.5, 2.5, -1, 3, 4, 0.5, 2), conf.int = TRUE)
wilcox.test(rivers <- c(735, 320, 325, 392, 524, 450, 1459, 135, 465, 600, 330, 336, 280, 315, 870), mu = 500)$statistic

#### shapiro
shapiro.test(mtcars$mpg)
shapiro.test(iris$Sepal.Length)
shapiro.test(c(2.1, 3.4, 1.9))
shapiro.test(c(1, 2, 4, 8, 16, 32, 64))
s <- shapiro.test(faithful$eruptions)
s$statistic
s$p.value
class(s)
tryCatch(shapiro.test(1:2), error = function(e) conditionMessage(e))
tryCatch(shapiro.test(rep(3, 5)), error = function(e) conditionMessage(e))

#### fisher
m <- matrix(c(3, 1, 1, 3), nrow = 2, dimnames = list(Guess = c("Milk", "Tea"), Truth = c("Milk", "Tea")))
f <- fisher.test(m)
f
names(f)
fisher.test(m, alternative = "greater")
fisher.test(table(mtcars$am, mtcars$vs))
fisher.test(matrix(c(10, 2, 3, 15), 2), conf.level = 0.9)$conf.int
fisher.test(table(mtcars$cyl, mtcars$gear))
fisher.test(matrix(c(2, 7, 8, 2, 7, 3, 5, 1, 4), 3))$p.value
fisher.test(c(1, 1, 2, 2, 1, 2), c("a", "b", "b", "b", "a", "a"))

#### rank-correlation
cor.test(mtcars$mpg, mtcars$wt, method = "spearman", exact = FALSE)
cor.test(c(1, 3, 2, 5, 4, 7, 6, 9), c(2, 1, 4, 3, 6, 5, 8, 7), method = "spearman")
cor.test(c(1, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 12), c(2, 1, 4, 3, 6, 5, 8, 7, 12, 9, 10, 11), method = "spearman")
cor.test(c(1, 3, 2, 5, 4, 7, 6, 9), c(2, 1, 4, 3, 6, 5, 8, 7), method = "kendall")
cor.test(c(1, 3, 2, 5, 4, 7, 6, 9), c(2, 1, 4, 3, 6, 5, 8, 7), method = "kendall", alternative = "greater")$p.value
suppressWarnings(cor.test(mtcars$mpg, mtcars$hp, method = "kendall"))
cor.test(~ Sepal.Length + Petal.Length, data = iris, method = "spearman", exact = FALSE)$p.value

#### uniroot
r <- uniroot(function(x) x^2 - 2, c(0, 2))
str(r)
uniroot(function(x, a) cos(x) - a * x, c(0, 1), a = 0.5, tol = 1e-9)$root
u <- uniroot(function(x) x^3 - 10, c(0, 1), extendInt = "yes")
u$root
u$init.it
tryCatch(uniroot(function(x) x, c(1, 2)), error = function(e) conditionMessage(e))
deparse1(quote(a + b))
lfactorial(5)
m <- matrix(c(1.5, 2, 3, 4), 2, dimnames = list(c("a", "b"), NULL))
storage.mode(m) <- "integer"
m
typeof(m)

#### fisher-larger-tables
fisher.test(matrix(c(0,2,1,1,1,0,3,1,3,2,1,3), 4))$p.value
fisher.test(matrix(c(1,2,5,4,2,0,1,2,3), 3))$p.value
fisher.test(matrix(c(9,6,9,9,6,12,14,8,12,14,6,12), 4))$p.value
fisher.test(matrix(c(4,5,2,14,8,3), 2))$p.value
fisher.test(matrix(c(7,9,12,5,5,3,4,6,10,5,8,7), 4))$p.value
fisher.test(matrix(c(12, 9, 8, 11, 10, 7, 9, 13, 8, 10, 12, 9), 3))
