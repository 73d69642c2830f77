#### date-parse-print
x <- as.Date(c("2024-01-04", "2024-03-01", NA))
x
class(x)
unclass(x)
as.Date("2024/02/29")
as.Date("01/02/2024", format = "%m/%d/%Y")
as.Date("4 March 2023", "%d %B %Y")
as.Date(c("2024-01-01", "2024-02-30"))
tryCatch(as.Date("2024-02-30"), error = function(e) conditionMessage(e))
as.Date(45000, origin = "1899-12-30")
as.Date(factor("2020-06-15"))
as.Date(NA)
tryCatch(as.Date("hello"), error = function(e) conditionMessage(e))
tryCatch(as.Date(19000), error = function(e) conditionMessage(e))
as.Date("hello", optional = TRUE)
print(as.Date(character(0)))

#### date-format-parts
d <- as.Date(c("2024-01-04", "2023-12-31", "2024-02-29"))
format(d, "%d/%m/%Y")
format(d, "%A %d %B %Y")
format(d, "%a %b %e %y %j %U %W %u %w %V %G")
strftime(d, "%Y week %V")
as.character(d)
weekdays(d)
weekdays(d, abbreviate = TRUE)
months(d)
months(d, TRUE)
quarters(d)
julian(d)
as.numeric(d)
as.integer(format(d, "%Y"))
as.POSIXlt(d)$yday
as.POSIXlt(d)$mon + 1

#### date-arithmetic
d <- as.Date("2024-01-31")
d + 1
d - 30
d + 0:2
as.Date("2024-03-01") - d
as.numeric(as.Date("2024-03-01") - d)
d > as.Date("2024-01-01")
d == "2024-01-31"
diff(as.Date(c("2024-01-01", "2024-01-15", "2024-03-01")))
rev(as.Date(c("2024-01-01", "2024-01-15")))
sort(as.Date(c("2024-05-01", "2024-01-15", "2023-03-01")))
order(as.Date(c("2024-05-01", "2024-01-15", "2023-03-01")))
range(as.Date(c("2024-05-01", "2024-01-15", "2023-03-01")))
min(as.Date(c("2024-05-01", "2024-01-15")))
max(as.Date(c("2024-05-01", NA)), na.rm = TRUE)
mean(as.Date(c("2024-01-01", "2024-01-04")))
c(d, as.Date("2025-01-01"))
unique(c(d, d))
d[2]
x <- as.Date(c(a = "2024-01-01", b = "2024-06-01"))
x["b"]
is.numeric(d)
inherits(d, "Date")
tryCatch(d + d, error = function(e) conditionMessage(e))

#### date-sequences
seq(as.Date("2024-01-31"), by = "month", length.out = 4)
seq(as.Date("2024-01-01"), as.Date("2024-01-05"), by = "day")
seq(as.Date("2024-01-01"), as.Date("2024-03-01"), by = "2 weeks")
seq(as.Date("2020-02-29"), by = "year", length.out = 3)
seq(as.Date("2024-01-01"), by = "quarter", length.out = 3)
seq(as.Date("2024-01-01"), as.Date("2024-01-10"), length.out = 4)
seq(as.Date("2024-01-01"), by = 10, length.out = 3)
cut(as.Date(c("2024-01-04", "2024-02-10", "2024-02-11")), "month")

#### date-summary-str
x <- as.Date(c("2024-01-04", "2024-03-01", NA))
summary(x)
str(x)
str(list(a = x))
df <- data.frame(d = x, v = 1:3)
df
str(df)
summary(df)
df[order(df$d, decreasing = TRUE), ]
table(format(x, "%Y-%m"))

#### difftime
a <- as.POSIXct("2024-01-04 10:00:00", tz = "UTC")
b <- as.POSIXct("2024-01-04 09:30:00", tz = "UTC")
a - b
difftime(a, b)
difftime(a, b, units = "hours")
difftime(as.Date("2024-03-01"), as.Date("2024-01-04"), units = "weeks")
dt <- a - b
units(dt)
units(dt) <- "secs"
dt
as.numeric(dt, units = "hours")
format(dt)
as.difftime(90, units = "mins")
as.difftime(c(1, 2.5), units = "hours")
dt * 2
dt > 100
a - as.difftime(2, units = "hours")
str(dt)

#### posixct
t <- as.POSIXct("2024-01-04 10:00:00", tz = "UTC")
t
unclass(t)
t + 3600
format(t, "%H:%M")
format(t, "%Y-%m-%d %H:%M:%S %Z")
as.POSIXct("2024-01-04 10:00", tz = "UTC")
as.POSIXct("2024-01-04", tz = "UTC")
as.POSIXct("2024/01/04 10:15:30", tz = "UTC")
as.POSIXct("04.01.2024 22:15", format = "%d.%m.%Y %H:%M", tz = "UTC")
x <- as.POSIXct(c("2024-01-04 00:00:00", "2024-01-05 00:00:00"), tz = "UTC")
x
x + 1.5
seq(t, by = "2 hours", length.out = 3)
seq(t, by = "day", length.out = 2)
as.Date(t)
as.POSIXct(as.Date("2024-01-04"))
trunc(t + 4000, "hours")
round(t + 1799, "hours")
weekdays(t)
months(t)
ISOdate(2024, 1, 4)
ISOdatetime(2024, 1, 4, 15, 30, 0, tz = "UTC")
str(t)
c(t, t + 60)
range(c(t, t - 86400))
difftime(t + 86400 * 3, t)
as.numeric(as.POSIXct("2024-01-04", tz = "UTC"))

#### posixlt-fields
lt <- as.POSIXlt("2024-03-10 14:05:09", tz = "UTC")
lt$year + 1900
lt$mon
lt$mday
lt$hour
lt$min
lt$sec
lt$wday
lt$yday
lt
class(lt)
as.POSIXct(lt)
format(lt, "%B %d, %Y at %I:%M %p")
p <- strptime("2024-07-15 08:30:00", "%Y-%m-%d %H:%M:%S", tz = "UTC")
p
class(p)
is.na(strptime(c("2024-07-15", "bad"), "%Y-%m-%d", tz = "UTC"))
strptime("15Jul2024", "%d%b%Y", tz = "UTC")

#### time-zones
x <- as.POSIXct("2024-03-10 14:05:09", tz = "America/New_York")
x
format(x, "%Z %z")
format(x, tz = "UTC", usetz = TRUE)
as.POSIXlt(x)$isdst
as.POSIXct("2024-01-10 14:05:09", tz = "America/New_York")
as.POSIXct("2024-07-01 12:00", tz = "Europe/Amsterdam")
as.Date(as.POSIXct("2024-01-04 23:00", tz = "America/New_York"))
attributes(as.POSIXlt(x))$tzone

#### dates-in-tibbles
suppressPackageStartupMessages(library(tibble))
x <- as.POSIXct(c("2024-01-04", "2024-01-05", NA), tz = "UTC")
tb <- tibble(when = as.Date(c("2024-01-04", "2024-03-01", NA)), stamp = x, later = x + 1.5, gap = x - x[1])
tb
str(tb)
summary(tb[, 1:2])
data.frame(stamp = x, later = x + 1.5, gap = x - x[1])
summary(x)
summary(x + c(0, 0.5, 59.6667))

#### dates-from-files
suppressPackageStartupMessages(library(readr))
f <- tempfile(fileext = ".csv")
writeLines(c("id,when,stamp,v", "1,2024-01-04,2024-01-04 10:00:00,1.5", "2,2024-03-01,2024-03-01 11:30:00,2", "3,,,3"), f)
d <- read_csv(f, show_col_types = FALSE)
d
summary(d)
d$when[2] - d$when[1]
b <- read.csv(f)
str(b)
b$when <- as.Date(b$when)
b
summary(b)
format(b$when, "%d/%m/%Y")
unlink(f)
