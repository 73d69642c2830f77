#### palette
palette()
old <- palette(c("red", "blue", "darkgreen"))
old
palette()
palette("default")
palette("Okabe-Ito")
palette()
palette("r3")
palette()
palette("default")
tryCatch(palette("nonsense"), error = function(e) conditionMessage(e))
tryCatch(palette(c("red", "nonsense")), error = function(e) conditionMessage(e))

#### legend
plot(1:10)
l <- legend("topleft", legend = c("a", "b"), col = 1:2, lty = 1:2)
names(l)
names(l$rect)
length(l$text$y)
plot(Sepal.Length ~ Petal.Length, data = iris, col = iris$Species, pch = 19)
legend("bottomright", legend = levels(iris$Species), col = 1:3, pch = 19, bty = "n", inset = 0.02)
tryCatch(legend("middle", "a"), error = function(e) conditionMessage(e))
