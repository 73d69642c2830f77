#### lmertest-contest
suppressMessages(library(lmerTest))
fm <- lmer(angle ~ recipe + temperature + (1 | recipe:replicate), cake)
L <- diag(length(fixef(fm)))[2:3, ]
contest(fm, L)
contest(fm, L, joint = FALSE)
contest(fm, L, ddf = "Kenward-Roger")
contestMD(fm, L)
contest1D(fm, c(0, 1, 0, 0, 0, 0, 0, 0))
contest1D(fm, c(0, 1, -1, 0, 0, 0, 0, 0), confint = TRUE)
class(contest(fm, L))
fm0 <- lme4::lmer(angle ~ recipe + (1 | recipe:replicate), cake)
contest1D(fm0, c(0, 1, 0))
