# A 100,000-point scatter plot saved as SVG.
suppressPackageStartupMessages(library(ggplot2))
set.seed(1)
d <- data.frame(x = rnorm(1e5), y = rnorm(1e5))
p <- ggplot(d, aes(x, y)) + geom_point(alpha = 0.1)
out <- tempfile(fileext = ".svg")
t <- system.time(ggsave(out, p, width = 7, height = 5))[["elapsed"]]
cat(sprintf("100,000 points: %.3f s, %.1f MB\n", t, file.size(out) / 2^20), file = stderr())
