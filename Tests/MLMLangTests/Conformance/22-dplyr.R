#### pipe-basic
suppressPackageStartupMessages(library(dplyr))
c(1, 4, 9) %>% sqrt()
c(1, 4, 9) %>% sqrt
c(3, 1, 2) %>% sort(decreasing = TRUE)
#### pipe-dot-placeholder
suppressPackageStartupMessages(library(dplyr))
10 %>% seq(1, .)
"b" %>% paste("a", ., "c")
4 %>% { . * 2 + 1 }
d <- data.frame(x = 1:3, y = c(2, 4, 6))
fit <- function(formula, data) nrow(data)
d %>% fit(y ~ x, data = .)
#### pipe-chain
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "c", "b", "a"), x = c(3.5, 1, 2.25, 10, -4, 0.5))
df %>% filter(x > 0) %>% mutate(y = x * 2) %>% arrange(desc(y))
#### mutate-new-and-replaced
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = c(1, 2, 3), y = c(10, 20, 30))
mutate(df, z = x + y, x = x * 100, w = z / 2)
#### mutate-data-mask-env
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:4)
k <- 10
mutate(df, y = x * k, x = NULL)
#### mutate-constant-and-n
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = c(5, 3, 8))
mutate(df, one = 1, rows = n(), label = "z", rank = rank(x))
#### mutate-data-frame
suppressPackageStartupMessages(library(dplyr))
df <- data.frame(g = c("a", "a", "b"), x = 1:3)
df %>% mutate(y = x * 2)
#### mutate-grouped
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "c", "b", "a"), x = c(3.5, 1, 2.25, 10, -4, 0.5))
df %>% group_by(g) %>% mutate(m = x - mean(x), k = n())
#### mutate-wrong-size
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = 1:3)
mutate(df, y = 1:2)
#### mutate-grouped-wrong-size
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = 1:3)
df %>% group_by(g) %>% mutate(y = 1:2)
#### mutate-missing-object
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
df %>% mutate(y = nope)
#### mutate-error-in-function
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
f <- function(v) stop("bad value")
mutate(df, y = f(x))
#### transmute-basic
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = c(1, 2, 3), y = c(10, 20, 30))
transmute(df, s = x + y, x)
df %>% group_by(x) %>% transmute(d = y / 10)
#### select-names-ranges
suppressPackageStartupMessages(library(dplyr))
df <- tibble(id = 1:2, a1 = c(1.5, 2), a2 = c("p", "q"), b = c(TRUE, FALSE), score = c(9, 8))
select(df, id, score)
select(df, a1:b)
select(df, -b, -id)
select(df, -(a1:b))
select(df, 2, 5)
#### select-helpers
suppressPackageStartupMessages(library(dplyr))
df <- tibble(id = 1:2, a1 = c(1.5, 2), a2 = c("p", "q"), b_end = c(TRUE, FALSE), score = c(9, 8))
select(df, starts_with("a"))
select(df, ends_with("end"), id)
select(df, contains("co"))
select(df, score, everything())
select(df, where(is.numeric))
select(df, all_of(c("b_end", "id")))
select(df, last_col())
#### select-rename
suppressPackageStartupMessages(library(dplyr))
df <- tibble(id = 1:2, value = c(3.5, 4))
select(df, key = id, value)
#### select-missing-column
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
select(df, nope)
#### select-grouped-adds-keys
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b"), x = 1:2, y = c(0.5, 1.5))
df %>% group_by(g) %>% select(y)
#### filter-conditions
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "c", "b", "a"), x = c(3.5, 1, 2.25, 10, -4, 0.5))
filter(df, x > 1, g != "c")
filter(df, x > 1 & g == "a" | x < 0)
filter(df, g %in% c("b", "c"))
#### filter-na-and-grouped
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b", "b"), x = c(1, NA, 5, 2))
filter(df, x > 1)
df %>% group_by(g) %>% filter(x == max(x, na.rm = TRUE))
#### filter-data-frame-rows
suppressPackageStartupMessages(library(dplyr))
df <- data.frame(g = c("a", "a", "b"), x = 1:3)
df %>% filter(x > 1)
#### filter-errors
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
filter(df, x)
#### filter-missing-object
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
filter(df, nope > 1)
#### arrange-keys
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("b", "A", "a", "B", NA), x = c(2, 5, 1, 2, 3))
arrange(df, g)
arrange(df, desc(g))
arrange(df, x, desc(g))
arrange(df, -x)
#### arrange-data-frame
suppressPackageStartupMessages(library(dplyr))
df <- data.frame(g = c("a", "a", "b"), x = 1:3)
df %>% arrange(desc(x))
#### arrange-missing
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
arrange(df, nope)
#### group-by-print
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "c", "b", "a"), h = c(1L, 1L, 2L, 2L, 1L, 1L), x = c(3.5, 1, 2.25, 10, -4, 0.5))
df %>% group_by(g)
df %>% group_by(g, h)
#### group-by-accessors
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = 1:3)
gd <- group_by(df, g)
group_vars(gd)
n_groups(gd)
class(gd)
group_keys(gd)
ungroup(gd)
class(ungroup(gd))
#### group-by-missing-column
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
group_by(df, nope)
#### group-by-computed
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = c(1, 5, 2, 8))
df %>% group_by(big = x > 3) %>% summarise(total = sum(x))
#### summarise-basic
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "c", "b", "a"), x = c(3.5, 1, 2.25, 10, -4, 0.5))
df %>% group_by(g) %>% summarise(m = mean(x), n = n())
summarise(df, total = sum(x), biggest = max(x))
df %>% summarize(avg = mean(x))
#### summarise-two-groups-message
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "c", "b", "a"), h = c(1L, 1L, 2L, 2L, 1L, 1L), x = c(3.5, 1, 2.25, 10, -4, 0.5))
df %>% group_by(g, h) %>% summarise(m = mean(x))
#### summarise-message-wrapping
suppressPackageStartupMessages(library(dplyr))
df <- tibble(aa = c(1, 1, 2), bb = c("p", "q", "p"), x = 1:3)
df %>% group_by(aa, bb, x) %>% summarise(s = sum(x))
df %>% group_by(a_long_variable_name = aa, another_long_name = bb) %>% summarise(s = sum(x))
#### summarise-groups-option
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = 1:3)
df %>% group_by(g) %>% summarise(m = mean(x), .groups = "keep")
df %>% group_by(g, x) %>% summarise(n = n(), .groups = "drop_last")
df %>% group_by(g, x) %>% summarise(n = n(), .groups = "drop")
#### summarise-later-sees-earlier
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = c(2, 4, 9))
df %>% group_by(g) %>% summarise(m = mean(x), twice = m * 2)
#### summarise-data-frame
suppressPackageStartupMessages(library(dplyr))
df <- data.frame(g = c("a", "a", "b"), x = 1:3)
df %>% group_by(g) %>% summarise(s = sum(x))
df %>% summarise(s = sum(x))
#### summarise-multiple-rows
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = 1:3)
summarise(df, r = range(x))
#### summarise-error
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 1:3)
summarise(df, m = nope)
#### count-basic
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("b", "a", "b", "c", "b", "a"), h = c(1, 1, 2, 2, 1, 1))
df %>% count(g)
df %>% count(g, sort = TRUE)
df %>% count(g, h, name = "k")
df %>% count()
#### count-weights-and-groups
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = 1:3)
df %>% count(g, wt = x)
df %>% group_by(g) %>% count()
df %>% group_by(g) %>% tally()
data.frame(g = c("a", "a", "b")) %>% count(g)
#### do-data-frame-results
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b", "b", "b"), x = c(1, 2, 3, 4, 6), y = c(2, 4, 5, 9, 12))
by_g <- group_by(df, g)
do(by_g, data.frame(m = mean(.$x), k = nrow(.)))
do(by_g, head(., 1))
do(df, data.frame(s = sum(.$y)))
#### do-model-summaries
suppressPackageStartupMessages(library(dplyr))
df <- tibble(school = rep(c("s1", "s2", "s3"), each = 4), x = rep(1:4, 3),
             y = c(2.1, 3.9, 6.2, 7.8, 1, 1.4, 2.1, 2.4, 5, 4.1, 3.2, 1.9))
slope <- function(d) sum((d$x - mean(d$x)) * (d$y - mean(d$y))) / sum((d$x - mean(d$x))^2)
df %>% group_by(school) %>% do(data.frame(slope = slope(.), n = nrow(.)))
#### rename-pull
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b"), x = c(1.5, 2.5))
rename(df, group = g)
pull(df, x)
pull(df, 1)
pull(df)
df %>% pull(g)
#### distinct-n-distinct
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "a"), h = c(1, 1, 1, 2))
distinct(df)
distinct(df, g)
distinct(df, g, .keep_all = TRUE)
n_distinct(df$g)
n_distinct(c(1, NA, 1, 3))
df %>% summarise(k = n_distinct(g))
#### join-left-inner
suppressPackageStartupMessages(library(dplyr))
x <- tibble(id = c(1, 2, 3, 2), v = c("a", "b", "c", "d"))
y <- tibble(id = c(2, 3, 4, 3), w = c(TRUE, FALSE, TRUE, NA))
left_join(x, y, by = "id")
inner_join(x, y, by = "id")
#### join-natural-message
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "c"), x = 1:3)
df %>% left_join(tibble(g = c("a", "b"), label = c("A", "B")))
a <- data.frame(k1 = c(1, 1, 2), k2 = c("x", "y", "x"), z = 1:3)
b <- data.frame(k1 = c(1, 2), k2 = c("y", "x"), q = c(10, 20))
left_join(a, b)
#### join-suffix-and-by-names
suppressPackageStartupMessages(library(dplyr))
x <- tibble(id = c(1, 2), v = c("a", "b"))
y <- tibble(key = c(2, 1), v = c("p", "q"))
left_join(x, y, by = c("id" = "key"))
left_join(x, y, by = c("id" = "key"), suffix = c("_l", "_r"))
#### join-right-full-semi-anti
suppressPackageStartupMessages(library(dplyr))
x <- tibble(id = c(1, 2, 3), v = c("a", "b", "c"))
y <- tibble(id = c(2, 4), w = c(TRUE, FALSE))
right_join(x, y, by = "id")
full_join(x, y, by = "id")
semi_join(x, y, by = "id")
anti_join(x, y, by = "id")
#### join-no-common
suppressPackageStartupMessages(library(dplyr))
left_join(tibble(a = 1), tibble(c = 3))
#### bind-rows
suppressPackageStartupMessages(library(dplyr))
a <- data.frame(x = 1:2, y = c("a", "b"))
b <- data.frame(x = 3L, z = TRUE)
bind_rows(a, b)
bind_rows(list(a, b))
bind_rows(a = a, b = b, .id = "src")
bind_rows(tibble(x = 1), data.frame(x = 2))
#### n-outside-verbs
suppressPackageStartupMessages(library(dplyr))
n()
#### desc-values
suppressPackageStartupMessages(library(dplyr))
desc(c(3, 1, 2))
desc(c("b", "a", "c"))
#### verbs-on-non-data
suppressPackageStartupMessages(library(dplyr))
mutate(1:3, y = 2)
#### slice-variants
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "a"), h = c(1, 1, 1, 2), x = 4:1)
slice(df, 2:3)
slice(df, -1)
df %>% group_by(g) %>% slice(1)
slice_head(df, n = 2)
slice_tail(df, n = 1)
slice_max(df, x, n = 2)
slice_min(df, h)
#### relocate-columns
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b"), h = c(1, 1), x = 4:3)
relocate(df, x)
relocate(df, g, .after = x)
#### window-helpers
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "a"), h = c(1, 1, 1, 2), x = 4:1)
df %>% mutate(r = row_number())
df %>% group_by(g) %>% mutate(r = row_number(), lagx = lag(x), leadx = lead(x), f = first(x), l = last(x))
#### conditional-helpers
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = 4:1)
df %>% mutate(z = if_else(x > 2, "hi", "lo"), w = case_when(x == 4 ~ "four", x > 1 ~ "mid", TRUE ~ "low"))
between(c(1, 5, 10), 2, 8)
#### count-then-proportion
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "a"))
df %>% count(g) %>% mutate(p = n / sum(n))
#### data-pronoun
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = c(1, 2, 3))
x <- 100
mutate(df, y = .data$x + x)
#### grouped-filter-arrange-keep-groups
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "c", "b", "a"), x = c(3.5, 1, 2.25, 10, -4, 0.5))
gf <- df %>% group_by(g) %>% filter(x > 0)
gf
n_groups(gf)
df %>% group_by(g) %>% arrange(x, .by_group = TRUE)
#### do-named-rowwise
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "a", "b"), x = c(1, 2, 3))
r <- do(group_by(df, g), vals = .$x, m = mean(.$x))
r
class(r)
#### group-by-factor-levels
suppressPackageStartupMessages(library(dplyr))
df <- tibble(size = factor(c("small", "large", "medium", "small"), levels = c("small", "medium", "large")), v = 1:4)
df %>% group_by(size) %>% summarise(total = sum(v))
#### group-by-na-key
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("b", NA, "a", "b"), v = c(1, 2, 3, 4))
df %>% group_by(g) %>% summarise(s = sum(v), n = n())
#### mutate-unnamed-and-summarise-unnamed
suppressPackageStartupMessages(library(dplyr))
df <- tibble(x = c(1, 2, 3))
mutate(df, x * 2)
summarise(df, mean(x), max(x))
#### wrapper-function-dots
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a"), x = c(1, 2, 3))
my_summary <- function(data, ...) data %>% group_by(...) %>% summarise(total = sum(x))
my_summary(df, g)
add_col <- function(data, ...) mutate(data, ...)
add_col(df, y = x + 1)
#### select-pipeline-rename-pull
suppressPackageStartupMessages(library(dplyr))
df <- tibble(school = c("s1", "s2", "s1"), pupil = 1:3, score = c(7.5, 6, 8.25))
df %>% select(school, score) %>% rename(mark = score) %>% filter(mark > 7) %>% pull(mark)
#### across-mutate-summarise
suppressPackageStartupMessages(library(dplyr))
df <- tibble(g = c("a", "b", "a", "a"), h = c(1, 1.5, 1, 2), x = 4:1)
df %>% mutate(across(c(h, x), ~ .x * 10))
df %>% summarise(across(c(h, x), mean))
df %>% group_by(g) %>% summarise(across(everything(), max))
df %>% summarise(across(where(is.numeric), list(mean = mean, sd = sd)))
df %>% mutate(across(h:x, round, digits = 0))
df %>% group_by(g) %>% mutate(across(x, ~ .x - mean(.x)))
df %>% summarise(across(c(h, x), mean, .names = "mean_{.col}"))
df %>% summarise(n = n(), across(h, sum))
#### do-glance-lm-by-group
suppressPackageStartupMessages(library(dplyr))
library(broom)
set.seed(2)
df <- tibble(SCHOOL = factor(rep(1:3, each = 10)), x = rnorm(30), y = rnorm(30))
by_school <- group_by(df, SCHOOL)
do(by_school, glance(lm(y ~ x, data = .)))
