# Reference values from R (stats, forecast, urca, tseries) for Almanac's time-series tests.
#
# Run from the repository root:
#     Rscript Tests/References/stats_reference.R
# Writes Tests/References/stats_reference_r.json. Run it before stats_reference.py, which adds
# the statsmodels values and compares them with these.
#
# The series are read from the CSVs in data/datasets (not from the
# package objects) so that R and Python see the same numbers. Every double is written with the
# shortest decimal text that reads back to the identical double (15, 16 or 17 significant
# digits); NA is written as null.

suppressPackageStartupMessages({
  library(jsonlite)
  library(forecast)
  library(urca)
  library(tseries)
})

data_dir <- file.path("data", "datasets")
out_file <- file.path("Tests", "References", "stats_reference_r.json")
meta <- fromJSON(file.path(data_dir, "datasets.json"), simplifyVector = FALSE)$datasets
names(meta) <- vapply(meta, function(m) m$name, "")

# ---- helpers -------------------------------------------------------------------------------

# A CSV from datasets/ as a ts with the frequency and start that datasets.json gives.
read_series <- function(name) {
  m <- meta[[name]]
  d <- read.csv(file.path(data_dir, m$file), colClasses = c("character", "numeric"))
  start <- switch(m$frequency,
    year = as.integer(m$start),
    quarter = c(as.integer(substr(m$start, 1, 4)), as.integer(substr(m$start, 7, 7))),
    month = c(as.integer(substr(m$start, 1, 4)), as.integer(substr(m$start, 6, 7))),
    stop("read_series handles yearly, quarterly and monthly series only"))
  ts(d$value, start = start, frequency = m$period)
}

# Full-precision JSON numbers: jsonlite's digits = NA stops at 15 significant digits, so each
# double is formatted here (shortest of %.15g/%.16g/%.17g that round-trips) and passed to
# jsonlite verbatim.
num_json <- function(x) {
  one <- function(v) {
    if (is.na(v)) return("null")
    if (is.infinite(v)) stop("infinite value")
    for (d in 15:17) {
      s <- sprintf("%.*g", d, v)
      if (as.numeric(s) == v) return(s)
    }
    s
  }
  vapply(as.numeric(x), one, "")
}
prep <- function(obj) {
  if (is.list(obj)) return(lapply(obj, prep))
  if (is.numeric(obj) && !is.factor(obj)) {
    s <- num_json(obj)
    # Length-1 numbers become scalars; keep a vector a JSON array with I().
    if (length(obj) == 1 && !inherits(obj, "AsIs")) return(structure(s, class = "json"))
    return(structure(paste0("[", paste(s, collapse = ","), "]"), class = "json"))
  }
  obj
}
vec <- function(x) I(as.numeric(x))   # always an array, even of length 1

# ---- the series ----------------------------------------------------------------------------

ap <- read_series("airpassengers")
series <- list(
  airpassengers = ap,
  log_airpassengers = log(ap),      # natural log
  nile = read_series("nile"),
  ukgas = read_series("ukgas")
)

# ---- per-series statistics -----------------------------------------------------------------

# KPSS level-stationarity (null: stationary around a constant) by the three R implementations.
# urca::ur.kpss(type = "mu", lags = "short") uses lag trunc(4 * (n/100)^0.25);
# tseries::kpss.test(null = "Level") uses the same lag with lshort = TRUE (its default) and
# trunc(12 * (n/100)^0.25) with lshort = FALSE. statsmodels' nlags = "legacy" uses
# ceil(12 * (n/100)^0.25), so urca is also run with that lag (use.lag) to line up with it.
# forecast::ndiffs runs ur.kpss with use.lag = trunc(3 * sqrt(n) / 13): recorded as well.
kpss_all <- function(x) {
  x <- as.numeric(x)
  n <- length(x)
  short <- ur.kpss(x, type = "mu", lags = "short")
  ts_short <- suppressWarnings(kpss.test(x, null = "Level", lshort = TRUE))
  ts_long <- suppressWarnings(kpss.test(x, null = "Level", lshort = FALSE))
  sm_lag <- ceiling(12 * (n / 100)^0.25)
  at_sm <- ur.kpss(x, type = "mu", use.lag = sm_lag)
  nd_lag <- trunc(3 * sqrt(n) / 13)
  at_nd <- ur.kpss(x, type = "mu", use.lag = nd_lag)
  list(
    n = n,
    urca_mu_short = list(statistic = short@teststat, lag = short@lag),
    tseries_level_lshort_true = list(statistic = unname(ts_short$statistic),
                                     lag = unname(ts_short$parameter),
                                     p_value = ts_short$p.value),
    tseries_level_lshort_false = list(statistic = unname(ts_long$statistic),
                                      lag = unname(ts_long$parameter),
                                      p_value = ts_long$p.value),
    urca_mu_at_statsmodels_legacy_lag = list(statistic = at_sm@teststat, lag = at_sm@lag),
    urca_mu_at_ndiffs_lag = list(statistic = at_nd@teststat, lag = at_nd@lag)
  )
}

series_stats <- function(name, x) {
  n <- length(x)
  # ACF lags 1..24 (lag 0 dropped); acf() divides every autocovariance by n.
  a <- acf(x, lag.max = 24, plot = FALSE)$acf[-1]
  # PACF lags 1..24: stats:::pacf.default runs Durbin-Levinson on that same sample ACF.
  p <- pacf(x, lag.max = 24, plot = FALSE)$acf[, 1, 1]
  lb <- lapply(c(10, 24), function(k) {
    b <- Box.test(x, lag = k, type = "Ljung-Box")   # fitdf = 0
    list(lag = k, statistic = unname(b$statistic), df = unname(b$parameter),
         p_value = b$p.value)
  })
  names(lb) <- c("10", "24")
  out <- list(n = n, frequency = frequency(x), acf = vec(a), pacf = vec(p), ljung_box = lb)
  out$kpss <- list(x = kpss_all(x), diff = kpss_all(diff(x)))
  if (name != "log_airpassengers") out$kpss$diff_log <- kpss_all(diff(log(x)))
  out
}

results <- list()
for (nm in names(series)) results[[nm]] <- series_stats(nm, series[[nm]])

# ---- differencing, seasonal strength, Box-Cox ----------------------------------------------

nd_defaults <- list(test = eval(formals(ndiffs)$test)[1], type = eval(formals(ndiffs)$type)[1],
                    alpha = formals(ndiffs)$alpha, max_d = formals(ndiffs)$max.d)
nsd_defaults <- list(test = eval(formals(nsdiffs)$test)[1], alpha = formals(nsdiffs)$alpha,
                     max_D = formals(nsdiffs)$max.D)

# Seasonal strength as forecast:::seas.heuristic computes it: mstl(x) on a plain ts runs one
# stl(x, s.window = 11) (mstl's default s.window = 7 + 4 * seq(6), first element; iterate is
# forced to 1 for a ts), and Fs = max(0, min(1, 1 - var(R) / var(R + S))), var() with n - 1.
# nsdiffs(test = "seas") differences once if Fs > 0.64.
seasonal_strength <- function(x) {
  fit <- stl(x, s.window = 11)
  r <- fit$time.series[, "remainder"]
  s <- fit$time.series[, "seasonal"]
  list(seas_heuristic = forecast:::seas.heuristic(x),
       by_hand_stl_s_window_11 = max(0, min(1, 1 - var(r) / var(r + s))),
       threshold = 0.64)
}

# Guerrero's criterion as forecast:::guer.cv computes it (coefficient of variation of
# sd/mean^(1-lambda) over whole years, trailing years kept), for checking an implementation
# point by point; BoxCox.lambda minimises it with optimize() (tolerance ~1.2e-4).
guer_grid <- c(-1, -0.5, 0, 0.5, 1, 1.5, 2)

unit_root <- list()
for (nm in names(series)) {
  x <- series[[nm]]
  e <- list(ndiffs = ndiffs(x))
  if (frequency(x) > 1) {
    e$nsdiffs <- nsdiffs(x)
    e$nsdiffs_ocsb <- tryCatch(nsdiffs(x, test = "ocsb"), error = function(err) NULL)
    o <- ocsb.test(x, maxlag = 3, lag.method = "AIC")   # what nsdiffs(test = "ocsb") runs
    e$ocsb_test <- list(statistic = unname(o$statistics), critical = unname(o$critical))
    e$seasonal_strength <- seasonal_strength(x)
  }
  e$boxcox_lambda <- list(
    guerrero = BoxCox.lambda(x, method = "guerrero", lower = -1, upper = 2),
    loglik = BoxCox.lambda(x, method = "loglik", lower = -1, upper = 2),
    guerrero_criterion_at = list(lambda = vec(guer_grid),
      value = vec(sapply(guer_grid, forecast:::guer.cv, x = x))))
  e$boxcox_lambda_0.5_first5 <- vec(head(as.numeric(BoxCox(x, lambda = 0.5)), 5))
  unit_root[[nm]] <- e
}

# ---- STL -----------------------------------------------------------------------------------

stl_run <- function(x, s.window) {
  fit <- stl(x, s.window = s.window)
  ts <- fit$time.series
  list(s_window = if (is.character(s.window)) s.window else s.window,
       parameters = list(win = as.list(fit$win), deg = as.list(fit$deg),
                         jump = as.list(fit$jump), inner = fit$inner, outer = fit$outer,
                         robust = FALSE),
       seasonal = vec(ts[, "seasonal"]), trend = vec(ts[, "trend"]),
       remainder = vec(ts[, "remainder"]))
}
# Robust STL (inner 1, outer 15 by default): its robustness passes do not converge, so they
# amplify last-bit floating-point differences between implementations. Recorded after 10 passes
# (where Almanac and R agree closely) and at R's default 15.
stl_robust <- function(x, outer) {
  fit <- stl(x, s.window = 7, robust = TRUE, outer = outer)
  ts <- fit$time.series
  list(outer = outer, seasonal = vec(ts[, "seasonal"]), trend = vec(ts[, "trend"]),
       weights = vec(fit$weights))
}
stl_out <- list()
for (nm in c("airpassengers", "log_airpassengers")) {
  stl_out[[nm]] <- list(periodic = stl_run(series[[nm]], "periodic"),
                        s_window_7 = stl_run(series[[nm]], 7),
                        robust_s_window_7_outer_10 = stl_robust(series[[nm]], 10),
                        robust_s_window_7_outer_15 = stl_robust(series[[nm]], 15))
}

# ---- classical decomposition ---------------------------------------------------------------

decomp <- function(x, type) {
  d <- decompose(x, type = type)
  # trend and random are NA for the first and last frequency/2 points (-> null in JSON).
  list(trend = vec(d$trend), seasonal = vec(d$seasonal), figure = vec(d$figure),
       random = vec(d$random))
}
decomp_out <- list()
for (nm in c("airpassengers", "log_airpassengers", "ukgas")) {
  decomp_out[[nm]] <- list(additive = decomp(series[[nm]], "additive"),
                           multiplicative = decomp(series[[nm]], "multiplicative"))
}

# ---- accuracy of naive and seasonal naive forecasts -----------------------------------------

train <- window(ap, end = c(1958, 12))
test <- window(ap, start = c(1959, 1))
smape_m3 <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
acc_run <- function(fc) {
  a <- accuracy(fc, test)
  row <- a["Test set", ]
  list(forecast = vec(fc$mean),
       test_set = as.list(row),          # ME RMSE MAE MPE MAPE MASE ACF1 Theil's U
       training_set = as.list(a["Training set", ]),
       smape_m3_by_hand = smape_m3(as.numeric(test), as.numeric(fc$mean)))
}
accuracy_out <- list(
  split = list(series = "airpassengers", train = "1949-01..1958-12", test = "1959-01..1960-12",
               h = 24),
  mase_scale = mean(abs(diff(train, lag = 12))),   # accuracy() scales by the seasonal naive
                                                   # in-sample MAE because frequency > 1
  smape_definition = "mean(200 * |y - f| / (|y| + |f|)) over the test set (M3)",
  snaive = acc_run(snaive(train, h = 24)),
  naive = acc_run(naive(train, h = 24))
)

# ---- write ---------------------------------------------------------------------------------

doc <- list(
  tool = "R",
  versions = list(R = R.version.string,
                  forecast = as.character(packageVersion("forecast")),
                  urca = as.character(packageVersion("urca")),
                  tseries = as.character(packageVersion("tseries")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  notes = list(
    series = "log_airpassengers is log(airpassengers), natural log.",
    acf = "acf(x, lag.max = 24, plot = FALSE), lags 1..24",
    pacf = "pacf(x, lag.max = 24, plot = FALSE): Durbin-Levinson on the biased sample ACF",
    ljung_box = "Box.test(x, lag = k, type = 'Ljung-Box'), fitdf = 0",
    kpss = paste("x, diff(x) and diff(log(x)); see kpss_all() in the script for the lag rules.",
                 "tseries p-values are interpolated in the KPSS table and clamped to [0.01, 0.1]."),
    ndiffs_defaults = nd_defaults,
    nsdiffs_defaults = nsd_defaults,
    seasonal_strength = paste("forecast:::seas.heuristic: fit <- stl(x, s.window = 11)",
                              "(via mstl); Fs = max(0, min(1, 1 - var(remainder) /",
                              "var(remainder + seasonal))); nsdiffs 'seas' differences if Fs > 0.64"),
    boxcox = paste("BoxCox.lambda(x, method, lower = -1, upper = 2). guerrero: optimize() of",
                   "forecast:::guer.cv, tolerance about 1.2e-4, so compare lambda to ~1e-4;",
                   "loglik: best of the grid seq(-1, 2, by = 0.05) for a regression on trend",
                   "(+ season dummies when frequency > 1). BoxCox(x, 0.5) = (x^0.5 - 1) / 0.5."),
    stl = paste("stl(x, s.window = 'periodic' | 7), robust = FALSE, all other arguments at their",
                "defaults; the windows, degrees, jumps and iterations actually used are under",
                "parameters. 'periodic' sets s.window = 10 n + 1, s.degree = 0, and then",
                "replaces the seasonal by its mean for each cycle position."),
    decompose = "decompose(x, type); trend/random null where the centred moving average is undefined",
    accuracy = "forecast::accuracy(fc, test); sMAPE computed by hand"
  ),
  series = results,
  differencing_and_boxcox = unit_root,
  stl = stl_out,
  decompose = decomp_out,
  accuracy = accuracy_out
)

writeLines(toJSON(prep(doc), auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE,
                  null = "null", na = "null"),
           out_file)
cat("wrote", out_file, "\n")
