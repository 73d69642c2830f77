# Filling a vector element by element in a loop, as simulation code does: x[i] <- v, 1e5 times.
n <- 1e5
x <- numeric(n)
for (i in 1:n) x[i] <- i / 2
print(sum(x))
