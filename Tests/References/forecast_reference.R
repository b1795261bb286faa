# Reference values from R's forecast package (ETS, ARIMA, auto.arima, theta, simple methods,
# Croston, tslm, Box-Cox) for Almanac's forecasting models.
#
# Run from the repository root, after export_m3_subset.py has written the CSVs:
#     Rscript Tests/References/forecast_reference.R
# Writes Tests/References/forecast_reference_r.json. Takes a few minutes, most of it the
# auto.arima run over every 10th M3 series (the timing is recorded in the JSON).
#
# The series are read from CSVs (data/datasets/airpassengers.csv, Tests/References/m3_subset.csv,
# m3_every10.csv, intermittent.csv), not from package objects, so that R, Python and Swift see
# the same numbers. M3 series become ts(y, frequency = m) with the default start (1, 1): the M3
# start dates are not used, so seasonal dummies and Fourier terms are aligned to position 1 of
# the cycle at t = 1. AirPassengers is ts(y, start = c(1949, 1), frequency = 12).
#
# Every double is written with the shortest decimal text that reads back to the identical
# double (15, 16 or 17 significant digits); NA is written as null. Named vectors are written as
# {"names": [...], "values": [...]} so that the order survives any JSON reader; matrices as
# {"names": [...], "rows": [[...], ...]}.

suppressPackageStartupMessages({
  library(jsonlite)
  library(forecast)
})

ref_dir <- file.path("Tests", "References")
out_file <- file.path(ref_dir, "forecast_reference_r.json")

# ---- JSON helpers (as in stats_reference.R) -------------------------------------------------

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
    if (length(obj) == 1 && !inherits(obj, "AsIs")) return(structure(s, class = "json"))
    return(structure(paste0("[", paste(s, collapse = ","), "]"), class = "json"))
  }
  obj
}
vec <- function(x) I(as.numeric(x))          # always an array, even of length 1
strs <- function(x) I(as.character(x))       # always an array of strings
named <- function(x) list(names = strs(names(x)), values = vec(x))
matrix_out <- function(M) {
  list(names = strs(colnames(M)),
       rows = lapply(seq_len(nrow(M)), function(i) vec(M[i, ])))
}
err_msg <- function(e) gsub("\\s+", " ", conditionMessage(e))
# Evaluate expr, catching an error as the value and collecting the warnings it gives.
with_warnings <- function(expr) {
  w <- character(0)
  val <- withCallingHandlers(tryCatch(expr, error = function(e) e),
                             warning = function(cond) {
                               w <<- c(w, gsub("\\s+", " ", conditionMessage(cond)))
                               invokeRestart("muffleWarning")
                             })
  list(value = val, warnings = unique(w))
}
add_warnings <- function(out, w) {
  if (length(w)) out$warnings <- strs(w)
  out
}

# Point forecasts and, when present, the 80 % and 95 % limits.
fc_out <- function(fc, intervals = TRUE) {
  out <- list(mean = vec(fc$mean))
  if (intervals && !is.null(fc$lower)) {
    lo <- as.matrix(fc$lower)
    up <- as.matrix(fc$upper)
    lv <- as.numeric(fc$level)
    for (L in c(80, 95)) {
      j <- which(abs(lv - L) < 1e-9)
      out[[paste0("lower", L)]] <- vec(lo[, j])
      out[[paste0("upper", L)]] <- vec(up[, j])
    }
  }
  out
}

# ---- the series -----------------------------------------------------------------------------

d_ap <- read.csv(file.path("data", "datasets", "airpassengers.csv"),
                 colClasses = c("character", "numeric"))
ap <- ts(d_ap$value, start = c(1949, 1), frequency = 12)

read_long <- function(path) {
  d <- read.csv(path, colClasses = c("character", "character", "integer", "integer", "numeric"))
  ids <- unique(d$id)
  out <- lapply(ids, function(id) {
    r <- d[d$id == id, ]
    stopifnot(all(diff(r$t) == 1))
    list(category = r$category[1], m = r$m[1], t0 = r$t[1], y = r$y)
  })
  names(out) <- ids
  out
}
m3 <- read_long(file.path(ref_dir, "m3_subset.csv"))
m3_test <- read_long(file.path(ref_dir, "m3_subset_test.csv"))
horizon <- c(yearly = 6, quarterly = 8, monthly = 18, other = 8)

series <- list(airpassengers = list(y = ap, category = "monthly", m = 12, h = 24,
                                    source = "data/datasets/airpassengers.csv"))
for (id in names(m3)) {
  s <- m3[[id]]
  h <- unname(horizon[s$category])
  stopifnot(length(m3_test[[id]]$y) == h, m3_test[[id]]$t0 == length(s$y) + 1)
  series[[id]] <- list(y = ts(s$y, frequency = s$m), category = s$category, m = s$m, h = h,
                       source = "Tests/References/m3_subset.csv")
}
series_info <- lapply(series, function(s) list(category = s$category, m = s$m,
                                               n = length(s$y), h = s$h, source = s$source))

# ---- a. ETS ---------------------------------------------------------------------------------

# Fixed model types: E, T (Ad = additive damped), S. "ANN" etc. are ets()'s model strings;
# damped is always passed explicitly (with damped = NULL, ets("AAN") would choose between the
# damped and undamped model by AICc).
ets_seasonal <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN",
                  "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM")
ets_nonseasonal <- c("ANN", "AAN", "AAdN", "MNN", "MAN", "MAdN")

ets_class <- function(e, t, s) {
  if (e == "A" && t %in% c("N", "A") && s %in% c("N", "A")) return("class1")
  if (e == "M" && t %in% c("N", "A") && s %in% c("N", "A")) return("class2")
  if (e == "M" && s == "M" && t != "M") return("class3")
  "simulated"
}

# intervals: "all" records the limits of every analytic class, "class1" those of class 1 only,
# "none" none. keep_fitted also keeps the final state vector.
ets_details <- function(fit, y, h, keep_fitted, intervals) {
  comp <- fit$components
  e <- comp[1]; t <- comp[2]; s <- comp[3]; damped <- as.logical(comp[4])
  p <- fit$par
  # The likelihood criterion at R's parameters, recomputed from the initial states
  # (pegelsresid.C is what etsmodel and the optimizer's target function call).
  m_eff <- if (s != "N") frequency(y) else 1
  pr <- forecast:::pegelsresid.C(y, m_eff, fit$initstate, e, t, s, damped,
                                 p["alpha"], p["beta"], p["gamma"], p["phi"], 3)
  cls <- ets_class(e, t, s)
  fc <- forecast(fit, h = h, level = c(80, 95))
  out <- list(
    method = fit$method,
    components = list(error = e, trend = t, season = s, damped = damped),
    n = length(y),
    par = named(p),
    initstate = named(fit$initstate),
    loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
    mse = fit$mse, amse = fit$amse, sigma2 = fit$sigma2,
    lik_at_par = pr$lik,
    amse_at_par = vec(pr$amse),
    optimizer = list(value = fit$fit$value, fncount = fit$fit$fncount),
    interval_class = cls,
    forecast = fc_out(fc, intervals = (intervals == "all" && cls != "simulated") ||
                                      (intervals == "class1" && cls == "class1"))
  )
  if (keep_fitted) {
    out$final_state <- named(fit$states[nrow(fit$states), ])
    out$fitted <- vec(fitted(fit))
    out$residuals <- vec(residuals(fit))
  }
  out
}

ets_one <- function(y, code, h, keep_fitted, intervals) {
  e <- substr(code, 1, 1)
  t <- substr(code, 2, 2)
  damped <- grepl("d", code)
  s <- substr(code, nchar(code), nchar(code))
  model <- paste0(e, t, s)
  if ((e == "M" || s == "M") && min(y) <= 0)
    return(list(dropped = "not fitted here: multiplicative error or season and data <= 0"))
  r <- with_warnings({
    fit <- ets(y, model = model, damped = damped)
    if (!inherits(fit, "ets"))
      stop(paste("ets returned a", class(fit)[1], "(too few observations: HoltWintersZZ fallback)"))
    ets_details(fit, y, h, keep_fitted, intervals)
  })
  if (inherits(r$value, "error"))
    return(add_warnings(list(dropped = paste("ets error:", err_msg(r$value))), r$warnings))
  add_warnings(r$value, r$warnings)
}

# Intervals: forecast.ets computes them analytically for classes 1-3 (Hyndman et al. 2008,
# ch. 6) and simulates only for multiplicative trend, which is not fitted here. To keep the
# file small, the limits of all three classes are recorded for AirPassengers only, and those of
# class 1 for the M3 series.
ets_out <- list()
t_ets <- system.time({
  for (id in names(series)) {
    s <- series[[id]]
    y <- s$y
    codes <- if (s$m > 1) ets_seasonal else ets_nonseasonal
    is_ap <- id == "airpassengers"
    fits <- list()
    for (code in codes) fits[[code]] <- ets_one(y, code, s$h, keep_fitted = is_ap,
                                                 intervals = if (is_ap) "all" else "class1")
    auto <- tryCatch({
      fit <- ets(y)
      a <- ets_details(fit, y, s$h, keep_fitted = FALSE, intervals = "none")
      a$call <- "ets(y)"
      a
    }, error = function(err) list(dropped = paste("ets error:", err_msg(err))))
    ets_out[[id]] <- list(models = fits, auto = auto)
  }
})

# ---- b. ARIMA ---------------------------------------------------------------------------------

arima_spec <- function(label, order, seasonal = c(0, 0, 0), drift = FALSE, mean = TRUE) {
  list(label = label, order = order, seasonal = seasonal, drift = drift, mean = mean)
}
arima_nonseasonal <- list(
  arima_spec("(0,1,1) drift", c(0, 1, 1), drift = TRUE),
  arima_spec("(1,1,0) drift", c(1, 1, 0), drift = TRUE),
  arima_spec("(2,1,1) drift", c(2, 1, 1), drift = TRUE),
  arima_spec("(1,0,1) mean", c(1, 0, 1), mean = TRUE))
arima_seasonal <- list(
  arima_spec("(0,1,1)(0,1,1)", c(0, 1, 1), c(0, 1, 1)),
  arima_spec("(1,1,0)(1,1,0)", c(1, 1, 0), c(1, 1, 0)),
  arima_spec("(2,1,0)(0,1,1)", c(2, 1, 0), c(0, 1, 1)),
  arima_spec("(1,0,0)(0,1,1) drift", c(1, 0, 0), c(0, 1, 1), drift = TRUE))

arima_details <- function(fit, h, xreg_future = NULL, biasadj = NULL) {
  fc <- if (is.null(xreg_future)) forecast(fit, h = h, level = c(80, 95), biasadj = biasadj)
        else forecast(fit, xreg = xreg_future, level = c(80, 95), biasadj = biasadj)
  V <- fit$var.coef
  list(
    arima_string = forecast:::arima.string(fit, padding = FALSE),
    arma = list(p = fit$arma[1], q = fit$arma[2], P = fit$arma[3], Q = fit$arma[4],
                m = fit$arma[5], d = fit$arma[6], D = fit$arma[7]),
    coef = named(fit$coef),
    sigma2 = fit$sigma2, loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
    nobs = fit$nobs, n_cond = fit$n.cond,
    var_coef = if (length(V)) matrix_out(V) else NULL,
    forecast = fc_out(fc)
  )
}

arima_one <- function(y, spec, h, method = "CSS-ML") {
  r <- with_warnings({
    fit <- Arima(y, order = spec$order,
                 seasonal = list(order = spec$seasonal, period = frequency(y)),
                 include.mean = spec$mean, include.drift = spec$drift, method = method)
    arima_details(fit, h)
  })
  call <- sprintf("Arima(y, order = c(%s), seasonal = c(%s), include.mean = %s, include.drift = %s, method = \"%s\")",
                  paste(spec$order, collapse = ", "), paste(spec$seasonal, collapse = ", "),
                  spec$mean, spec$drift, method)
  if (inherits(r$value, "error"))
    return(add_warnings(list(call = call, dropped = paste("Arima error:", err_msg(r$value))),
                        r$warnings))
  add_warnings(c(list(call = call), r$value), r$warnings)
}

arima_out <- list()
t_arima <- system.time({
  for (id in names(series)) {
    s <- series[[id]]
    specs <- if (s$m > 1) arima_seasonal else arima_nonseasonal
    fits <- list()
    for (sp in specs) fits[[sp$label]] <- arima_one(s$y, sp, s$h)
    css <- arima_one(s$y, specs[[1]], s$h, method = "CSS")
    css$label <- specs[[1]]$label
    arima_out[[id]] <- list(fits = fits, css = css)
  }
})

airline <- Arima(ap, order = c(0, 1, 1), seasonal = c(0, 1, 1), lambda = 0)
airline_out <- c(list(call = paste("Arima(airpassengers, order = c(0,1,1), seasonal = c(0,1,1),",
                                   "lambda = 0); forecast(h = 24, biasadj = FALSE)")),
                 arima_details(airline, 24, biasadj = FALSE))

# ---- c. auto.arima, ndiffs, nsdiffs ----------------------------------------------------------

auto_one <- function(y) {
  tm <- system.time(r <- with_warnings(auto.arima(y)))
  fit <- r$value
  if (inherits(fit, "error"))
    return(add_warnings(list(dropped = paste("auto.arima error:", err_msg(fit))), r$warnings))
  cf <- fit$coef
  add_warnings(list(arima_string = forecast:::arima.string(fit, padding = FALSE),
       order = vec(fit$arma[c(1, 6, 2)]), seasonal = vec(fit$arma[c(3, 7, 4)]),
       m = fit$arma[5],
       include_mean = "intercept" %in% names(cf), include_drift = "drift" %in% names(cf),
       coef = named(cf), aicc = fit$aicc, aic = fit$aic, bic = fit$bic,
       loglik = fit$loglik, sigma2 = fit$sigma2,
       seconds = round(unname(tm["elapsed"]), 3)), r$warnings)
}

# What auto.arima's differencing step sees: D <- nsdiffs(y) when m > 1 and n > 2m (else 0), then
# d <- ndiffs(diff(y, lag = m, differences = D)).
diffs_one <- function(y) {
  m <- frequency(y)
  out <- list(ndiffs = ndiffs(y))
  D <- 0
  if (m > 1) {
    out$nsdiffs <- nsdiffs(y)
    out$nsdiffs_ocsb <- tryCatch(nsdiffs(y, test = "ocsb"), error = function(err) NULL)
    out$seas_heuristic <- forecast:::seas.heuristic(y)
    if (length(y) > 2 * m) D <- out$nsdiffs
  }
  out$auto_arima_D <- D
  out$auto_arima_d <- ndiffs(if (D > 0) diff(y, lag = m, differences = D) else y)
  out
}

auto_subset <- list()
diffs_subset <- list()
t_auto_subset <- system.time({
  for (id in names(series)) auto_subset[[id]] <- auto_one(series[[id]]$y)
})
for (id in names(series)) diffs_subset[[id]] <- diffs_one(series[[id]]$y)

e10 <- read.csv(file.path(ref_dir, "m3_every10.csv"),
                colClasses = c("character", "character", "integer", "integer", "character"))
auto_every10 <- list()
diffs_every10 <- list()
t_auto_every10 <- system.time({
  for (i in seq_len(nrow(e10))) {
    y <- ts(as.numeric(strsplit(e10$y[i], " ", fixed = TRUE)[[1]]), frequency = e10$m[i])
    stopifnot(length(y) == e10$n[i])
    auto_every10[[e10$id[i]]] <- c(list(category = e10$category[i]), auto_one(y))
  }
})
for (i in seq_len(nrow(e10))) {
  y <- ts(as.numeric(strsplit(e10$y[i], " ", fixed = TRUE)[[1]]), frequency = e10$m[i])
  diffs_every10[[e10$id[i]]] <- diffs_one(y)
}

# ---- d. theta and simple methods ---------------------------------------------------------------

# thetaf's own seasonality decision, as the function computes it (90 % one-sided test on the
# lag-m autocorrelation, with Bartlett's variance from lags 1..m-1).
theta_seasonal <- function(x) {
  m <- frequency(x); n <- length(x)
  if (m > 1 && !is.constant(x) && n > 2 * m) {
    r <- as.numeric(acf(x, lag.max = m, plot = FALSE)$acf)[-1]
    stat <- sqrt((1 + 2 * sum(r[-m]^2)) / n)
    list(seasonal = abs(r[m]) / stat > qnorm(0.95), statistic = abs(r[m]) / stat)
  } else list(seasonal = FALSE, statistic = NULL)
}

ets_method <- function(expr) {
  fc <- tryCatch(expr, error = function(err) err)
  if (inherits(fc, "error")) return(list(dropped = err_msg(fc)))
  list(ets_method = fc$model$method, ets_components = strs(fc$model$components),
       par = named(fc$model$par), initstate = named(fc$model$initstate),
       loglik = fc$model$loglik, mse = fc$model$mse, sigma2 = fc$model$sigma2,
       forecast = fc_out(fc, intervals = FALSE))
}

methods_out <- list()
for (id in names(series)) {
  s <- series[[id]]; y <- s$y; h <- s$h
  th <- thetaf(y, h = h)
  o <- list(
    thetaf = c(list(alpha = unname(th$model$alpha), drift = unname(th$model$drift),
                    ses_sigma2 = th$model$sigma),
               theta_seasonal(y), fc_out(th)),
    ses = ets_method(ses(y, h = h)),
    holt = ets_method(holt(y, h = h)),
    holt_damped = ets_method(holt(y, h = h, damped = TRUE)))
  if (s$m > 1) {
    o$hw_additive <- ets_method(hw(y, h = h, seasonal = "additive"))
    o$hw_multiplicative <- ets_method(hw(y, h = h, seasonal = "multiplicative"))
  }
  o$meanf <- fc_out(meanf(y, h = h))
  o$naive <- fc_out(naive(y, h = h))
  if (s$m > 1) o$snaive <- fc_out(snaive(y, h = h))
  rw <- rwf(y, h = h, drift = TRUE)
  o$rwf_drift <- c(list(drift = unname(rw$model$par$drift), drift_se = unname(rw$model$par$drift.se),
                        sd = rw$model$sigma2^0.5), fc_out(rw))
  methods_out[[id]] <- o
}

# Croston on the intermittent set.
d_int <- read.csv(file.path(ref_dir, "intermittent.csv"),
                  colClasses = c("character", "integer", "numeric"))
croston_h <- 12
croston_out <- list()
for (id in unique(d_int$id)) {
  y <- ts(d_int$y[d_int$id == id])
  fc <- croston(y, h = croston_h, alpha = 0.1)
  croston_out[[id]] <- list(
    n = length(y), h = croston_h, alpha = 0.1,
    mean = vec(fc$mean), fitted = vec(fc$fitted),
    demand_final_level = unname(fc$model$demand$mean[1]),
    interval_final_level = unname(fc$model$period$mean[1]),
    demand_sizes = vec(y[y > 0]),
    intervals_between_demands = vec(diff(c(0, which(y > 0)))))
}

# tslm(y ~ trend + season).
# AirPassengers and the first two monthly and first two quarterly series of the M3 subset.
m3_ids_of <- function(cat) setdiff(names(series)[sapply(series, function(s) s$category == cat)],
                                   "airpassengers")
tslm_ids <- na.omit(c("airpassengers", m3_ids_of("monthly")[1:2], m3_ids_of("quarterly")[1:2]))
tslm_out <- list()
for (id in tslm_ids) {
  y <- series[[id]]$y
  fit <- tslm(y ~ trend + season)
  fc <- forecast(fit, h = series[[id]]$h, level = c(80, 95))
  tslm_out[[id]] <- c(list(call = "tslm(y ~ trend + season)", coef = named(coef(fit)),
                           sigma = summary(fit)$sigma, df_residual = fit$df.residual),
                      fc_out(fc))
}

# tslm with Fourier terms (K = 3) on AirPassengers.
y <- ap
fit <- tslm(y ~ trend + fourier(y, K = 3))
X_future <- fourier(y, K = 3, h = 24)
fc <- forecast(fit, newdata = data.frame(X_future), level = c(80, 95))
X_train <- fourier(y, K = 3)
tslm_fourier_out <- c(list(call = paste("tslm(y ~ trend + fourier(y, K = 3));",
                                        "forecast(fit, newdata = data.frame(fourier(y, K = 3, h = 24)))"),
                           coef = named(coef(fit)), sigma = summary(fit)$sigma,
                           fourier_train = matrix_out(X_train),
                           fourier_future = matrix_out(X_future)),
                      fc_out(fc))

# ARIMA(1,1,1) on log(AirPassengers) with Fourier K = 2 regressors.
ly <- log(ap)
X2 <- fourier(ap, K = 2)
fit <- Arima(ly, order = c(1, 1, 1), xreg = X2)
arima_xreg_out <- c(list(call = paste("Arima(log(airpassengers), order = c(1,1,1),",
                                      "xreg = fourier(airpassengers, K = 2));",
                                      "forecast(fit, xreg = fourier(airpassengers, K = 2, h = 24))"),
                         scale = "log (forecasts not back-transformed)",
                         xreg_columns = strs(colnames(X2))),
                    arima_details(fit, 24, xreg_future = fourier(ap, K = 2, h = 24)))

# ---- e. Box-Cox -----------------------------------------------------------------------------------

fit <- ets(ap, model = "AAA", damped = FALSE, lambda = 0)
fc <- forecast(fit, h = 24, level = c(80, 95), biasadj = FALSE)
ets_boxcox_out <- list(
  call = "ets(airpassengers, model = 'AAA', damped = FALSE, lambda = 0); forecast(h = 24, biasadj = FALSE)",
  method = fit$method, par = named(fit$par), initstate = named(fit$initstate),
  loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2,
  forecast = fc_out(fc))

# ---- write ------------------------------------------------------------------------------------

failures <- list()
for (id in names(ets_out)) for (code in names(ets_out[[id]]$models)) {
  r <- ets_out[[id]]$models[[code]]
  if (!is.null(r$dropped)) failures[[length(failures) + 1]] <- list(what = "ets", series = id, model = code, reason = r$dropped)
}
for (id in names(arima_out)) for (lab in c(names(arima_out[[id]]$fits), "css")) {
  r <- if (lab == "css") arima_out[[id]]$css else arima_out[[id]]$fits[[lab]]
  if (!is.null(r$dropped)) failures[[length(failures) + 1]] <- list(what = "arima", series = id, model = if (lab == "css") paste("CSS", r$label) else lab, reason = r$dropped)
}
for (id in names(methods_out)) for (mm in names(methods_out[[id]])) {
  r <- methods_out[[id]][[mm]]
  if (!is.null(r$dropped)) failures[[length(failures) + 1]] <- list(what = mm, series = id, reason = r$dropped)
}

timing <- function(t) list(elapsed = round(unname(t["elapsed"]), 3),
                           user = round(unname(t["user.self"]), 3))
warned <- list()
for (id in names(ets_out)) for (code in names(ets_out[[id]]$models)) {
  r <- ets_out[[id]]$models[[code]]
  if (!is.null(r$warnings)) warned[[length(warned) + 1]] <- list(what = "ets", series = id, model = code, warnings = r$warnings)
}
for (id in names(arima_out)) for (lab in c(names(arima_out[[id]]$fits), "css")) {
  r <- if (lab == "css") arima_out[[id]]$css else arima_out[[id]]$fits[[lab]]
  if (!is.null(r$warnings)) warned[[length(warned) + 1]] <- list(what = "arima", series = id, model = if (lab == "css") paste("CSS", r$label) else lab, warnings = r$warnings)
}
doc <- list(
  tool = "R",
  versions = list(R = R.version.string,
                  forecast = as.character(packageVersion("forecast")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  notes = list(
    series = paste("M3 series are ts(y, frequency = m) starting at (1, 1); AirPassengers starts",
                   "1949-01. h is the M3 horizon (yearly 6, quarterly 8, monthly 18, other 8),",
                   "24 for AirPassengers."),
    ets = paste("ets(y, model = 'EXS', damped = TRUE/FALSE) with all other arguments at their",
                "defaults (opt.crit 'lik', bounds 'both', nmse 3). par = fit$par in R's order and",
                "names (alpha, beta, gamma, phi, l, b, s0 .. s{m-2}); initstate = fit$initstate",
                "(l, b, s1 .. sm: all m seasonal states, the last one implied). loglik = -0.5 * lik,",
                "lik = n log(SSE) (+ 2 sum log|yhat_t| for multiplicative error), with e_t the",
                "relative error for multiplicative error. aic = lik + 2(np + 1), np = length(par).",
                "sigma2 = SSE / (n - np). lik_at_par = forecast:::pegelsresid.C(y, m, initstate,",
                "...)$lik at R's parameters. fitted/residuals only for airpassengers."),
    ets_intervals = paste("interval_class: forecast.ets computes class 1 (additive error, N/A",
                          "trend and season), class 2 (multiplicative error, N/A trend and",
                          "season) and class 3 (multiplicative error and season, N/A trend)",
                          "analytically; only multiplicative-trend models are simulated, and none",
                          "is fitted here. Limits recorded: every class for airpassengers,",
                          "class 1 only for the M3 series (to keep the file small); final_state",
                          "(the state after the last observation) for airpassengers only."),
    arima = paste("Arima(y, order, seasonal = list(order, period = m), include.mean = TRUE,",
                  "include.drift, method) with method 'CSS-ML' (the default); 'css' is the first",
                  "order of the list refitted with method 'CSS'. include.mean is ignored when",
                  "d + D > 0. var_coef is fit$var.coef."),
    auto_arima = "auto.arima(y) with all defaults; seconds is the elapsed time of the call.",
    differencing = paste("ndiffs(y) (KPSS, level, alpha 0.05), nsdiffs(y) (default test 'seas':",
                         "differences if the seasonal strength seas_heuristic > 0.64), and the",
                         "D and d auto.arima derives: D = nsdiffs(y) if n > 2m else 0, then",
                         "d = ndiffs(diff(y, lag = m, differences = D))."),
    thetaf = paste("thetaf(y, h): multiplicative classical decomposition if the lag-m ACF test",
                   "(90 %) says seasonal; ses() (ets ANN, opt.crit 'mse') on the adjusted series;",
                   "mean + drift * (0:(h-1) + (1 - (1 - alpha)^n) / alpha), drift = half the OLS",
                   "slope on 0:(n-1); reseasonalised. Interval half-width z * sqrt(ses sigma2) *",
                   "sqrt(j * alpha^2 + 1), j = 0..h-1, around the reseasonalised mean (not",
                   "reseasonalised itself)."),
    ses_holt_hw = paste("ses = ets(y, 'ANN', opt.crit = 'mse'); holt = ets(y, 'AAN', damped,",
                        "opt.crit = 'mse'); hw = ets(y, 'AAA' or 'MAM', damped = FALSE,",
                        "opt.crit = 'mse'). All with initial = 'optimal' (the default)."),
    croston = paste("croston(y, h = 12, alpha = 0.1): ses(initial = 'simple', alpha = 0.1) on",
                    "the nonzero sizes and on the intervals between them (first interval counted",
                    "from t = 0); forecast = size level / interval level. fitted[t] is the",
                    "one-step forecast from y[1..t-1] (null where undefined)."),
    tslm = "tslm(y ~ trend + season): trend = 1..n, season = factor(cycle(y)), first level the baseline.",
    fourier = "fourier(x, K): columns S1-m, C1-m, S2-m, C2-m, ...; S_k = sin(2 pi k t / m), t = 1..n (h: n+1..n+h)."
  ),
  series = series_info,
  ets = ets_out,
  arima = arima_out,
  arima_airline_log_airpassengers = airline_out,
  auto_arima = list(
    subset = auto_subset,
    every10 = auto_every10,
    timing_seconds = list(subset = timing(t_auto_subset), every10 = timing(t_auto_every10),
                          every10_series = length(auto_every10))),
  differencing = list(subset = diffs_subset, every10 = diffs_every10),
  methods = methods_out,
  croston = croston_out,
  tslm = tslm_out,
  tslm_fourier_airpassengers = tslm_fourier_out,
  arima_xreg_airpassengers = arima_xreg_out,
  ets_boxcox_airpassengers = ets_boxcox_out,
  failures = failures,
  warnings = warned,
  timing_seconds = list(ets = timing(t_ets), arima = timing(t_arima))
)

writeLines(toJSON(prep(doc), auto_unbox = TRUE, pretty = FALSE, json_verbatim = TRUE,
                  null = "null", na = "null"),
           out_file)
cat("wrote", out_file, "\n")
cat("auto.arima seconds: subset", t_auto_subset["elapsed"], "every10", t_auto_every10["elapsed"], "\n")
cat("failures:", length(failures), "\n")
