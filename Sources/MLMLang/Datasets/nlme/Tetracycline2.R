structure(list(conc = c(1.2, 1.54, 1.28, 0.79000000000000004, 
1.28, 2.25, 1.95, 1.24, 0.95999999999999996, 2.0499999999999998, 
1.6499999999999999, 1.05, 0, 1.3600000000000001, 1.24, 0.59999999999999998, 
1.8899999999999999, 2.5499999999999998, 2.3500000000000001, 1.3, 
1.4199999999999999, 1.7, 1.4199999999999999, 1.05, 0, 1.04, 0.93999999999999995, 
0.56999999999999995, 0.64000000000000001, 0.73999999999999999, 
0.5, 0, 0, 0.93999999999999995, 0.95999999999999996, 0.68000000000000005, 
0.92000000000000004, 1.72, 1.6499999999999999, 1.25), Time = c(1, 
2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 
3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6, 1, 2, 3, 6), Subject = structure(c(4L, 
4L, 4L, 4L, 4L, 4L, 4L, 4L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 5L, 
5L, 5L, 5L, 5L, 5L, 5L, 5L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 
2L, 2L, 2L, 2L, 2L, 2L, 2L), levels = c("4", "5", "2", "1", "3"
), class = c("ordered", "factor")), Formulation = structure(c(1L, 
1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 
1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 
1L, 1L, 1L, 2L, 2L, 2L, 2L), levels = c("Berkmycin", "tetramycin"
), class = "factor")), row.names = 1:40, class = c("nfnGroupedData", 
"nfGroupedData", "groupedData", "data.frame"), formula = conc ~ 
    Time | Subject, labels = list(x = "Time since drug administration", 
    y = "Serum concentration of Tetracycline"), units = list(
    x = "(hr)", y = "(IU/ml)"), inner = ~Formulation)
