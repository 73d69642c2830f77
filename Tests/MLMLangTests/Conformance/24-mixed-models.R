#### lmer-random-intercept-exam
suppressPackageStartupMessages({ library(lme4); library(mlmRev) })
lmer(normexam ~ 1 + (1 | school), data = Exam)
#### lmer-random-slope-ml
suppressPackageStartupMessages({ library(lme4); library(mlmRev) })
lmer(normexam ~ standLRT + (standLRT | school), data = Exam, REML = FALSE)
#### lmer-interaction-exam
suppressPackageStartupMessages({ library(lme4); library(mlmRev) })
lmer(normexam ~ standLRT * schavg + (1 + standLRT | school), data = Exam)
#### lmer-sleepstudy
suppressPackageStartupMessages(library(lme4))
lmer(Reaction ~ Days + (Days | Subject), data = sleepstudy)
#### lmer-sleepstudy-uncorrelated
suppressPackageStartupMessages(library(lme4))
lmer(Reaction ~ Days + (Days || Subject), data = sleepstudy)
#### lmer-penicillin-crossed
suppressPackageStartupMessages(library(lme4))
lmer(diameter ~ 1 + (1 | plate) + (1 | sample), data = Penicillin)
#### lmer-pastes-nested
suppressPackageStartupMessages(library(lme4))
lmer(strength ~ 1 + (1 | batch/cask), data = Pastes)
#### lmer-dyestuff-fixef
suppressPackageStartupMessages(library(lme4))
m <- lmer(Yield ~ 1 + (1 | Batch), data = Dyestuff)
round(fixef(m), 4)
#### lmer-single-level-error
suppressPackageStartupMessages(library(lme4))
d <- data.frame(y = c(1.2, 2.3, 1.9, 2.8), g = factor(c("a", "a", "a", "a")))
lmer(y ~ 1 + (1 | g), data = d)
#### dataset-after-library
suppressPackageStartupMessages(library(lme4))
head(sleepstudy, 3)
dim(sleepstudy)
levels(sleepstudy$Subject)[1:4]
#### lmer-anova-refit
suppressPackageStartupMessages(library(lme4))
m1 <- lmer(Reaction ~ Days + (1 | Subject), data = sleepstudy)
m2 <- lmer(Reaction ~ Days + (Days | Subject), data = sleepstudy)
anova(m1, m2)
#### lmer-varcorr
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (Days | Subject), data = sleepstudy)
VarCorr(m)
as.data.frame(VarCorr(m))
#### lmer-summary-lme4
suppressPackageStartupMessages(library(lme4))
summary(lmer(Reaction ~ Days + (Days | Subject), sleepstudy))
#### lmer-summary-ml
suppressPackageStartupMessages(library(lme4))
summary(lmer(Yield ~ 1 + (1 | Batch), Dyestuff, REML = FALSE))
#### lmer-summary-lmertest
suppressPackageStartupMessages(library(lmerTest))
summary(lmer(Reaction ~ Days + (1 | Subject), sleepstudy))
#### lmer-summary-lmertest-exam
suppressPackageStartupMessages({ library(lmerTest); library(mlmRev) })
summary(lmer(normexam ~ standLRT * sex + (1 | school), Exam))
#### lmer-rand
suppressPackageStartupMessages(library(lmerTest))
rand(lmer(Yield ~ 1 + (1 | Batch), Dyestuff))
rand(lmer(diameter ~ 1 + (1 | plate) + (1 | sample), Penicillin))
#### lmer-ranef-fitted-predict
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
re <- as.data.frame(ranef(m))
head(re, 3)
re[20:21, ]
levels(re$term)
head(fitted(m), 3)
head(residuals(m), 3)
head(predict(m, re.form = NA), 3)
isSingular(m)
#### lmer-ranef-print
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
r <- ranef(m)
round(r$Subject[1:3, ], 4)
names(r)
#### lmer-singular
suppressPackageStartupMessages(library(lme4))
set.seed(1)
d <- data.frame(g = factor(rep(1:6, each = 5)), y = rnorm(30, mean = 10, sd = 2))
m <- lmer(y ~ 1 + (1 | g), data = d)
isSingular(m)
getME(m, "theta")
#### broom-mixed-tidy
suppressPackageStartupMessages({ library(lme4); library(broom.mixed) })
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
tidy(m)
tidy(m, effects = "fixed")
glance(lmer(Yield ~ 1 + (1 | Batch), Dyestuff, REML = FALSE))
#### broom-mixed-tidy-lmertest
suppressPackageStartupMessages({ library(lmerTest); library(broom.mixed) })
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
tidy(m)
glance(m)
#### lmer-extractors
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
logLik(m)
AIC(m); BIC(m); nobs(m); sigma(m)
m2 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy, REML = FALSE)
deviance(m2)
logLik(m2)
deviance(m)
#### lmer-rank-deficient
suppressPackageStartupMessages(library(lme4))
d <- sleepstudy
d$Days2 <- d$Days * 2
m <- lmer(Reaction ~ Days + Days2 + (1 | Subject), d)
fixef(m)
#### lmer-all-na-response
suppressPackageStartupMessages(library(lme4))
d <- sleepstudy
d$y <- NA_real_
lmer(y ~ Days + (1 | Subject), d)
#### lmer-singular-print-summary
suppressPackageStartupMessages(library(lme4))
d <- transform(Dyestuff, Yield = c(7.298, 3.846, 2.434, 9.566, 7.99, 5.22, 6.556, 0.608, 11.788, -0.892, 0.11, 10.386, 13.434, 5.51, 8.166, 2.212, 4.852, 7.092, 9.288, 4.98, 0.282, 9.014, 4.458, 9.446, 7.198, 1.722, 4.782, 8.106, 0.758, 3.758))
m <- lmer(Yield ~ 1 + (1 | Batch), data = d)
m
summary(m)
#### lmer-maxeval-print
suppressPackageStartupMessages(library(lme4))
m <- suppressWarnings(lmer(Reaction ~ Days + (Days | Subject), sleepstudy, control = lmerControl(optCtrl = list(maxeval = 10))))
m
#### lmer-maxeval-no-derivs-summary
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy, control = lmerControl(calc.derivs = FALSE, optCtrl = list(maxeval = 10)))
summary(m)
#### lmer-long-data-call
suppressPackageStartupMessages(library(lme4))
lmer(Yield ~ 1 + (1 | Batch), data = transform(Dyestuff, Yield = Yield + c(7.298, 3.846, 2.434, 9.566, 7.99, 5.22, 6.556, 0.608, 11.788, -0.892, 0.11, 10.386, 13.434, 5.51, 8.166, 2.212, 4.852, 7.092, 9.288, 4.98, 0.282, 9.014, 4.458, 9.446, 7.198, 1.722, 4.782, 8.106, 0.758, 3.758)))
#### lmer-rank-deficient-print
suppressPackageStartupMessages(library(lme4))
d <- sleepstudy
d$Days2 <- d$Days * 2
lmer(Reaction ~ Days + Days2 + (1 | Subject), d)
#### lmer-predict-newdata
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
nd <- data.frame(Days = c(1, 2, 5), Subject = c("308", "999", "372"))
predict(m, nd, allow.new.levels = TRUE)
predict(m, nd, re.form = NA)
predict(m, nd, re.form = ~0, allow.new.levels = TRUE)
predict(m, data.frame(Days = c(1, NA), Subject = c("308", "308")))
all.equal(unname(predict(m, sleepstudy)), unname(fitted(m)))
m2 <- lmer(Reaction ~ Days + (Days || Subject), sleepstudy)
predict(m2, data.frame(Days = 0:3, Subject = "309"))
p2 <- lmer(diameter ~ 1 + (1 | plate) + (1 | sample), Penicillin)
predict(p2, data.frame(plate = c("a", "b"), sample = c("F", "A")))
nested <- lmer(strength ~ 1 + (1 | batch/cask), Pastes)
predict(nested, data.frame(batch = c("A", "J"), cask = c("a", "c")))
set.seed(2)
d <- data.frame(g = factor(rep(letters[1:4], each = 10)), f = factor(rep(c("u", "v"), 20)))
d$y <- rnorm(40) + rep(1:4, each = 10) + (d$f == "v")
m3 <- lmer(y ~ f + (1 | g), d)
predict(m3, data.frame(f = c("v", "u"), g = c("a", "d")))
#### lmer-predict-missing-group-error
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
predict(m, data.frame(Days = 1, Subject = NA), allow.new.levels = TRUE)
#### lmer-predict-new-level-error
suppressPackageStartupMessages(library(lme4))
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
predict(m, data.frame(Days = 1, Subject = c("308", "999", "998")))
