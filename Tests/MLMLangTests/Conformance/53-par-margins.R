#### par-margins
op <- par(mar = c(4, 4, 1, 1))
op
par("mar")
par(mai = c(1, 1, 0.5, 0.2))
par("mar")
par("mai")
par(op)
par("mar")
par(c("mar", "mfrow"))
tryCatch(par(mar = c(1, 2)), error = function(e) conditionMessage(e))
tryCatch(par(mfrow = c(1, 2, 3)), error = function(e) conditionMessage(e))

#### interaction-plot
x <- with(ToothGrowth, interaction.plot(dose, supp, len))
x
y <- interaction.plot(warpbreaks$tension, warpbreaks$wool, warpbreaks$breaks, fun = median, legend = FALSE)
is.null(y)
tryCatch(interaction.plot(1:3, 1:2, 1:3), error = function(e) "error")
