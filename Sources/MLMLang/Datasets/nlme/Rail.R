structure(list(Rail = structure(c(3L, 3L, 3L, 1L, 1L, 1L, 5L, 
5L, 5L, 6L, 6L, 6L, 2L, 2L, 2L, 4L, 4L, 4L), levels = c("2", 
"5", "1", "6", "3", "4"), class = c("ordered", "factor")), travel = c(55, 
53, 54, 26, 37, 32, 78, 91, 85, 92, 100, 96, 49, 51, 50, 80, 
85, 83)), class = c("nffGroupedData", "nfGroupedData", "groupedData", 
"data.frame"), row.names = c("1", "2", "3", "4", "5", "6", "7", 
"8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"
), labels = list(y = "Zero-force travel time"), units = list(
    y = "(nanoseconds)"), formula = travel ~ 1 | Rail, order.groups = TRUE)
