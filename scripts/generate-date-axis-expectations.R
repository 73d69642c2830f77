#!/usr/bin/env Rscript
# Expected date and time axes of mlmd's ggplot2, from ggplot2 itself (run from the repository
# root): Rscript scripts/generate-date-axis-expectations.R
# Writes Tests/MLMLangTests/Conformance/date-axis-expectations.json: for each plot, the x axis
# labels ggplot2 draws (its breaks' labels inside the panel's range), in order.
suppressPackageStartupMessages(library(ggplot2))
Sys.setenv(TZ = "UTC")
setup <- paste(
  'd <- data.frame(day = as.Date("2024-01-01") + 0:90, y = sin(1:91 / 10))',
  'd2 <- data.frame(day = as.Date("2020-01-01") + seq(0, 1500, by = 30), y = 1)',
  'd3 <- data.frame(day = as.Date("2019-05-03") + seq(0, 2000, 50), y = 1)',
  'd4 <- data.frame(t = as.POSIXct("2024-01-01 00:00", tz = "UTC") + 3600 * (0:30), y = 1)',
  'd5 <- data.frame(day = as.Date("2024-01-03") + 0:40, y = 1)',
  'd6 <- data.frame(day = as.Date("2024-03-01") + 0:3, y = 1:4)',
  'd7 <- data.frame(t = as.POSIXct("2024-05-01 10:00", tz = "UTC") + 60 * (0:45), y = 1)',
  sep = "\n")
plots <- c(
  'ggplot(d, aes(day, y)) + geom_line()',
  'ggplot(d2, aes(day, y)) + geom_point()',
  'ggplot(d, aes(day, y)) + geom_line() + scale_x_date(date_labels = "%b %d", date_breaks = "2 weeks")',
  'ggplot(d4, aes(t, y)) + geom_point()',
  'ggplot(d5, aes(day, y)) + geom_point() + scale_x_date(date_breaks = "1 week")',
  'ggplot(d5, aes(day, y)) + geom_point() + scale_x_date(date_breaks = "10 days")',
  'ggplot(d3, aes(day, y)) + geom_point() + scale_x_date(date_breaks = "1 year", date_labels = "%Y")',
  'ggplot(d5, aes(day, y)) + geom_point()',
  'ggplot(d, aes(day, y)) + geom_point() + scale_x_date("Month", date_breaks = "1 month", date_labels = "%d %b")',
  'ggplot(d6, aes(day, y)) + geom_point()',
  'ggplot(d7, aes(t, y)) + geom_line()',
  'ggplot(d5, aes(day, y)) + geom_point() + scale_x_date(date_labels = "%m/%d")')
eval(parse(text = setup))
labels_of <- function(code) {
  p <- eval(parse(text = code))
  x <- ggplot_build(p)$layout$panel_params[[1]]$x
  breaks <- as.numeric(x$breaks)
  range <- x$continuous_range
  keep <- !is.na(breaks) & breaks >= range[1] & breaks <= range[2]
  x$get_labels()[keep]
}
json <- vapply(plots, function(code) {
  sprintf('  {"code": %s, "labels": [%s]}', encodeString(code, quote = '"'),
          paste(encodeString(labels_of(code), quote = '"'), collapse = ", "))
}, "")
writeLines(c("{", sprintf('"setup": %s,', encodeString(setup, quote = '"')), '"plots": [', paste(json, collapse = ",\n"), "]}"),
           "Tests/MLMLangTests/Conformance/date-axis-expectations.json")
