#### cor-test
ct <- cor.test(mtcars$mpg, mtcars$wt)
ct
class(ct)
names(ct)
ct$estimate
ct$conf.int
cor.test(mtcars$mpg, mtcars$hp, alternative = "less", conf.level = 0.9)
cor.test(~ mpg + qsec, data = mtcars)
x <- c(1, 2, 3, 4, NA, 6); y <- c(2, 4, 5, 4, 5, 7)
cor.test(x, y)$p.value
tryCatch(cor.test(1:2, 3:4), error = function(e) conditionMessage(e))

#### chisq-test
m <- matrix(c(12, 5, 7, 9), nrow = 2, dimnames = list(g = c("a", "b"), r = c("yes", "no")))
chisq.test(m)
chisq.test(m, correct = FALSE)
tab <- table(mtcars$cyl, mtcars$am)
suppressWarnings(chisq.test(tab))
ch <- suppressWarnings(chisq.test(mtcars$cyl, mtcars$gear))
ch$expected
round(ch$residuals, 3)
chisq.test(c(20, 30, 50))
chisq.test(c(20, 30, 50), p = c(0.2, 0.3, 0.5))
chisq.test(c(10, 20), p = c(1, 3), rescale.p = TRUE)$p.value
chisq.test(matrix(c(3, 1, 2, 4), 2))
chisq.test(warpbreaks$wool, warpbreaks$tension)

#### binom-var-tests
binom.test(7, 20)
binom.test(c(12, 3), p = 0.6, alternative = "greater")
bt <- binom.test(0, 10, conf.level = 0.9)
bt$conf.int
bt$p.value
binom.test(15, 20, p = 0.5, alternative = "less")$p.value
var.test(mtcars$mpg[mtcars$am == 0], mtcars$mpg[mtcars$am == 1])
var.test(len ~ supp, data = ToothGrowth)
vt <- var.test(1:10, c(2, 4, 1, 8, 9), alternative = "greater")
vt$estimate
vt$conf.int
seq.int(2, 10, by = 3)
seq.int(from = 1, to = 2, length.out = 5)

#### prop-test
prop.test(45, 100)
prop.test(45, 100, p = 0.4, alternative = "greater", correct = FALSE)
prop.test(c(15, 25), c(50, 50))
pt2 <- prop.test(c(15, 25), c(50, 50), alternative = "less")
pt2$conf.int
pt2$p.value
prop.test(matrix(c(12, 8, 20, 30), ncol = 2))
prop.test(c(10, 20, 30), c(40, 40, 40))
names(prop.test(30, 60))
sign(c(-2, 0, 3.5, NA))
is.table(table(c(1, 1, 2)))
is.table(1:3)
