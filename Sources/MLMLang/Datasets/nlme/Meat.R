structure(list(Storage = structure(c(1L, 2L, 3L, 4L, 5L, 6L, 
1L, 3L, 2L, 5L, 4L, 6L, 1L, 4L, 2L, 6L, 3L, 5L, 1L, 5L, 2L, 4L, 
3L, 6L, 1L, 6L, 2L, 3L, 4L, 5L), levels = c(" 0", " 1", " 2", 
" 4", " 9", "18"), class = c("ordered", "factor")), score = c(7, 
17, 26, 25, 33, 29, 17, 27, 23, 27, 29, 30, 10, 25, 26, 37, 24, 
26, 25, 40, 25, 34, 34, 32, 11, 27, 24, 21, 26, 32), Block = structure(c(3L, 
3L, 3L, 3L, 3L, 3L, 1L, 1L, 1L, 1L, 1L, 1L, 4L, 4L, 4L, 4L, 4L, 
4L, 5L, 5L, 5L, 5L, 5L, 5L, 2L, 2L, 2L, 2L, 2L, 2L), levels = c("II", 
"V", "I", "III", "IV"), class = c("ordered", "factor")), Pair = structure(c(7L, 
7L, 8L, 8L, 9L, 9L, 1L, 1L, 2L, 2L, 3L, 3L, 10L, 10L, 12L, 12L, 
11L, 11L, 15L, 15L, 13L, 13L, 14L, 14L, 5L, 5L, 4L, 4L, 6L, 6L
), levels = c("II-1", "II-2", "II-3", "V-2", "V-1", "V-3", "I-1", 
"I-2", "I-3", "III-1", "III-3", "III-2", "IV-2", "IV-3", "IV-1"
), class = c("ordered", "factor"))), row.names = 1:30, class = c("nffGroupedData", 
"nfGroupedData", "groupedData", "data.frame"), formula = score ~ 
    1 | Pair, outer = ~Block, labels = list(x = "Tenderness score", 
    y = "Pair"), inner = ~Storage)
