#### lmlist-sleepstudy
library(lme4)
fl <- lmList(Reaction ~ Days | Subject, sleepstudy)
fl
cf <- coef(fl)
class(cf)
head(cf, 3)
names(fl)[1:3]
class(fl[[1]])
sigma(fl)
round(fixef(fl), 6)

#### lmlist-factor-predictor
library(lme4)
fl <- lmList(breaks ~ tension | wool, warpbreaks)
fl
coef(fl)
