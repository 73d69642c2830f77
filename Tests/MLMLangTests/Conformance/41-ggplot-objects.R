#### aes-mappings
suppressPackageStartupMessages(library(ggplot2))
m <- aes(x = wt, y = mpg, colour = factor(cyl))
m
class(m)
names(m)
aes(wt, mpg)
aes(color = am)
m2 <- suppressWarnings(aes_string(x = "wt", y = "log(mpg)"))
class(m2)
m2

#### ggplot-labels
suppressPackageStartupMessages(library(ggplot2))
p <- ggplot(mtcars, aes(wt, mpg))
class(p)
p$labels
p2 <- p + geom_point(aes(colour = factor(cyl))) + geom_smooth(method = "lm") + labs(x = "Weight", title = "T")
p2$labels
length(p2$layers)
(p + xlab("w") + ylab("m") + ggtitle("Cars"))$labels
(ggplot(mtcars, aes(hp, mpg, colour = factor(am))) + geom_line(aes(colour = factor(gear))))$labels
class(labs(x = "a"))
labs(x = "a", y = "b")
xlab("w")
ylab("v")
ggtitle("T")

#### ggplot-layer-classes
suppressPackageStartupMessages(library(ggplot2))
layers <- list(geom_point(), geom_line(), geom_path(), geom_smooth(), stat_smooth(), geom_abline(intercept = 1, slope = 2),
               geom_vline(xintercept = 1), geom_jitter(), geom_col(), geom_errorbar(), geom_pointrange(),
               geom_histogram(bins = 10), geom_density(), stat_qq(), stat_qq_line())
for (l in layers) print(class(l))
for (l in layers) print(class(l$geom))

#### ggplot-other-classes
suppressPackageStartupMessages(library(ggplot2))
class(facet_wrap(~cyl))
class(theme_classic())
attr(theme_classic(), "complete")
class(scale_x_continuous())
class(scale_y_continuous(limits = c(0, 10)))
class(coord_fixed())
class(coord_cartesian(xlim = c(0, 1)))
class(position_dodge(0.5))
class(scale_color_manual(values = c("red", "blue")))
p <- ggplot(mtcars, aes(wt, mpg)) + geom_point() + facet_wrap(~cyl) + theme_classic() + coord_fixed() +
  scale_x_continuous(name = "Weight") + scale_color_manual(values = c("red", "blue", "green"))
class(p)
length(p$layers)
p$labels
