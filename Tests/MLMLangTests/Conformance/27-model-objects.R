#### anova-lmer-comparison-object
library(lme4)
m0 <- lmer(Reaction ~ 1 + (1 | Subject), sleepstudy, REML = FALSE)
m1 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, REML = FALSE)
a <- anova(m0, m1)
class(a)
names(a)
str(a)
signif(a[2, "Pr(>Chisq)"], 4)
a$Df
a
#### anova-lmer-refits-reml
library(lme4)
m0 <- lmer(Reaction ~ 1 + (1 | Subject), sleepstudy)
m1 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
a <- anova(m0, m1)
rownames(a)
attr(a, "heading")
#### anova-lm-single-object
f <- lm(Reaction ~ Days, lme4::sleepstudy)
a <- anova(f)
class(a)
str(a)
a[["Df"]]
a["Days", "F value"]
a
#### anova-lm-comparison-object
f1 <- lm(Reaction ~ 1, lme4::sleepstudy)
f2 <- lm(Reaction ~ Days, lme4::sleepstudy)
a <- anova(f1, f2)
str(a)
a$`Pr(>F)`
#### ranova-object
library(lmerTest)
m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
r <- ranova(m)
class(r)
names(attr(r, "formulae"))
class(attr(r, "formulae")[[1]])
deparse(attr(r, "formulae")[[1]])
attr(r, "formulae") <- NULL
str(r)
r$LRT[2] > 100
r
#### rand-is-ranova
library(lmerTest)
m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
identical(names(rand(m)), names(ranova(m)))
#### anova-pvalues-in-a-loop
library(lme4)
set.seed(42)
p <- numeric(100)
for (i in 1:100) {
  d <- sleepstudy
  d$Reaction <- d$Reaction + rnorm(nrow(d), sd = 20)
  m0 <- lmer(Reaction ~ 1 + (1 | Subject), d, REML = FALSE)
  m1 <- lmer(Reaction ~ Days + (1 | Subject), d, REML = FALSE)
  p[i] <- anova(m0, m1)[2, "Pr(>Chisq)"]
}
length(p)
sum(p < 0.05)
signif(range(p), 3)
#### varcorr-object
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
vc <- VarCorr(fm1)
class(vc)
names(vc)
str(vc)
signif(vc[["Subject"]], 4)
signif(attr(vc[["Subject"]], "stddev"), 4)
signif(attr(vc, "sc"), 4)
vc
as.data.frame(vc)[, 1:3]
#### varcorr-intercepts
library(lme4)
fm2 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
str(VarCorr(fm2))
#### coef-lmer-object
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
cf <- coef(fm1)
class(cf)
names(cf)
round(cf$Subject[1:3, ], 3)
dim(cf$Subject)
#### coef-lmer-slope-without-fixed-effect
library(lme4)
fm <- lmer(Reaction ~ 1 + (Days | Subject), sleepstudy)
names(coef(fm)$Subject)
round(head(coef(fm)$Subject, 2), 3)
#### summary-lm-object
f <- lm(Reaction ~ Days, lme4::sleepstudy)
s <- summary(f)
class(s)
names(s)
s$coefficients[, "Pr(>|t|)"]
s$df
signif(s$r.squared, 5)
s$fstatistic
s$aliased
dim(s$cov.unscaled)
#### summary-lm-missing-and-aliased
d <- data.frame(y = c(1, 3, 2, 5, 4, NA, 7), x = c(1, 2, 3, 4, 5, 6, 7))
d$z <- 2 * d$x
s <- summary(lm(y ~ x + z, d))
names(s)
s$aliased
s$coefficients
s
#### summary-lmer-coefficients
library(lmerTest)
m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
s <- summary(m)
class(s)
colnames(s$coefficients)
signif(s$coefficients[, "Pr(>|t|)"], 3)
#### summary-lmer-object
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
s <- summary(fm1)
names(s)
str(s[c("methTitle", "objClass", "isLmer", "useScale", "family", "link", "ngrps", "fitMsgs")])
class(s$logLik)
signif(as.numeric(s$logLik), 6)
signif(s$sigma, 5)
names(s$devcomp$dims)
s$devcomp$dims[c("n", "p", "nth", "q", "reTrms", "REML")]
signif(s$devcomp$cmp[c("ldL2", "ldRX2", "pwrss", "sigmaREML")], 4)
signif(s$AICtab, 6)
names(s$optinfo)[names(s$optinfo) != "derivs"]
s$optinfo$conv$opt
s$optinfo$message
class(s$varcor)
signif(s$coefficients[, "t value"], 5)
dim(s$vcov)
signif(head(s$residuals, 3), 4)
s
#### summary-lmer-ml-object
library(lme4)
s <- summary(lmer(Reaction ~ Days + (1 | Subject), sleepstudy, REML = FALSE))
s$methTitle
signif(s$AICtab, 6)
s$devcomp$dims[["REML"]]
#### str-classed-vectors
str(structure(1:3, class = "foo"))
str(structure(1:3, class = c("foo", "bar")))
str(structure(c(a = 1.5), class = "foo", extra = "x"))
str(list(a = structure(1:3, class = "foo")))
#### ranef-object
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
re <- ranef(fm1)
str(re)
dim(attr(re$Subject, "postVar"))
signif(attr(re$Subject, "postVar")[1:4], 4)
head(as.data.frame(re), 3)
str(list(d = data.frame(x = 1:3, y = c("a", "b", "c"))))
fm2 <- lmer(Reaction ~ Days + (1 | Subject) + (0 + Days | Subject), sleepstudy)
str(ranef(fm2))
#### ranef-print
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
re <- ranef(fm1)
class(re)
names(re)
round(re$Subject[1:3, ], 3)
head(ranef(fm1, condVar = FALSE)$Subject, 2)
is.null(attr(ranef(fm1, condVar = FALSE)$Subject, "postVar"))
#### graphics-functions-return-their-objects
h <- hist(c(1, 2, 2, 3, 3, 3, 7.5))
class(h)
str(h)
b <- boxplot(c(1, 2, 3, 10, 2.5, NA))
str(b)
d <- data.frame(y = c(1, 2, 3, 40, 5, 6, 7, 8), g = rep(c("a", "b"), each = 4))
b2 <- boxplot(y ~ g, data = d)
str(b2)
q <- qqnorm(c(3, 1, 2))
str(q)
x <- plot(1:3)
is.null(x)
#### confint-tidy-glance-table-objects
library(broom)
f <- lm(Reaction ~ Days, lme4::sleepstudy)
ci <- confint(f)
class(ci)
ci
t <- tidy(f)
class(t)
names(t)
t$p.value
g <- glance(f)
class(g)
names(g)
tab <- table(c("a", "b", "a"), c("x", "y", "y"))
class(tab)
str(tab)
names(dimnames(tab))
tab["a", "y"]
library(broom.mixed)
library(lme4)
m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
tm <- tidy(m)
class(tm)
names(tm)
names(glance(m))
#### lmertest-anova-object
suppressMessages(library(lmerTest))
d <- sleepstudy
d$g <- factor(rep(c("a", "b", "c"), length.out = nrow(d)))
m <- lmer(Reaction ~ Days + g + (1 | Subject), d)
a <- anova(m)
a
str(a)
anova(m, type = 2)
m1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
anova(m1)
signif(anova(m)[["Pr(>F)"]], 4)
#### lmertest-anova-of-two-fits
library(lmerTest)
m0 <- lmer(Reaction ~ 1 + (1 | Subject), sleepstudy, REML = FALSE)
m1 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, REML = FALSE)
a <- anova(m0, m1)
class(a)
a
#### ranova-random-slopes
library(lmerTest)
m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
r <- ranova(m)
r
deparse(attr(r, "formulae")[[1]])
ranova(lmer(Reaction ~ Days + (1 + Days | Subject), sleepstudy))
#### ranova-slope-without-intercept
library(lmerTest)
ranova(lmer(Reaction ~ Days + (0 + Days | Subject), sleepstudy))
#### ranova-two-slopes
library(lmerTest)
d <- sleepstudy
d$x <- rep(1:3, 60)
r <- ranova(lmer(Reaction ~ Days + (Days + x | Subject), d))
r
sapply(attr(r, "formulae"), deparse)
#### ranova-uncorrelated-terms
library(lmerTest)
r <- ranova(lmer(Reaction ~ Days + (Days || Subject), sleepstudy))
r
sapply(attr(r, "formulae"), deparse)
#### lme4-anova-of-one-fit
suppressMessages(library(lme4))
d <- sleepstudy; d$g <- factor(rep(c("a", "b", "c"), length.out = nrow(d)))
m <- lmer(Reaction ~ Days + g + (1 | Subject), d)
a <- anova(m)
a
str(a)
library(lmerTest)
m2 <- lmer(Reaction ~ Days + g + (1 | Subject), d)
anova(m2, ddf = "lme4")
#### ranova-nested-terms
library(lmerTest)
fm1 <- lmer(strength ~ (1 | batch/cask), Pastes)
r <- ranova(fm1)
r
sapply(attr(r, "formulae"), deparse)
m2 <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
ranova(m2)
