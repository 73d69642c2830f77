#!/usr/bin/env Rscript
# Expected numbers of mlmd's base graphics, from R itself (run from the repository root):
#   Rscript scripts/generate-base-graphics-expectations.R
# Writes Tests/MLMLangTests/Conformance/base-graphics-expectations.json: hist()'s breaks and
# counts, boxplot()'s statistics and outliers, qqnorm()'s theoretical quantiles and qqline()'s
# line, the order of a caterpillar plot, dodged points, ggplot2's loess smooths of mtcars and sleepstudy, and the axis ticks R draws (axTicks) for the user
# ranges par("usr") of plot(x, y).
suppressPackageStartupMessages(library(lme4))
num <- function(x) paste0("[", paste(format(x, digits = 17), collapse = ", "), "]")
x <- sleepstudy$Reaction
h <- hist(x, plot = FALSE)
h2 <- hist(sleepstudy$Days, plot = FALSE)
b <- boxplot(Reaction ~ Days, data = sleepstudy, plot = FALSE)
y <- c(3.1, -0.4, 2.2, 5.9, 0.3, 1.7, -2.5, 4.4)
q <- qqnorm(y, plot.it = FALSE)
probs <- quantile(y, c(0.25, 0.75)); xq <- qnorm(c(0.25, 0.75))
slope <- diff(probs) / diff(xq)
pdf(NULL)
plot(sleepstudy$Days, sleepstudy$Reaction)
usr <- par("usr"); ticks_x <- axTicks(1); ticks_y <- axTicks(2)
plot(c(0.001, 0.0042), c(-3e5, 1.2e6))
usr2 <- par("usr"); ticks_x2 <- axTicks(1); ticks_y2 <- axTicks(2)
invisible(dev.off())
# ggplot2's default smoother on mtcars: loess, its curve and 95% band at 80 points.
suppressPackageStartupMessages(library(ggplot2))
smooth <- suppressMessages(layer_data(ggplot(mtcars, aes(wt, mpg)) + geom_smooth(), 1))
# The caterpillar plot's order of subjects: by the conditional mode of the intercept.
re <- ranef(lmer(Reaction ~ Days + (Days | Subject), sleepstudy))$Subject
caterpillar <- as.numeric(rownames(re)[order(re[, 1])])
# position_dodge(width = 0.5) of points coloured by group, two and three groups per x.
dodge_data <- data.frame(x = c(1, 1, 2, 2, 2), y = 1:5, g = c("a", "b", "a", "b", "c"))
dodged <- layer_data(ggplot(dodge_data, aes(x, y, colour = g)) + geom_point(position = position_dodge(width = 0.5)))$x
# And on sleepstudy, whose x has ten values each tied eighteen times.
tied <- suppressMessages(layer_data(ggplot(sleepstudy, aes(Days, Reaction)) + geom_smooth(), 1))
json <- c("{",
  sprintf('  "hist_breaks": %s,', num(h$breaks)), sprintf('  "hist_counts": %s,', num(h$counts)),
  sprintf('  "hist_days_breaks": %s,', num(h2$breaks)), sprintf('  "hist_days_counts": %s,', num(h2$counts)),
  sprintf('  "box_stats": %s,', num(as.vector(b$stats))), sprintf('  "box_outliers": %s,', num(b$out)),
  sprintf('  "qq_y": %s,', num(y)), sprintf('  "qq_x": %s,', num(q$x)),
  sprintf('  "qqline": %s,', num(c(probs[1] - slope * xq[1], slope))),
  sprintf('  "usr": %s,', num(usr)), sprintf('  "ticks_x": %s,', num(ticks_x)), sprintf('  "ticks_y": %s,', num(ticks_y)),
  sprintf('  "usr2": %s,', num(usr2)), sprintf('  "ticks_x2": %s,', num(ticks_x2)), sprintf('  "ticks_y2": %s,', num(ticks_y2)),
  sprintf('  "loess_x": %s,', num(mtcars$wt)), sprintf('  "loess_y": %s,', num(mtcars$mpg)),
  sprintf('  "loess_grid": %s,', num(smooth$x)), sprintf('  "loess_fit": %s,', num(smooth$y)),
  sprintf('  "loess_lower": %s,', num(smooth$ymin)), sprintf('  "loess_upper": %s,', num(smooth$ymax)),
  sprintf('  "caterpillar_order": %s,', num(caterpillar)),
  sprintf('  "dodge_x": %s,', num(dodged)),
  sprintf('  "tied_x": %s,', num(sleepstudy$Days)), sprintf('  "tied_y": %s,', num(sleepstudy$Reaction)),
  sprintf('  "tied_grid": %s,', num(tied$x)), sprintf('  "tied_fit": %s,', num(tied$y)),
  sprintf('  "tied_lower": %s,', num(tied$ymin)), sprintf('  "tied_upper": %s', num(tied$ymax)),
  "}")
writeLines(json, "Tests/MLMLangTests/Conformance/base-graphics-expectations.json")
