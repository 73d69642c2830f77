#### magrittr-assignment-pipe
library(magrittr)
x <- c(4, 9)
x %<>% sqrt
x
d <- data.frame(a = 1:3)
d$a %<>% rev
d
y <- 1:3
(y %<>% sum(10))
