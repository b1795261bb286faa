# Reference values for Almanac's `regression` model (a tslm-style linear model) from R's lm and
# forecast::tslm, for cases with covariates, and the likelihood figures for AirPassengers that
# forecast_reference.R does not record.
#
# Run from the repository root:
#     Rscript Tests/References/regression_reference.R
# Writes Tests/References/regression_sales.csv (only when it does not exist yet, so the data stay
# fixed) and Tests/References/regression_reference_r.json. Takes a second.
#
# The synthetic series: 60 months of sales from 2019-01 with a trend, a yearly cycle, a price
# effect and promotions, plus 12 future months whose price and promo are known (sales empty).
# The values are rounded (sales to 0.1, price to 0.01) so that the CSV holds them exactly; the
# fits read the CSV back, so R and Swift see the same numbers.
#
# Every double is written with the shortest of %.15g/%.16g/%.17g that reads back identical,
# as in forecast_reference.R. Named vectors are {"names": [...], "values": [...]}.

suppressPackageStartupMessages({
  library(jsonlite)
  library(forecast)
})

ref_dir <- file.path("Tests", "References")
csv_file <- file.path(ref_dir, "regression_sales.csv")
out_file <- file.path(ref_dir, "regression_reference_r.json")

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
vec <- function(x) I(as.numeric(x))
strs <- function(x) I(as.character(x))
named <- function(x) list(names = strs(names(x)), values = vec(x))

# ---- the synthetic data ---------------------------------------------------------------------

if (!file.exists(csv_file)) {
  set.seed(20240611)
  n_all <- 72
  t <- seq_len(n_all)
  price <- round(10 + 0.8 * sin(2 * pi * t / 17) + rnorm(n_all, sd = 0.4), 2)
  promo <- as.numeric(runif(n_all) < 0.2)
  sales <- round(200 + 1.5 * t + 15 * sin(2 * pi * t / 12) + 6 * cos(4 * pi * t / 12)
                 - 8 * price + 30 * promo + rnorm(n_all, sd = 6), 1)
  sales[61:72] <- NA
  dates <- sprintf("%04d-%02d", 2019 + (t - 1) %/% 12, (t - 1) %% 12 + 1)
  write.csv(data.frame(date = dates, sales = sales, price = sprintf("%.2f", price), promo = promo),
            csv_file, row.names = FALSE, quote = FALSE, na = "")
}
d <- read.csv(csv_file, colClasses = c("character", "numeric", "numeric", "numeric"))
n <- sum(!is.na(d$sales))
h <- nrow(d) - n
stopifnot(n == 60, h == 12, all(!is.na(d$sales[1:n])))
y <- ts(d$sales[1:n], start = c(2019, 1), frequency = 12)
price <- d$price[1:n]
promo <- d$promo[1:n]
future <- data.frame(price = d$price[(n + 1):(n + h)], promo = d$promo[(n + 1):(n + h)])

# Everything the tests compare for one lm fit and its forecast.
fit_out <- function(call, fit, fc) {
  s <- summary(fit)
  ll <- logLik(fit)
  cv <- CV(fit)
  list(call = call,
       coef = named(coef(fit)),
       se = named(s$coefficients[, "Std. Error"]),
       sigma = s$sigma, df_residual = fit$df.residual,
       loglik = as.numeric(ll), loglik_df = attr(ll, "df"),
       aic = AIC(fit), bic = BIC(fit),
       # CV() is on extractAIC's scale (no constant); its AICc − AIC is the small-sample term,
       # which the tests add to AIC(fit).
       cv_aic = unname(cv["AIC"]), cv_aicc = unname(cv["AICc"]), cv_bic = unname(cv["BIC"]),
       fitted = vec(fitted(fit)), residuals = vec(residuals(fit)),
       mean = vec(fc$mean),
       lower80 = vec(fc$lower[, 1]), upper80 = vec(fc$upper[, 1]),
       lower95 = vec(fc$lower[, 2]), upper95 = vec(fc$upper[, 2]))
}

# 1. Trend, seasonal dummies, price and promo.
fit1 <- tslm(y ~ trend + season + price + promo)
fc1 <- forecast(fit1, newdata = future, level = c(80, 95))
case1 <- fit_out("tslm(y ~ trend + season + price + promo); forecast(fit, newdata = future)", fit1, fc1)

# 2. No trend; Fourier K = 2 (as plain columns, so newdata can carry them) with price and promo.
F_train <- fourier(y, K = 2)
F_future <- fourier(y, K = 2, h = h)
S1 <- F_train[, 1]; C1 <- F_train[, 2]; S2 <- F_train[, 3]; C2 <- F_train[, 4]
fit2 <- tslm(y ~ S1 + C1 + S2 + C2 + price + promo)
new2 <- cbind(future, S1 = F_future[, 1], C1 = F_future[, 2], S2 = F_future[, 3], C2 = F_future[, 4])
fc2 <- forecast(fit2, newdata = new2, level = c(80, 95))
case2 <- fit_out(paste("tslm(y ~ S1 + C1 + S2 + C2 + price + promo) with fourier(y, K = 2) as columns;",
                       "forecast(fit, newdata = future and fourier(y, K = 2, h = 12))"), fit2, fc2)

# 3. AirPassengers, trend + season: the standard errors and likelihood figures.
d_ap <- read.csv(file.path("data", "datasets", "airpassengers.csv"), colClasses = c("character", "numeric"))
ap <- ts(d_ap$value, start = c(1949, 1), frequency = 12)
fit3 <- tslm(ap ~ trend + season)
fc3 <- forecast(fit3, h = 24, level = c(80, 95))
case3 <- fit_out("tslm(airpassengers ~ trend + season); forecast(fit, h = 24)", fit3, fc3)

# 4. What R does with a constant covariate: lm aliases it (NA coefficient), which Almanac
#    refuses with an error instead; recorded so the difference is documented, not tested.
const <- rep(1, n)
fit4 <- tslm(y ~ trend + const)
case4 <- list(call = "tslm(y ~ trend + const) with const = 1", coef_names = strs(names(coef(fit4))),
              aliased = strs(names(coef(fit4))[is.na(coef(fit4))]))

out <- list(
  tool = "R",
  versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  data = list(csv = "Tests/References/regression_sales.csv", n = n, h = h, start = "2019-01", frequency = 12),
  trend_season_price_promo = case1,
  fourier2_price_promo = case2,
  airpassengers_trend_season = case3,
  constant_covariate = case4)
writeLines(toJSON(prep(out), auto_unbox = TRUE, pretty = FALSE, json_verbatim = TRUE), out_file)
cat("wrote", out_file, "\n")
