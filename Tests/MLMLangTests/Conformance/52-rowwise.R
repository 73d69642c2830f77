#### rowwise
suppressPackageStartupMessages(library(dplyr))
df <- tibble(id = 1:3, a = c(1, 5, 3), b = c(4, 2, 6))
r <- rowwise(df)
r
class(r)
attributes(group_data(r))$names
r %>% mutate(m = max(a, b), s = sum(c(a, b)))
df %>% rowwise(id) %>% mutate(total = sum(c(a, b)))
df %>% rowwise(id) %>% summarise(m = mean(c(a, b)))
df %>% rowwise() %>% summarise(m = mean(c(a, b)))
df %>% rowwise() %>% mutate(m = min(a, b)) %>% ungroup()
l <- tibble(g = c("x", "y"), v = list(1:3, 4:10)) %>% rowwise() %>% mutate(n = length(v), mx = max(v))
l
group_vars(rowwise(df, id))
df %>% rowwise() %>% filter(a > b)
