#### car-anova-lmer
library(lme4)
library(car)
fm <- lmer(angle ~ recipe * temperature + (1 | recipe:replicate), cake)
Anova(fm)
Anova(fm, type = 3)
Anova(fm, test.statistic = "F")
a <- Anova(fm, type = "III", test.statistic = "F")
a
class(a)
names(a)
ss <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
Anova(ss, type = 3)

#### car-anova-lm
library(car)
m <- lm(breaks ~ wool * tension, warpbreaks)
Anova(m)
Anova(m, type = 3)
Anova(lm(mpg ~ wt + factor(cyl), mtcars))
a <- Anova(m)
round(a[["Sum Sq"]], 6)

#### car-anova-exam
library(lme4)
library(mlmRev)
library(car)
m <- lmer(normexam ~ standLRT * sex + type + (1 | school), Exam)
Anova(m)
Anova(m, type = 3)
