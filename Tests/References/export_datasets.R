# Export the R-shipped classic series to data/datasets/*.csv and write
# datasets.json (which also describes co2.csv, written beforehand by export_co2.py).
#
# Run from the repository root:
#     python3 Tests/References/export_co2.py
#     Rscript Tests/References/export_datasets.R
#
# Values are written as the shortest decimal text that reads back to the identical double
# (R's as.character, i.e. 15 significant digits, checked by a round trip), so a CSV holds exactly
# the numbers the package holds: no rounding beyond what the package has.

suppressPackageStartupMessages({
  library(jsonlite)
  library(tseries)   # ice.river
})

out_dir <- file.path("data", "datasets")
stopifnot(dir.exists(out_dir))

# Decimal text for each value, checked to parse back to the same double; NA -> empty cell.
num_text <- function(x) {
  s <- as.character(x)
  bad <- !is.na(x) & as.numeric(s) != x
  s[bad] <- sprintf("%.17g", x[bad])
  stopifnot(identical(as.numeric(s), as.numeric(x)))
  s[is.na(x)] <- ""
  s
}

# Date labels for a regular ts: YYYY (yearly), YYYY-Qn (quarterly), YYYY-MM (monthly).
ts_labels <- function(x) {
  f <- frequency(x)
  t <- round(time(x) * f)           # integer period index
  year <- t %/% f
  cyc <- t %% f + 1
  switch(as.character(f),
         "1"  = sprintf("%d", year),
         "4"  = sprintf("%d-Q%d", year, cyc),
         "12" = sprintf("%d-%02d", year, cyc),
         stop("unsupported frequency"))
}

write_series <- function(file, labels, values) {
  df <- data.frame(date = labels, value = num_text(as.numeric(values)))
  write.table(df, file.path(out_dir, file), sep = ",", quote = FALSE, row.names = FALSE,
              na = "")
  cat("wrote", file, length(values), "rows", labels[1], "..", labels[length(labels)], "\n")
}

# --- Regular ts objects from R's datasets package --------------------------------------------
write_series("airpassengers.csv", ts_labels(AirPassengers), AirPassengers)
write_series("nile.csv", ts_labels(Nile), Nile)
write_series("ukgas.csv", ts_labels(UKgas), UKgas)
write_series("usaccdeaths.csv", ts_labels(USAccDeaths), USAccDeaths)

# --- Daily: tseries::ice.river, column flow.vat ------------------------------------------------
# The help page says daily from 1972-01-01 to 1974-12-31. 1972 is a leap year, so that is
# 366 + 365 + 365 = 1096 days, which is exactly the number of rows (the help text's "1095" and the
# ts attributes, frequency 365 starting at 1972, ignore the leap day; the calendar is recovered
# from the stated first and last days).
data(ice.river, package = "tseries")
vat <- ice.river[, "flow.vat"]
days <- seq(as.Date("1972-01-01"), as.Date("1974-12-31"), by = "day")
stopifnot(length(days) == length(vat))
write_series("vatnsdalsa.csv", format(days, "%Y-%m-%d"), vat)

# --- datasets.json ------------------------------------------------------------------------------
read_back <- function(file) {
  read.csv(file.path(out_dir, file), colClasses = c("character", "numeric"))
}

entry <- function(name, file, frequency, period, units, description, source, license) {
  d <- read_back(file)
  e <- list(name = name, file = file, frequency = frequency, period = period,
            start = d$date[1], end = d$date[nrow(d)], length = nrow(d),
            missing = sum(is.na(d$value)), units = units, description = description,
            source = source, license = license)
  e
}

r_license <- paste("Shipped with R (package datasets, GPL-2 | GPL-3); the numbers are published",
                   "historical figures reproduced from the cited book. Redistributed here as",
                   "reference/test data with attribution.")

sets <- list(
  entry("airpassengers", "airpassengers.csv", "month", 12,
        "thousands of passengers",
        "Monthly totals of international airline passengers, 1949-1960 (the classic Box & Jenkins airline data).",
        paste("R datasets::AirPassengers (Box, G.E.P., Jenkins, G.M. and Reinsel, G.C. (1976)",
              "Time Series Analysis, Forecasting and Control, 3rd ed., Holden-Day, Series G)"),
        r_license),
  entry("nile", "nile.csv", "year", 1,
        "10^8 m^3",
        "Annual flow of the river Nile at Aswan, 1871-1970, with an apparent changepoint near 1898.",
        paste("R datasets::Nile (Durbin, J. and Koopman, S.J. (2001) Time Series Analysis by",
              "State Space Methods, Oxford University Press; Cobb, G.W. (1978) Biometrika 65, 243-251)"),
        r_license),
  entry("ukgas", "ukgas.csv", "quarter", 4,
        "millions of therms",
        "Quarterly UK gas consumption, 1960 Q1 to 1986 Q4.",
        paste("R datasets::UKgas (Durbin, J. and Koopman, S.J. (2001) Time Series Analysis by",
              "State Space Methods, Oxford University Press)"),
        r_license),
  entry("usaccdeaths", "usaccdeaths.csv", "month", 12,
        "deaths",
        "Monthly totals of accidental deaths in the USA, 1973-1978.",
        paste("R datasets::USAccDeaths (Brockwell, P.J. and Davis, R.A. (1991) Time Series:",
              "Theory and Methods, Springer, New York)"),
        r_license),
  entry("co2", "co2.csv", "week", 52,
        "ppmv (parts per million by volume)",
        paste("Weekly atmospheric CO2 at Mauna Loa (SIO flask samples), weeks ending Saturday,",
              "1958-03-29 to 2001-12-29; 59 weeks have no measurement and are empty value cells",
              "(2225 of 2284 weeks observed). A year holds 52 or 53 of these weeks: period 52 is",
              "the conventional approximation (mean 52.18)."),
        paste("statsmodels.datasets.co2 (file co2.csv in the package), from Keeling, C.D. and",
              "Whorf, T.P. (2004) Atmospheric CO2 concentrations derived from flask air samples at",
              "sites in the SIO network, in Trends: A Compendium of Data on Global Change, CDIAC,",
              "Oak Ridge National Laboratory"),
        paste("Public domain per statsmodels' COPYRIGHT note for this data set (statsmodels",
              "itself is BSD-3-Clause).")),
  entry("vatnsdalsa", "vatnsdalsa.csv", "day", 7,
        "m^3/s (cumecs)",
        paste("Mean daily flow of the Vatnsdalsa river, Iceland, 1972-01-01 to 1974-12-31",
              "(1096 days, the 1972 leap day included). River flow has an annual cycle, not a",
              "weekly one: period 7 is only the convention for daily data."),
        paste("R tseries::ice.river, column flow.vat (Tong, H. (1990) Non-Linear Time Series: A",
              "Dynamical System Approach, Oxford University Press, pp. 432-440; Tong, Thanoon and",
              "Gudmundsson (1985) Water Resources Bulletin 21, 651-661; via Hyndman's Time Series",
              "Data Library)"),
        paste("Shipped with R package tseries (GPL-2); published measurement data reproduced from",
              "the cited book. Redistributed here as reference/test data with attribution."))
)

doc <- list(
  description = paste("Classic public time series exported from R and statsmodels packages",
                      "by Tests/References/export_datasets.R and export_co2.py. CSV columns",
                      "date,value; dates are YYYY-MM-DD (day, week), YYYY-MM (month), YYYY-Qn",
                      "(quarter), YYYY (year); an empty value is a missing observation."),
  generated_with = list(R = R.version.string,
                        tseries = as.character(packageVersion("tseries"))),
  datasets = sets)
writeLines(toJSON(doc, auto_unbox = TRUE, pretty = TRUE, digits = NA),
           file.path(out_dir, "datasets.json"))
cat("wrote datasets.json with", length(sets), "entries\n")
