-- ---
-- title: "Lab 4: ARIMA, the Box–Jenkins way"
-- author: Almanac teaching labs
-- seed: 1
-- description: Identify, estimate and check a seasonal ARIMA model for the airline passengers, then compare with auto_arima.
-- ---

-- %% [markdown]
-- ## 1. Look at the data
-- Box and Jenkins' airline data: monthly international passengers (thousands), 1949–1960.
-- Before fitting anything, plot the data. The trend is obvious, and so is the yearly season.
-- Look also at the size of the swings: they grow as the level grows. That points to a
-- multiplicative pattern, which a logarithm turns into an additive one.

-- %% Plot
local air = data.dataset("airpassengers")
print(air.start, air.finish, #air, "observations, period", air.period)
plot.series(air, { title = "Air passengers (thousands)", caption = "The raw series: trend, season, growing swings" })
local y = air:log()
plot.series(y, { title = "log(passengers)", caption = "On the log scale the seasonal swings have a constant size" })

-- %% [markdown]
-- ## 2. Stationarity and differencing
-- ARMA models need a stationary series. The KPSS test's null hypothesis is stationarity, so a
-- small p-value says "difference". `ndiffs` and `nsdiffs` apply the same rules as R's forecast
-- package.

-- %% Tests
local k0 = y:kpss()
print(("KPSS on log(y):            statistic %.3f, p-value %.3f"):format(k0.statistic, k0.p_value))
print("seasonal differences needed (nsdiffs):", y:nsdiffs())
local ys = y:diff(12)
print("then first differences needed (ndiffs):", ys:ndiffs())
local w = ys:diff(1)
local k1 = w:kpss()
print(("KPSS on the differenced series: statistic %.3f, p-value %.3f"):format(k1.statistic, k1.p_value))
plot.series(w, { title = "(1 − B)(1 − B¹²) log(passengers)", caption = "After one seasonal and one ordinary difference" })

-- %% [markdown]
-- ## 3. Identification: reading the ACF and PACF
-- On the differenced series, look for lags where the bars leave the ±1.96/√n band:
--
-- * a spike at lag 1 in the ACF, cutting off after it, suggests a non-seasonal MA(1);
-- * a spike at lag 12, cutting off after it, suggests a seasonal MA(1);
-- * the PACF decays rather than cutting off, which is consistent with MA terms.
--
-- The candidate is therefore ARIMA(0,1,1)(0,1,1)₁₂, the "airline model".

-- %% Correlogram
plot.acf(w, { lags = 36, caption = "ACF and PACF of the differenced log series" })
local r = w:acf(13)
print(("r(1) = %.3f, r(12) = %.3f, bound ±%.3f"):format(r[1], r[12], 1.96 / math.sqrt(#w)))

-- %% [markdown]
-- ## 4. Estimation and comparison of candidates
-- Exact maximum likelihood through the Kalman filter, as R's `arima`. AICc compares models fitted
-- to the same differenced data.

-- %% Estimate
local candidates = {
  { "(0,1,1)(0,1,1)", { 0, 1, 1 }, { 0, 1, 1 } },
  { "(1,1,0)(0,1,1)", { 1, 1, 0 }, { 0, 1, 1 } },
  { "(1,1,1)(0,1,1)", { 1, 1, 1 }, { 0, 1, 1 } },
  { "(0,1,1)(1,1,0)", { 0, 1, 1 }, { 1, 1, 0 } },
}
local rows, airline = {}, nil
for _, c in ipairs(candidates) do
  local m = forecast.fit("arima", y, { order = c[2], seasonal = c[3] })
  rows[#rows + 1] = { model = "ARIMA" .. c[1], loglik = m.loglik, aicc = m.aicc, sigma2 = m.sigma2 }
  if c[1] == "(0,1,1)(0,1,1)" then airline = m end
end
report.table(rows, { columns = { "model", "loglik", "aicc", "sigma2" } })
print(airline:summary())

-- %% [markdown]
-- ## 5. Diagnostic checking
-- A good model leaves residuals that look like white noise. The four-panel plot shows them over
-- time, their ACF, their histogram and a normal Q–Q plot. The Ljung–Box test asks whether the
-- first 24 autocorrelations are jointly zero. Use fitdf = 2 because two coefficients were
-- estimated.

-- %% Diagnostics
plot.residuals(airline, { caption = "Residuals of the airline model" })
local lb = airline:residuals():ljung_box{ lag = 24, fitdf = 2 }
print(("Ljung–Box: Q* = %.2f on %d df, p-value %.3f"):format(lb.statistic, lb.df, lb.p_value))

-- %% [markdown]
-- ## 6. auto_arima, forecasts and a backtest
-- `auto_arima` runs the Hyndman–Khandakar stepwise search: KPSS for d, seasonal strength for D,
-- then AICc. Does it agree with the hand-identified model? We then forecast two years with 80 %
-- and 95 % intervals, back on the original scale. Finally a rolling-origin backtest compares
-- the airline model with the seasonal naive benchmark.

-- %% Forecast
local auto = forecast.fit("auto_arima", y)
print("auto_arima chose", auto.method, ("AICc %.2f"):format(auto.aicc))
local fc = airline:forecast{ h = 24, levels = { 80, 95 } }
plot.forecast(y, fc, { last = 72, title = "Airline model: two years ahead (log scale)", caption = "Forecasts with 80 % and 95 % intervals" })
local bt_airline = forecast.backtest("arima", y, { h = 12, windows = 4, params = { order = { 0, 1, 1 }, seasonal = { 0, 1, 1 } } })
local bt_naive = forecast.backtest("snaive", y, { h = 12, windows = 4 })
report.table({
  { model = "airline ARIMA", MAE = bt_airline.metrics.mae, MASE = bt_airline.metrics.mase },
  { model = "seasonal naive", MAE = bt_naive.metrics.mae, MASE = bt_naive.metrics.mase },
}, { columns = { "model", "MAE", "MASE" } })

-- %% [markdown]
-- ## Exercises
-- Answers are in `arima_solutions.md`.
--
-- 1. Fit the airline model to the raw series (no log). Compare the residual plots. What goes wrong?
-- 2. Drop the seasonal difference (seasonal = { 0, 0, 1 }). What do the ACF of the residuals and
--    the Ljung–Box test say?
-- 3. The table in step 4 compares AICc across models with the same differencing. Why is it
--    meaningless to compare AICc between a model with d = 1 and one with d = 0?
-- 4. Backtest with windows = 8 instead of 4. Does the ranking of the two models change?
