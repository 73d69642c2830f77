structure(c(4L, 9L, 8L, 5L, 9L, 8L, 1L, 3L, 3L, 3L, 9L, 8L, 6L, 
6L, 7L, 7L, 4L, 5L, 1L, 3L, 1L, 6L, 7L, 4L, 7L, 8L, 7L, 8L, 1L, 
2L, 8L, 2L, 3L, 7L, 6L, 5L, 9L, 2L, 1L, 3L, 7L, 4L, 5L, 8L, 1L, 
3L, 9L, 3L, 6L, 8L), levels = c("New England", "Middle Atlantic", 
"South Atlantic", "East South Central", "West South Central", 
"East North Central", "West North Central", "Mountain", "Pacific"
), class = "factor")
