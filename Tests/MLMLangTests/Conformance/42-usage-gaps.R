#### residuals-leverage
fit <- lm(mpg ~ wt, data = mtcars)
head(resid(fit))
head(rstandard(fit))
x <- c(1, 3, 2, 7, 5)
hat(x)
hat(cbind(x, x^2))
hat(cbind(x), intercept = FALSE)
tryCatch(hat(x, intercept = FALSE), error = function(e) conditionMessage(e))
hat(qr(cbind(1, x)))
is.qr(qr(cbind(1, x)))
is.qr(x)

#### gamma-draws
set.seed(1); rgamma(3, shape = 2)
set.seed(2); rgamma(2, shape = 0.5, rate = 2)
set.seed(3); rgamma(2, shape = 3, scale = 2)

#### par-values
op <- par(mfrow = c(1, 2))
op
par("mfrow")
par(op)
par("mfrow")

#### bind-cols-vars
suppressPackageStartupMessages(library(dplyr))
bind_cols(tibble(a = 1:2), tibble(b = c("x", "y")))
bind_cols(data.frame(a = 1:3), data.frame(b = 4:6, c = 7:9))
v <- vars(cyl, am)
length(v)
class(v)
names(vars(a = cyl, gear))

#### ggplot-limits-segments
suppressPackageStartupMessages(library(ggplot2))
class(xlim(0, 10))
xlim(0, 10)$limits
ylim(c(2, 5))$limits
class(geom_segment(aes(x = 1, y = 1, xend = 2, yend = 2)))
class(geom_segment()$geom)
class(geom_ribbon(aes(ymin = 1, ymax = 2))$geom)
p <- ggplot(mtcars, aes(wt, mpg)) + geom_ribbon(aes(ymin = mpg - 1, ymax = mpg + 1), alpha = 0.3) +
  geom_segment(aes(xend = wt + 0.1, yend = mpg)) + xlim(1, 6) + ylim(10, 35)
length(p$layers)
p$labels
