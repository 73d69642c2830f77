structure(list(effort = c(12, 15, 12, 10, 10, 14, 13, 12, 7, 
14, 13, 9, 7, 11, 10, 9, 8, 11, 8, 7, 9, 11, 11, 10, 8, 12, 12, 
11, 7, 11, 8, 7, 9, 13, 10, 8), Type = structure(c(1L, 2L, 3L, 
4L, 1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L, 1L, 2L, 3L, 
4L, 1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L, 1L, 2L, 3L, 
4L), levels = c("T1", "T2", "T3", "T4"), class = "factor"), Subject = structure(c(8L, 
8L, 8L, 8L, 9L, 9L, 9L, 9L, 6L, 6L, 6L, 6L, 3L, 3L, 3L, 3L, 2L, 
2L, 2L, 2L, 5L, 5L, 5L, 5L, 7L, 7L, 7L, 7L, 1L, 1L, 1L, 1L, 4L, 
4L, 4L, 4L), levels = c("8", "5", "4", "9", "6", "3", "7", "1", 
"2"), class = c("ordered", "factor"))), row.names = c("1", "2", 
"3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", 
"15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", 
"26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36"
), class = c("nffGroupedData", "nfGroupedData", "groupedData", 
"data.frame"), formula = effort ~ Type | Subject, labels = list(
    x = "Type of stool", y = "Effort required to arise"), units = list(
    y = "(Borg scale)"), FUN = structure(function (x) 
mean(x, na.rm = TRUE), source = "function (x) mean(x, na.rm = TRUE)"), order.groups = TRUE)
