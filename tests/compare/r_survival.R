# Peer for the survival comparison test (tests/test_spells.c):
#   Rscript r_survival.R UNITS.csv
# UNITS.csv has a header "time,status,group" (group 0 / 1).  Prints
# whitespace-separated numbers: K, then K rows of survfit's event times
# (time n.risk n.event surv std.err lower upper), then the median and its
# 95% bounds, the median of each group, the restricted mean to the
# largest time and its se, and survdiff's chi-square and df.
# NA is printed as NaN.
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
x <- read.csv(args[1])
f <- survfit(Surv(time, status) ~ 1, data = x)
s <- summary(f)
num <- function(v) { v <- as.numeric(v); v[is.na(v)] <- NaN; sprintf("%.17g", v) }
cat(length(s$time), "\n")
for (i in seq_along(s$time))
  cat(num(c(s$time[i], s$n.risk[i], s$n.event[i], s$surv[i], s$std.err[i],
            s$lower[i], s$upper[i])), "\n")
tab <- summary(f, rmean = max(x$time))$table
cat(num(tab[c("median", "0.95LCL", "0.95UCL")]), "\n")
fg <- survfit(Surv(time, status) ~ group, data = x)
cat(num(summary(fg)$table[, "median"]), "\n")
cat(num(tab[c("rmean", "se(rmean)")]), "\n")
d <- survdiff(Surv(time, status) ~ group, data = x)
cat(num(c(d$chisq, length(d$n) - 1)), "\n")
