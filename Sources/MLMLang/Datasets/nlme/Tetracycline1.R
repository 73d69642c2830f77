structure(list(conc = c(1.0800000000000001, 1.99, 1.46, 1.21, 
1.48, 2.5, 2.6200000000000001, 1.95, 1.1899999999999999, 2.1000000000000001, 
1.21, 0.95999999999999996, 0.62, 0.88, 0.68000000000000005, 0.47999999999999998, 
1.22, 1.9099999999999999, 1.3600000000000001, 0.90000000000000002, 
0.65000000000000002, 1.52, 1.3200000000000001, 0.94999999999999996, 
0.59999999999999998, 1.1000000000000001, 1.03, 0.60999999999999999, 
0.32000000000000001, 2.1200000000000001, 1.48, 1.0900000000000001, 
0.55000000000000004, 1, 0.81999999999999995, 0.52000000000000002, 
1.48, 0.90000000000000002, 0.75, 0.44), Time = c(1, 2, 3, 6, 
1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 
2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6), Subject = structure(c(5L, 
5L, 5L, 5L, 5L, 5L, 5L, 5L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 2L, 
2L, 2L, 2L, 2L, 2L, 2L, 2L, 4L, 4L, 4L, 4L, 4L, 4L, 4L, 4L, 1L, 
1L, 1L, 1L, 1L, 1L, 1L, 1L), levels = c("5", "3", "2", "4", "1"
), class = c("ordered", "factor")), Formulation = structure(c(1L, 
1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 
1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 
1L, 1L, 1L, 2L, 2L, 2L, 2L), levels = c("tetrachel", "tetracyn"
), class = "factor")), row.names = 1:40, class = c("nfnGroupedData", 
"nfGroupedData", "groupedData", "data.frame"), formula = conc ~ 
    Time | Subject, labels = list(x = "Time since drug administration", 
    y = "Serum concentration of Tetracycline"), units = list(
    x = "(hr)", y = "(IU/ml)"), inner = ~Formulation)
