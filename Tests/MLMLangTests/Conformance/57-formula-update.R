#### update-formula
deparse(update(y ~ x + offset(w) + z, . ~ . - z))
deparse(update(y ~ offset(w) + x, . ~ . + a))
deparse(update(Reaction ~ Days + (Days | Subject), . ~ . - Days))
deparse(update(y ~ a*b, . ~ . - a:b))
deparse(update(y ~ x, ~ . - 1))
deparse(update(y ~ x, log(.) ~ .:z))
deparse(update(~ x, y ~ .))
deparse(update(y ~ b:a + a + (1|g) + x, . ~ . + c))
deparse(update(y ~ x - 1, . ~ . + z))
deparse(update(y ~ x, . ~ . + 0))
deparse(update(y ~ x + I(x^2), . ~ . - I(x^2)))
deparse(update(y ~ (a + b)^2, . ~ .))
deparse(update(y ~ a/b, . ~ . + c))
deparse(update(y ~ x, . ~ . - x))
class(update(y ~ x, . ~ . + z))
deparse(update(y ~ x, "~ . + w"))

#### formula-methods
deparse(formula("y ~ x + z"))
deparse(formula(y ~ x))
m <- lm(mpg ~ wt + hp, data = mtcars)
deparse(formula(m))
g <- glm(am ~ wt, family = binomial, data = mtcars)
deparse(formula(g))
class(formula(m))
getCall(m)
getCall(g)

#### update-models
m <- lm(mpg ~ wt + hp, data = mtcars)
m2 <- update(m, . ~ . - hp)
coef(m2)
getCall(m2)
coef(update(m, . ~ . + qsec, data = mtcars[mtcars$cyl != 6, ]))
update(m, . ~ . + qsec, evaluate = FALSE)
g <- glm(am ~ wt, family = binomial, data = mtcars)
coef(update(g, . ~ . + hp))
update(g, family = binomial(link = "probit"))$call
round(coef(update(g, family = binomial(link = "probit"))), 5)

#### update-lmer
library(lme4)
fm1 <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)
deparse(formula(fm1))
deparse(formula(fm1, fixed.only = TRUE))
fm0 <- update(fm1, . ~ . - Days)
deparse(formula(fm0))
round(fixef(fm0), 4)
fm2 <- update(fm1, REML = FALSE)
round(deviance(fm2), 4)
getCall(fm2)
fm3 <- update(fm1, . ~ . - (Days | Subject) + (1 | Subject))
deparse(formula(fm3))
anova(fm3, fm1)
gm <- glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), data = cbpp, family = binomial)
gm0 <- update(gm, . ~ . - period)
deparse(formula(gm0))
round(fixef(gm0), 4)

#### call-names-and-environments
names(quote(f(1, 2)))
names(quote(glm(formula = y ~ x, family = binomial, d)))
f <- y ~ x
e <- new.env()
environment(f) <- e
identical(environment(f), e)
g <- function() 1
environment(g) <- e
identical(environment(g), e)
str2lang("a + b * c")
tryCatch(str2lang(c("a", "b")), error = function(e) conditionMessage(e))
deparse(as.formula("y ~ x + z"))
class(as.formula("y ~ x"))
