#!/usr/bin/env Rscript
# Expected numbers of mlmd's base graphics, from R itself (run from the repository root):
#   Rscript scripts/generate-base-graphics-expectations.R
# Writes Tests/MLMLangTests/Conformance/base-graphics-expectations.json: hist()'s breaks and
# counts, boxplot()'s statistics and outliers, qqnorm()'s theoretical quantiles and qqline()'s
# line, the order of a caterpillar plot, dodged points, ggplot2's loess smooths of mtcars and sleepstudy, and the axis ticks R draws (axTicks) for the user
# ranges par("usr") of plot(x, y); lowess() and lm influence measures; and what plot() of an
# lm fit draws in each panel, recorded by tracing graphics' text, lines, mtext, axis and title.
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
# lowess, and leverages, standardised residuals and Cook's distances of a weighted fit.
lw <- lowess(mtcars$wt, mtcars$mpg)
lw_ties <- lowess(c(1, 2, 2, 2, 3, 5, 8), c(3, 1, 4, 1, 5, 9, 2), f = 0.5, iter = 0)
weighted <- lm(mpg ~ wt, data = mtcars, weights = cyl)
# ggplot2's stat_density on mtcars$mpg: stats::density over the data's range at 512 points.
stat_density <- layer_data(ggplot(mtcars, aes(mpg)) + geom_density(), 1)
# plot.lm's panels: every text, line, caption and axis it draws, with the user range at the time.
drawn <- list()
note <- function(kind, ...) drawn[[length(drawn) + 1]] <<- c(list(kind = kind, usr = par("usr")), list(...))
suppressMessages({
  trace(graphics::text, quote(note("text", x = x, y = list(...)[[1]], labels = list(...)[[2]])), print = FALSE, where = asNamespace("graphics"))
  trace(graphics::lines, quote(note("lines", x = x, y = list(...)[[1]])), print = FALSE, where = asNamespace("graphics"))
  trace(graphics::mtext, quote(note("mtext", text = text)), print = FALSE, where = asNamespace("graphics"))
  trace(graphics::axis, quote(note("axis", side = side, at = at, labels = labels)), print = FALSE, where = asNamespace("graphics"))
  trace(graphics::title, quote(note("title", sub = sub)), print = FALSE, where = asNamespace("graphics"))
})
pdf(NULL)
plot(lm(mpg ~ wt + hp, data = mtcars), which = 1:5)
plot(lm(len ~ supp, data = ToothGrowth), which = 5)
invisible(dev.off())
suppressMessages(for (f in c("text", "lines", "mtext", "axis", "title")) untrace(f, where = asNamespace("graphics")))
strs <- function(x) paste0("[", paste0('"', gsub('"', '\\\\"', x), '"', collapse = ", "), "]")
panels <- character()
panel <- 0
for (d in drawn) {
  key <- function(name) sprintf('  "plotlm_%s_%d": ', name, panel)
  if (d$kind == "axis" && d$side == 1) panel <- panel + (is.null(d$at) || panel == 5)
  if (d$kind == "axis" && d$side == 1 && !is.null(d$at)) panels <- c(panels, paste0(key("axis1_at"), num(d$at), ","), paste0(key("axis1_labels"), strs(d$labels), ","))
  if (d$kind == "mtext" && panel <= 6) panels <- c(panels, paste0(key("caption"), strs(d$text), ","), paste0(key("usr"), num(d$usr), ","))
  if (d$kind == "title" && !is.null(d$sub)) panels <- c(panels, paste0(key("sub"), strs(d$sub), ","))
  if (d$kind == "text" && length(d$labels) > 1 || (d$kind == "text" && d$labels != "Cook's distance")) {
    panels <- c(panels, paste0(key("label_text"), strs(d$labels), ","), paste0(key("label_x"), num(d$x), ","), paste0(key("label_y"), num(d$y), ","))
  }
  if (d$kind == "lines" && is.list(d$x)) panels <- c(panels, paste0(key("smooth_x"), num(d$x$x), ","), paste0(key("smooth_y"), num(d$x$y), ","))
  if (d$kind == "lines" && !is.list(d$x) && !any("plotlm_contour_x_5" == panels)) {
    panels <- c(panels, paste0(key("contour_x"), num(d$x), ","), paste0(key("contour_y"), num(ifelse(is.nan(d$y), -1, d$y)), ","))
  }
  if (d$kind == "axis" && d$side == 4) panels <- c(panels, paste0(key("axis4_at"), num(d$at), ","), paste0(key("axis4_labels"), strs(d$labels), ","))
}
panels <- panels[!duplicated(sub(":.*", "", panels))]
# Panel 6 (Cook's distance against h/(1 - h)) on its own: its labels, lines and x axis.
drawn <- list()
suppressMessages({
  trace(graphics::text, quote(note("text", x = x, y = list(...)[[1]], labels = list(...)[[2]])), print = FALSE, where = asNamespace("graphics"))
  trace(graphics::abline, quote(note("abline", a = a, b = b)), print = FALSE, where = asNamespace("graphics"))
  trace(graphics::axis, quote(note("axis", side = side, at = at, labels = labels)), print = FALSE, where = asNamespace("graphics"))
})
pdf(NULL)
plot(lm(mpg ~ wt + hp, data = mtcars), which = 6)
invisible(dev.off())
suppressMessages(for (f in c("text", "abline", "axis")) untrace(f, where = asNamespace("graphics")))
texts <- Filter(function(d) d$kind == "text", drawn)
ids <- texts[[length(texts)]]
bvals <- texts[-length(texts)]
slopes <- unlist(lapply(Filter(function(d) d$kind == "abline" && !is.null(d$b), drawn), `[[`, "b"))
xaxis <- Filter(function(d) d$kind == "axis" && d$side == 1 && !is.null(d$at), drawn)[[1]]
panels <- c(panels,
  sprintf('  "plotlm6_usr": %s,', num(ids$usr)),
  sprintf('  "plotlm6_label_text": %s,', strs(ids$labels)), sprintf('  "plotlm6_label_x": %s,', num(ids$x)),
  sprintf('  "plotlm6_label_y": %s,', num(ids$y)),
  sprintf('  "plotlm6_levels": %s,', strs(unlist(lapply(bvals, `[[`, "labels")))),
  sprintf('  "plotlm6_slopes": %s,', num(slopes)),
  sprintf('  "plotlm6_axis_at": %s,', num(xaxis$at[is.finite(xaxis$at)])), sprintf('  "plotlm6_axis_labels": %s,', strs(xaxis$labels[is.finite(xaxis$at)])))
json <- c("{", panels,
  sprintf('  "lowess_x": %s,', num(lw$x)), sprintf('  "lowess_y": %s,', num(lw$y)),
  sprintf('  "lowess_ties": %s,', num(lw_ties$y)),
  sprintf('  "weighted_hat": %s,', num(hatvalues(weighted))), sprintf('  "weighted_rstandard": %s,', num(rstandard(weighted))),
  sprintf('  "weighted_cooks": %s,', num(cooks.distance(weighted))),
  sprintf('  "stat_density_x": %s,', num(stat_density$x)), sprintf('  "stat_density_y": %s,', num(stat_density$y)),
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
