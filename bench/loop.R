# A closure looping 1e6 times over scalar arithmetic.
f <- function(n) {
  total <- 0
  for (i in 1:n) {
    total <- total + i * 2 - 1
  }
  total
}
print(f(1e6))
