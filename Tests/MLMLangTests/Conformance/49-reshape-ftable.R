#### reshape-long
wide <- data.frame(id = 1:3, sex = c("f", "m", "f"), score.1 = c(5, 6, 7), score.2 = c(6, 8, 9), score.3 = c(7, 7, 10))
long <- reshape(wide, direction = "long", varying = c("score.1", "score.2", "score.3"), idvar = "id")
long
sort(names(attributes(long)))
long2 <- reshape(wide, direction = "long", varying = list(c("score.1", "score.2", "score.3")), v.names = "score",
                 timevar = "visit", times = c(0, 4, 8), idvar = "id")
long2
reshape(wide, direction = "long", varying = 3:5, sep = ".")[1:4, ]
w2 <- data.frame(subj = c("a", "b"), x1 = 1:2, x2 = 3:4, y1 = 5:6, y2 = 7:8)
reshape(w2, direction = "long", varying = c("x1", "x2", "y1", "y2"), sep = "", idvar = "subj")

#### reshape-wide
long <- data.frame(id = rep(1:3, each = 2), time = rep(1:2, 3), y = c(5.5, 6, 7.25, 8, 9, 10), g = rep(c("a", "b", "a"), each = 2))
wide <- reshape(long, direction = "wide", idvar = "id", timevar = "time")
wide
attr(wide, "reshapeWide")$varying
back <- reshape(wide)
back
head(reshape(Indometh, v.names = "conc", idvar = "Subject", timevar = "time", direction = "wide")[, 1:5], 3)
reshape(data.frame(id = c(1, 1, 2), t = c(1, 2, 1), v = 1:3), idvar = "id", timevar = "t", direction = "wide")

#### ftable
ft <- ftable(Titanic, row.vars = 1:3)
ft
class(ft)
dim(ft)
ftable(Titanic, row.vars = 1:2, col.vars = "Survived")
ftable(table(mtcars$cyl, mtcars$gear, mtcars$am))
x <- ftable(mtcars[c("cyl", "vs", "am", "gear")])
x
ftable(Survived ~ Class + Sex, data = Titanic)
ftable(vs + am ~ cyl, data = mtcars)
write.ftable(ftable(Titanic, row.vars = 1, col.vars = 4), quote = TRUE)
format(ftable(Titanic, row.vars = 1:2, col.vars = 4), quote = FALSE, method = "compact")
as.table(ftable(Titanic, row.vars = 1:2, col.vars = 3:4))["Crew", , , "Yes"]

#### aperm-as-table
a <- array(1:24, dim = 2:4, dimnames = list(a = c("x", "y"), b = c("p", "q", "r"), c = NULL))
aperm(a)[, , 1]
dim(aperm(a, c(2, 3, 1)))
aperm(a, c("b", "a", "c"))[, , 2]
t1 <- table(mtcars$cyl, mtcars$am)
class(aperm(t1))
aperm(t1)
as.table(matrix(1:4, 2))
as.table(1:3)
rep_len(1:3, 7)
