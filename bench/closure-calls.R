# Half a million calls of a small closure with a default argument.
f <- function(a, b = 2) a + b
total <- 0
for (i in 1:500000) total <- f(total, i)
print(total)
