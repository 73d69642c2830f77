#### pivot-longer
library(tidyr)
d <- data.frame(id = 1:3, g = c("a", "b", "a"), x1 = c(1.5, 2, 3), x2 = c(4L, 5L, NA))
pivot_longer(d, cols = c(x1, x2))
pivot_longer(d, starts_with("x"), names_to = "var", values_to = "score", names_prefix = "x")
pivot_longer(d, c("x1", "x2"), values_drop_na = TRUE)
w <- data.frame(id = 1:2, a_1 = 1:2, a_2 = 3:4, b_1 = 5:6)
pivot_longer(w, -id, names_to = c("what", "time"), names_sep = "_")
pivot_longer(w, -id, names_to = c("what", "time"), names_pattern = "(.)_(.)")
class(pivot_longer(d, c(x1, x2)))
tryCatch(pivot_longer(d, c()), error = function(e) conditionMessage(e))

#### pivot-wider
library(tidyr)
d <- data.frame(id = 1:3, g = c("a", "b", "a"), x1 = c(1.5, 2, 3), x2 = c(4L, 5L, NA))
l <- pivot_longer(d, c(x1, x2))
pivot_wider(l, names_from = name, values_from = value)
pivot_wider(l, id_cols = id, names_from = name, values_from = value, names_prefix = "v_")
pivot_wider(l[-2, ], names_from = name, values_from = value, values_fill = 0)
s <- data.frame(subj = rep(1:2, each = 3), cond = rep(c("c", "a", "b"), 2), rt = c(5, 3, 4, 6, 2, 1))
pivot_wider(s, names_from = cond, values_from = rt)
pivot_wider(s, names_from = cond, values_from = rt, names_sort = TRUE)

#### gather
library(tidyr)
d <- data.frame(id = 1:3, g = c("a", "b", "a"), x1 = c(1.5, 2, 3), x2 = c(4L, 5L, NA))
gather(d, key = "var", value = "val", x1, x2)
gather(d, var, val, -id, -g)
gather(d, "var", "val", x1:x2, na.rm = TRUE)
str(gather(d, var, val, x1, x2, factor_key = TRUE))

#### spread
library(tidyr)
d <- data.frame(id = 1:3, g = c("a", "b", "a"), x1 = c(1.5, 2, 3), x2 = c(4L, 5L, NA))
g <- gather(d, var, val, x1, x2)
spread(g, var, val)
s <- data.frame(subj = rep(1:2, each = 3), cond = rep(c("c", "a", "b"), 2), rt = c(5, 3, 4, 6, 2, 1))
spread(s, cond, rt)
spread(s, cond, rt, sep = "_")
