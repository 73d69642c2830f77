#### emmeans-and-tidy-of-lme
library(nlme); library(emmeans)
options(digits = 5)
m <- lme(distance ~ age + Sex, data = Orthodont, random = ~ 1 | Subject)
emmeans(m, ~ Sex)
pairs(emmeans(m, ~ Sex))
d <- as.data.frame(Oats)
m2 <- lme(yield ~ Variety * factor(nitro), data = d, random = ~ 1 | Block/Variety)
emmeans(m2, ~ Variety)
emmeans(m2, pairwise ~ nitro | Variety)$emmeans
broom.mixed::tidy(m)
broom.mixed::tidy(lme(distance ~ age, data = Orthodont, random = ~ age | Subject))
