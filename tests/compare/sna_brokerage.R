# Gould-Fernandez brokerage by R sna::brokerage, the reference of libilc's
# ilc_gf_table() / ilc_gf_network_table().
#
# usage: Rscript sna_brokerage.R EDGES GROUPS
#   EDGES   first line "n directed", then "from to weight" (0-based; weight
#           ignored, as sna ignores edge values)
#   GROUPS  one group label per vertex ("<none>" for ungrouped: one class)
# Prints n lines of 24 numbers (raw.nli, exp.nli, sd.nli, z.nli: w_I w_O
# b_IO b_OI b_O t each) and one line of 24 (raw.gli, exp.gli, sd.gli,
# z.gli), all with 17 significant digits.  An undirected graph is passed
# as a symmetric matrix (sna makes each edge a mutual pair of arcs).
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
hdr <- scan(args[1], nlines = 1, quiet = TRUE)
n <- hdr[1]
directed <- hdr[2] != 0
e <- read.table(args[1], skip = 1, colClasses = "numeric")
cl <- readLines(args[2])
stopifnot(length(cl) == n)
g <- matrix(0, n, n)
if (nrow(e) > 0) {
  g[cbind(e[, 1] + 1, e[, 2] + 1)] <- 1
  if (!directed) g[cbind(e[, 2] + 1, e[, 1] + 1)] <- 1
}
b <- brokerage(g, cl)
fmt <- function(x) paste(sprintf("%.17g", x), collapse = " ")
out <- cbind(b$raw.nli, b$exp.nli, b$sd.nli, b$z.nli)
writeLines(apply(out, 1, fmt))
writeLines(fmt(c(b$raw.gli, b$exp.gli, b$sd.gli, b$z.gli)))
