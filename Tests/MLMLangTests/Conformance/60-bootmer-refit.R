#### bootmer-sleepstudy
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
set.seed(1)
bb <- bootMer(fm1, fixef, nsim = 20)
class(bb)
round(bb$t, 5)
bb$t0
bb$R

#### bootmer-print
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
set.seed(1)
bootMer(fm1, fixef, nsim = 20)

#### bootmer-sigma
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
b2 <- bootMer(fm1, function(m) c(sigma = sigma(m), fixef(m)[2]), nsim = 5, seed = 101)
round(b2$t, 5)

#### refit-lmer
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
set.seed(2)
y <- simulate(fm1)
r <- refit(fm1, y)
round(fixef(r), 5)
r2 <- refit(fm1, y[[1]])
round(fixef(r2), 5)
round(fixef(refit(fm1)), 5)
tryCatch(refit(fm1, 1:10), error = function(e) conditionMessage(e))

#### refit-variance
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
set.seed(2)
r <- refit(fm1, simulate(fm1))
round(getME(r, "theta"), 5)
round(sigma(r), 5)

#### match-call-after-assignment
f <- function(x, n = 1) { n <- n + 1; match.call() }
f(3, n = 5)
f(3)

#### confint-bootmer
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
set.seed(1)
bb <- bootMer(fm1, fixef, nsim = 50)
confint(bb)
confint(bb, type = "norm")
confint(bb, type = "basic", level = 0.9)
ci <- boot::boot.ci(bb, index = 2, type = "perc")
ci$percent

#### confint-boot-method
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
set.seed(1)
confint(fm1, method = "boot", nsim = 50)
