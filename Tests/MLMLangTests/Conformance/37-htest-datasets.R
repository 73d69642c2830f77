#### t-test-one-and-two-sample
x <- c(5.1, 4.8, 6.2, 5.9, 6.4, 5.0, 5.5)
y <- c(6.0, 6.3, 5.8, 7.1, 6.9, 6.6)
t.test(x)
t.test(x, mu = 5, alternative = "greater")
t.test(x, y)
t.test(x, y, var.equal = TRUE, conf.level = 0.9)
t.test(x[1:6], y, paired = TRUE)

#### t-test-formula-and-object
tt <- t.test(extra ~ group, data = sleep)
tt
names(tt)
class(tt)
round(tt$statistic, 4)
t.test(sleep$extra[sleep$group == "1"], sleep$extra[sleep$group == "2"], alternative = "less")

#### t-test-errors
tryCatch(t.test(1), error = function(e) conditionMessage(e))
tryCatch(t.test(c(2, 2, 2)), error = function(e) conditionMessage(e))
tryCatch(t.test(1:3, paired = TRUE), error = function(e) conditionMessage(e))
tryCatch(t.test(extra ~ ID, data = sleep), error = function(e) conditionMessage(e))

#### cat-newline-separators
cat("a", "b", sep = "\n")
cat("c\n")
cat("x", sep = " \n")
cat("|\n")
cat(character(0), sep = "\n")
cat("|\n")
strwrap("The quick brown fox jumps over the lazy dog and keeps running far away.", width = 30)
strwrap(c("one two", "three"), prefix = "> ")

#### more-datasets
str(sleep)
summary(PlantGrowth)
head(airquality)
str(warpbreaks)
dim(faithful)
women[1:3, ]
summary(cars)
levels(chickwts$feed)
tapply(InsectSprays$count, InsectSprays$spray, mean)
