# Reference values from R for Almanac's ARIMA tests (Tests/ForecastingTests/ARIMA*Tests.swift).
#
# Run from the repository root:
#     Rscript Tests/References/arima_reference.R
# Writes Tests/References/arima_reference_r.json. R 4.2.2, forecast 8.20 (Debian 12 packages);
# the versions are recorded in the JSON. Takes about ten minutes (auto.arima on 300 series).
#
# Series: AirPassengers from data/datasets/airpassengers.csv; M3 series from
# Tests/References/m3_every10.csv (every 10th M3 series, training part, as exported from the
# Mcomp data by the reference scripts of the forecasting work). Every double is written with the
# shortest decimal text that reads back to the identical double.

suppressPackageStartupMessages({
  library(jsonlite)
  library(forecast)
})

out_file <- file.path("Tests", "References", "arima_reference_r.json")

num_json <- function(x) {
  one <- function(v) {
    if (is.na(v)) return("null")
    if (is.infinite(v)) return(if (v > 0) "1e999" else "-1e999")
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
    if (length(obj) == 1 && !inherits(obj, "AsIs")) return(structure(s, class = "json"))
    return(structure(paste0("[", paste(s, collapse = ","), "]"), class = "json"))
  }
  obj
}
vec <- function(x) I(as.numeric(x))

d <- read.csv(file.path("data", "datasets", "airpassengers.csv"), colClasses = c("character", "numeric"))
ap <- ts(d$value, start = c(1949, 1), frequency = 12)

m3 <- read.csv(file.path("Tests", "References", "m3_every10.csv"), stringsAsFactors = FALSE)
m3_series <- function(i) ts(as.numeric(strsplit(m3$y[i], " ")[[1]]), frequency = m3$m[i])

# ---- a. the initial state covariance Q0 (stats:::C_getQ0, R's default Gardner et al. 1980) ----
q0_cases <- list(
  list(phi = c(0.5), theta = c(0.3, -0.2)),
  list(phi = c(0.6, -0.3, 0.1), theta = c(0.4)),
  list(phi = c(0.2, rep(0, 10), 0.5, -0.1), theta = c(-0.4, rep(0, 10), -0.6, 0.24)),
  list(phi = numeric(0), theta = c(-0.3, rep(0, 10), -0.5, 0.15))
)
q0 <- lapply(q0_cases, function(cs) {
  Q <- .Call(stats:::C_getQ0, as.double(cs$phi), as.double(cs$theta))
  list(phi = vec(cs$phi), theta = vec(cs$theta), r = nrow(Q), q0 = vec(Q))
})

# ---- b. fixed-order fits: coefficients, criteria, forecasts ---------------------------------
details <- function(fit, h, xreg_future = NULL) {
  fc <- if (is.null(xreg_future)) forecast(fit, h = h, level = c(80, 95)) else
    forecast(fit, h = h, level = c(80, 95), xreg = xreg_future)
  list(
    arima_string = forecast:::arima.string(fit, padding = FALSE),
    arma = vec(fit$arma),
    coef_names = names(fit$coef), coef = vec(fit$coef),
    var_coef = vec(fit$var.coef),
    sigma2 = fit$sigma2, loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
    nobs = fit$nobs,
    residuals = vec(residuals(fit)),
    forecast_mean = vec(fc$mean),
    lower80 = vec(fc$lower[, 1]), upper80 = vec(fc$upper[, 1]),
    lower95 = vec(fc$lower[, 2]), upper95 = vec(fc$upper[, 2]))
}
fit_spec <- function(y, order, seasonal = c(0, 0, 0), drift = FALSE, mean = TRUE, method = "CSS-ML", h = 12) {
  fit <- Arima(y, order = order, seasonal = seasonal, include.drift = drift, include.mean = mean, method = method)
  c(list(order = vec(order), seasonal = vec(seasonal), include_drift = drift, include_mean = mean, method = method, h = h),
    details(fit, h))
}

fits <- list(
  airpassengers_airline = fit_spec(ap, c(0, 1, 1), c(0, 1, 1), h = 24),
  airpassengers_211_010 = fit_spec(ap, c(2, 1, 1), c(0, 1, 0), h = 24),
  airpassengers_100_011_drift = fit_spec(ap, c(1, 0, 0), c(0, 1, 1), drift = TRUE, h = 24),
  airpassengers_110_110 = fit_spec(ap, c(1, 1, 0), c(1, 1, 0), h = 24),
  airpassengers_airline_ml = fit_spec(ap, c(0, 1, 1), c(0, 1, 1), method = "ML", h = 24),
  airpassengers_airline_css = fit_spec(ap, c(0, 1, 1), c(0, 1, 1), method = "CSS", h = 24)
)
log_airline <- Arima(ap, order = c(0, 1, 1), seasonal = c(0, 1, 1), lambda = 0)
fits$log_airpassengers_airline <- c(list(order = vec(c(0, 1, 1)), seasonal = vec(c(0, 1, 1)), include_drift = FALSE,
  include_mean = TRUE, method = "CSS-ML", h = 24, lambda = 0), details(log_airline, 24))

# M3 series (from m3_every10.csv), with the specifications R's users fit most.
m3_fits <- list()
m3_pick <- c("N0010", "N0500", "N0700", "N0800", "N1500", "N2000", "N2500", "N2800")
for (id in m3_pick) {
  i <- which(m3$id == id)
  if (length(i) != 1) next
  y <- m3_series(i)
  h <- c(yearly = 6, quarterly = 8, monthly = 18, other = 8)[[m3$category[i]]]
  specs <- if (frequency(y) > 1)
    list(list(c(0, 1, 1), c(0, 1, 1), FALSE, TRUE), list(c(1, 0, 0), c(0, 1, 1), TRUE, TRUE),
         list(c(1, 1, 1), c(0, 0, 0), TRUE, TRUE))
  else
    list(list(c(0, 1, 1), c(0, 0, 0), TRUE, TRUE), list(c(1, 0, 1), c(0, 0, 0), FALSE, TRUE),
         list(c(2, 1, 0), c(0, 0, 0), FALSE, TRUE))
  for (sp in specs) {
    label <- paste0(id, "_", paste(sp[[1]], collapse = ""), "_", paste(sp[[2]], collapse = ""), if (sp[[3]]) "_drift" else "")
    r <- tryCatch(fit_spec(y, sp[[1]], sp[[2]], drift = sp[[3]], mean = sp[[4]], h = h), error = function(e) NULL)
    if (!is.null(r)) m3_fits[[label]] <- c(list(id = id, m = frequency(y), y = vec(y)), r)
  }
}

# ---- c. regression with ARIMA errors: Fourier terms on log AirPassengers ----------------------
K <- 2
xr <- fourier(ap, K = K)
xr_future <- fourier(ap, K = K, h = 24)
xfit <- Arima(log(ap), order = c(1, 1, 1), xreg = xr)
xreg_fit <- c(list(xreg_names = colnames(xr), xreg = lapply(seq_len(ncol(xr)), function(j) vec(xr[, j])),
                   xreg_future = lapply(seq_len(ncol(xr)), function(j) vec(xr_future[, j]))),
              details(xfit, 24, xreg_future = xr_future))
xfit0 <- Arima(log(ap), order = c(1, 0, 1), xreg = xr)
xreg_mean_fit <- details(xfit0, 24, xreg_future = xr_future)

# ---- d. auto.arima on every 10th M3 series ----------------------------------------------------
auto <- list()
t_auto <- system.time(for (i in seq_len(nrow(m3))) {
  y <- m3_series(i)
  fit <- tryCatch(auto.arima(y), error = function(e) NULL)
  if (is.null(fit)) { auto[[m3$id[i]]] <- list(error = TRUE); next }
  a <- fit$arma
  auto[[m3$id[i]]] <- list(order = vec(a[c(1, 6, 2)]), seasonal = vec(a[c(3, 7, 4)]), m = a[5],
    constant = any(c("drift", "intercept") %in% names(fit$coef)),
    arima_string = forecast:::arima.string(fit, padding = FALSE),
    aicc = fit$aicc, loglik = fit$loglik)
})
air_auto <- auto.arima(ap)
air_auto_log <- auto.arima(ap, lambda = 0)
air_auto_nonstepwise <- auto.arima(ap, stepwise = FALSE, approximation = FALSE)
auto_air <- lapply(list(stepwise = air_auto, log = air_auto_log, nonstepwise = air_auto_nonstepwise), function(fit)
  list(arima_string = forecast:::arima.string(fit, padding = FALSE), arma = vec(fit$arma),
       coef = vec(fit$coef), aicc = fit$aicc, loglik = fit$loglik))

doc <- list(
  tool = "R",
  versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  notes = paste("q0: .Call(stats:::C_getQ0, phi, theta), column-major r x r.",
                "fits: forecast::Arima(y, order, seasonal, include.drift, include.mean, method) then",
                "forecast(fit, h, level = c(80, 95)); residuals are R's standardised innovations;",
                "var_coef column-major. log_airpassengers_airline: Arima(ap, c(0,1,1), c(0,1,1), lambda = 0),",
                "coefficients and criteria on the log scale, forecasts back-transformed (no bias adjustment).",
                "xreg: Arima(log(ap), order = c(1,1,1), xreg = fourier(ap, K = 2)); forecasts on the log scale.",
                "auto_m3: auto.arima(y) with every default, on each series of m3_every10.csv;",
                "auto_seconds: CPU time of that loop."),
  q0 = q0,
  airpassengers = vec(ap),
  fits = fits,
  m3_fits = m3_fits,
  xreg = xreg_fit,
  xreg_mean = xreg_mean_fit,
  auto_airpassengers = auto_air,
  auto_m3 = auto,
  auto_seconds = unname(t_auto["user.self"] + t_auto["sys.self"])
)
writeLines(toJSON(prep(doc), auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), out_file)
cat("wrote", out_file, "\n")
