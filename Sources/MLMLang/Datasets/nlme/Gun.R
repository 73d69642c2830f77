structure(list(rounds = c(20.199999999999999, 14.199999999999999, 
22, 14.1, 23.100000000000001, 14.1, 26.199999999999999, 18, 22.600000000000001, 
14, 22.899999999999999, 12.199999999999999, 23.800000000000001, 
12.5, 22.899999999999999, 13.699999999999999, 21.800000000000001, 
12.699999999999999, 24.100000000000001, 16.199999999999999, 23.5, 
16.100000000000001, 22.899999999999999, 16.100000000000001, 26.899999999999999, 
19.100000000000001, 24.600000000000001, 18.100000000000001, 23.699999999999999, 
13.800000000000001, 24.899999999999999, 15.4, 25, 16, 23.5, 15.1
), Method = structure(c(1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 
1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 
1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L), levels = c("M1", "M2"
), class = "factor"), Team = structure(c(1L, 1L, 4L, 4L, 7L, 
7L, 3L, 3L, 5L, 5L, 9L, 9L, 2L, 2L, 6L, 6L, 8L, 8L, 1L, 1L, 4L, 
4L, 7L, 7L, 3L, 3L, 5L, 5L, 9L, 9L, 2L, 2L, 6L, 6L, 8L, 8L), levels = c("T1S", 
"T3S", "T2S", "T1A", "T2A", "T3A", "T1H", "T3H", "T2H"), class = c("ordered", 
"factor")), Physique = structure(c(1L, 1L, 2L, 2L, 3L, 3L, 1L, 
1L, 2L, 2L, 3L, 3L, 1L, 1L, 2L, 2L, 3L, 3L, 1L, 1L, 2L, 2L, 3L, 
3L, 1L, 1L, 2L, 2L, 3L, 3L, 1L, 1L, 2L, 2L, 3L, 3L), levels = c("Slight", 
"Average", "Heavy"), class = c("ordered", "factor"))), formula = rounds ~ 
    Method | Team, row.names = c("1", "2", "3", "4", "5", "6", 
"7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", 
"18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", 
"29", "30", "31", "32", "33", "34", "35", "36"), class = c("nffGroupedData", 
"nfGroupedData", "groupedData", "data.frame"), labels = list(
    y = "Number of rounds fired"), units = list(y = "(rounds/min)"), FUN = structure(function (x) 
mean(x, na.rm = TRUE), source = "function (x) mean(x, na.rm = TRUE)"), order.groups = TRUE)
