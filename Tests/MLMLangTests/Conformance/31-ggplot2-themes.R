#### element-constructors
library(ggplot2)
e <- element_text(size = 14, color = "red", angle = 45)
class(e)
str(unclass(e))
l <- element_line(colour = "grey", linewidth = 0.5)
class(l)
names(l)
l$arrow
r <- element_rect(fill = "white", size = 2)
r$linewidth
class(element_blank())
length(element_blank())
class(rel(1.2))

#### theme-objects
library(ggplot2)
t <- theme(legend.position = "none", axis.text.x = element_text(angle = 45))
class(t)
names(t)
attr(t, "complete")
t2 <- t + theme(axis.text.x = element_text(size = 9))
t2$axis.text.x$angle
t2$axis.text.x$size
t3 <- t %+replace% theme(axis.text.x = element_text(size = 9))
is.null(t3$axis.text.x$angle)
t3$legend.position

#### theme-set-returns-old-invisibly
library(ggplot2)
theme_set(theme_bw(base_size = 14))
old <- theme_set(theme_minimal())
is.list(old)
invisible(theme_set(theme_grey()))
