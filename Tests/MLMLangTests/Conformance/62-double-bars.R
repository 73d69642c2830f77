#### lmer-double-bars
library(lme4)
fm <- lmer(Reaction ~ Days + (Days || Subject), sleepstudy)
deparse(formula(fm))
fm
fm0 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
anova(fm0, fm)
getCall(fm)
VarCorr(fm)
fm2 <- lmer(Reaction ~ Days + (1 + Days || Subject), sleepstudy)
deparse(formula(fm2))
fm3 <- lmer(Reaction ~ Days + (0 + Days || Subject) + (1 | Subject), sleepstudy)
deparse(formula(fm3))
summary(fm)$varcor

#### glmer-double-bars
library(lme4)
gm <- glmer(cbind(incidence, size - incidence) ~ period + (1 + as.numeric(period) || herd), data = cbpp, family = binomial)
deparse(formula(gm))
getCall(gm)

#### lmertest-double-bars
suppressMessages(library(lmerTest))
fm <- lmer(Reaction ~ Days + (Days || Subject), sleepstudy)
deparse(formula(fm))
getCall(fm)
fm0 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
anova(fm0, fm)
