# 2,000 jittered points with two lm smooths (the popularity lesson's scatter plot), saved as SVG.
suppressPackageStartupMessages(library(ggplot2))
set.seed(1)
d <- data.frame(TEXP = rep(1:25, length.out = 2000), SEX = factor(rep(0:1, 1000)))
d$POPULAR <- round(3 + 0.1 * d$TEXP + 0.8 * (d$SEX == "1") + rnorm(2000))
p <- ggplot(d, aes(x = TEXP, y = POPULAR, color = SEX)) +
  geom_point(position = position_jitter(), alpha = 0.3) +
  stat_smooth(method = "lm", formula = y ~ x)
out <- tempfile(fileext = ".svg")
t <- system.time(ggsave(out, p, width = 7, height = 5))[["elapsed"]]
cat(sprintf("2,000 points and two smooths: %.3f s, %.0f kB\n", t, file.size(out) / 1024), file = stderr())
