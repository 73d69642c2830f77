#### grid-units-arrows
suppressPackageStartupMessages(library(ggplot2))
u <- unit(2, "lines")
attributes(u)
u
unit(c(1, 2.5), "cm")
unit(1, "mm")
unit(0.3, "inch")
as.numeric(unit(3, "npc"))
a <- arrow(length = unit(.02, "npc"))
class(a)
unclass(a)
unclass(arrow(ends = "both", type = "closed"))

#### discrete-scales-themes
suppressPackageStartupMessages(library(ggplot2))
class(scale_x_discrete())
class(scale_y_discrete("Group"))
class(scale_shape("Group", labels = c("Control", "A", "B")))
class(stat_density())
class(stat_density()$geom)
class(theme_light())
attr(theme_light(), "complete")
p <- ggplot(mtcars, aes(factor(cyl), mpg, shape = factor(am))) + geom_point() +
  scale_shape("Transmission", labels = c("auto", "manual")) + scale_x_discrete("Cylinders") + theme_light()
p$labels
length(p$layers)

#### facet-grid
suppressPackageStartupMessages(library(ggplot2))
class(facet_grid(. ~ cyl))
class(facet_grid(am ~ cyl))
class(facet_grid(rows = vars(am)))
p <- ggplot(mtcars, aes(wt, mpg)) + geom_point() + facet_grid(am ~ cyl) + facet_wrap(~gear)
length(p$layers)
p$labels

#### violin-layers
suppressPackageStartupMessages(library(ggplot2))
v <- geom_violin(fill = "grey80")
class(v)
class(v$geom)
p <- ggplot(mtcars, aes(factor(cyl), mpg)) + geom_violin() + geom_jitter(width = 0.1)
length(p$layers)
p$labels
