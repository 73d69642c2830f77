#### tapply-list-index
tapply(mtcars$mpg, list(cyl = mtcars$cyl), mean)
tapply(mtcars$mpg, list(cyl = mtcars$cyl, am = mtcars$am), max)
tapply(c(1, 2, 3), list(c("a", "b", "a")), sum)

#### dput-pmatch-diag
dput(c(a = 1.5, b = 2))
dput(list(x = 1:3, y = "s"))
pmatch("me", c("mean", "median"))
pmatch("mea", c("mean", "median"))
pmatch(c("", "ab", "ab"), c("abc", "ab"))
pmatch(c("a", "a"), c("abc", "abd", "a"), duplicates.ok = TRUE)
pmatch("z", c("abc"), nomatch = 0)
m <- matrix(0, 3, 2)
diag(m) <- c(5, 6)
m
diag(m) <- 1
m
tryCatch({ diag(m) <- 1:3 }, error = function(e) conditionMessage(e))
