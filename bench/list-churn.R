# Lists made, read, nested and dropped in a loop: the work of simulation code that keeps
# results in lists.
results <- vector("list", 20000)
for (i in 1:20000) {
  fit <- list(estimate = i / 2, se = sqrt(i), parts = list(a = i, b = list(c = i)))
  results[[i]] <- fit$parts$b$c + fit$estimate
}
print(sum(unlist(results)))
