#### lmertest-anova-kenward-roger
library(lmerTest)
fm <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
anova(fm, ddf = "Kenward-Roger")
fm2 <- lmer(angle ~ recipe + temperature + (1 | recipe:replicate), cake)
a <- anova(fm2, ddf = "Kenward-Roger")
a
round(a$DenDF, 6)
anova(fm2, ddf = "Kenward-Roger", type = 2)
fm3 <- lmer(angle ~ recipe + temperature + (1 | recipe:replicate), cake, REML = FALSE)
try(anova(fm3, ddf = "Kenward-Roger"))

#### lmertest-summary-kenward-roger
library(lmerTest)
fm <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
summary(fm, ddf = "Kenward-Roger")
coef(summary(fm, ddf = "lme4"))
class(summary(fm, ddf = "lme4"))
pen <- lmer(diameter ~ 1 + (1 | plate) + (1 | sample), Penicillin)
signif(coef(summary(pen, ddf = "Kenward-Roger")), 6)

#### lmertest-kenward-roger-exam
library(lmerTest)
library(mlmRev)
m <- lmer(normexam ~ standLRT + sex + (1 | school), Exam[1:800, ])
anova(m, ddf = "Kenward-Roger")
coef(summary(m, ddf = "Kenward-Roger"))
