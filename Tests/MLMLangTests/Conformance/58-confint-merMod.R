#### confint-lmer-profile-sleepstudy
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
confint(fm1)
confint(fm1, oldNames = FALSE)
confint(fm1, level = 0.9, parm = c(".sig01", "Days"))
confint(fm1, parm = "beta_")

#### confint-lmer-wald
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
confint(fm1, method = "Wald")
confint(fm1, method = "Wald", level = 0.9, oldNames = FALSE)

#### confint-lmer-profile-intercepts
library(lme4)
fm2 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, REML = FALSE)
confint(fm2)
fm3 <- lmer(diameter ~ 1 + (1 | plate) + (1 | sample), Penicillin)
confint(fm3, oldNames = FALSE)

#### confint-lmer-profile-nested
library(lme4)
fm4 <- lmer(strength ~ 1 + (1 | batch/cask), Pastes)
confint(fm4)

#### profile-object
library(lme4)
fm2 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, REML = FALSE)
pr <- profile(fm2)
class(pr)
dim(pr)
levels(pr$.par)
head(pr, 3)
confint(pr)
