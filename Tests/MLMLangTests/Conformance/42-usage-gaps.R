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

#### ggplot-summaries-palettes
suppressPackageStartupMessages(library(ggplot2))
s <- stat_summary(geom = "point", size = 3)
class(s)
class(s$geom)
class(stat_summary()$geom)
class(stat_summary(fun = mean, geom = "line")$geom)
mean_se(c(1, 2, 3, 4))
mean_se(c(2, NA, 5), mult = 2)
class(scale_colour_viridis_d())
class(scale_color_viridis_d())
class(scale_fill_viridis_d())
class(scale_color_brewer(palette = "Dark2"))
class(scale_fill_brewer())

#### tidyr-nest-complete
suppressPackageStartupMessages({library(tidyr); library(dplyr); library(purrr)})
df <- tibble(g = c("b", "a", "b", "a", "c"), x = 1:5, y = c(2, 4, 6, 8, 10))
n <- nest(df, data = c(x, y))
n
n$data[[1]]
class(n)
gn <- df %>% group_by(g) %>% nest()
gn
class(gn)
unnest(n, data)
unnest(n, cols = c(data))
df %>% group_by(g) %>% nest(data = c(x, y)) %>% mutate(n = map_int(data, nrow)) %>% ungroup()
fits <- df %>% nest(data = c(x, y)) %>% mutate(m = map(data, ~ colMeans(.x)))
unnest(tibble(k = 1:2, v = list(1:2, 3L)), v)
df2 <- tibble(s = c(1, 1, 2), term = c("a", "b", "a"), est = c(0.5, 1.5, 2))
complete(df2, s, term)
complete(df2, s, term, fill = list(est = 0))
complete(tibble(f = factor("a", levels = c("a", "b")), v = 1), f)

#### call-parts-frame-sums
g <- function(...) as.list(substitute(list(...)))
g(a = x + 1, b)
as.list(quote(f(1, y = 2)))
as.character(quote(x))
as.character(quote(f(x, 2)))
colMeans(data.frame(a = 1:4, b = c(2, 4, 6, 8)))
rowSums(data.frame(a = 1:2, b = 3:4, row.names = c("r1", "r2")))
tryCatch(colSums(data.frame(a = 1, b = "x")), error = function(e) conditionMessage(e))

#### qq-and-ab-lines
x <- c(1.2, 3.4, 2.2, 5.1, 4.0)
q <- qqnorm(x)
str(q)
r <- qqline(x)
is.null(r)
a <- abline(h = 0)
is.null(a)
b <- abline(a = 1, b = 0.5, col = "red")
is.null(b)
