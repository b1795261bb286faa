# R reference values for Almanac's theta and croston models (forecast::thetaf, forecast::croston).
# Run from the repository root: Rscript Tests/References/theta_croston_reference.R
# Writes Tests/References/theta_croston_reference_r.json. Takes a few seconds.
#
# Series: data/datasets/airpassengers.csv (ts frequency 12, start 1949-01, h = 24) and the M3
# subset in Tests/References/m3_subset.csv (ts(y, frequency = m), M3 horizons: yearly 6,
# quarterly 8, monthly 18, other 8); the intermittent set in Tests/References/intermittent.csv
# with h = 12. Doubles are written with 17 significant digits, which read back exactly.
suppressMessages(library(forecast))
library(jsonlite)

air <- read.csv("data/datasets/airpassengers.csv")
series <- list(airpassengers = list(y = ts(air$value, start = c(1949, 1), frequency = 12), h = 24))
m3 <- read.csv("Tests/References/m3_subset.csv", stringsAsFactors = FALSE)
horizon <- c(yearly = 6, quarterly = 8, monthly = 18, other = 8)
for (id in unique(m3$id)) {
  rows <- m3[m3$id == id, ]
  series[[id]] <- list(y = ts(rows$y[order(rows$t)], frequency = rows$m[1]), h = unname(horizon[rows$category[1]]))
}

theta <- list()
for (id in names(series)) {
  s <- series[[id]]
  fc <- thetaf(s$y, h = s$h, level = c(80, 95))
  out <- list(m = frequency(s$y), n = length(s$y), h = s$h,
              alpha = unname(fc$model$alpha), drift = unname(fc$model$drift),
              ses_sigma2 = unname(fc$model$sigma),
              mean = as.numeric(fc$mean),
              lower80 = as.numeric(fc$lower[, 1]), upper80 = as.numeric(fc$upper[, 1]),
              lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2]),
              fitted = as.numeric(fc$fitted))
  theta[[id]] <- out
}

inter <- read.csv("Tests/References/intermittent.csv")
croston_out <- list()
for (id in unique(inter$id)) {
  rows <- inter[inter$id == id, ]
  y <- ts(rows$y[order(rows$t)])
  fc <- croston(y, h = 12, alpha = 0.1)
  croston_out[[id]] <- list(n = length(y), h = 12, alpha = 0.1, mean = as.numeric(fc$mean),
                            fitted = as.numeric(fc$fitted))
}

doc <- list(
  tool = "R",
  versions = list(R = paste(R.version$major, R.version$minor, sep = "."),
                  forecast = as.character(packageVersion("forecast")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  notes = list(
    thetaf = "thetaf(y, h, level = c(80, 95)) with R's defaults. alpha, drift, ses_sigma2 are fc$model$alpha, $drift, $sigma (the ses model's sigma2). fitted = ses fitted values times the seasonal index (when the seasonal test says seasonal).",
    croston = "croston(y, h = 12, alpha = 0.1); fitted[t] is croston on y[1..t-1] (NA at t = 1, written null)."),
  thetaf = theta,
  croston = croston_out)
writeLines(toJSON(doc, digits = I(17), auto_unbox = TRUE, na = "null", pretty = FALSE),
           "Tests/References/theta_croston_reference_r.json")
cat("wrote Tests/References/theta_croston_reference_r.json\n")
