structure(list(Time = c(1, 2, 3, 4, 5, 7), demand = c(8.3000000000000007, 
10.300000000000001, 19, 16, 15.6, 19.800000000000001)), class = "data.frame", row.names = c(NA, 
-6L), reference = "A1.4, p. 270")
