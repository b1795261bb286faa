-- The statistics of the airline series, step by step, as a Box–Jenkins analysis
-- begins: transform, test for stationarity, difference, read the correlograms,
-- decompose, and score two simple forecasts. Every number here is tested
-- against R's forecast package (Tests/References/).
-- Run: almanac run examples/statistics.lua

local air = data.dataset("airpassengers")
print(air:head(3))
print()

-- The variance grows with the level: Box–Cox with Guerrero's λ (near 0: a log).
local lambda = air:boxcox_lambda()
print(("Box–Cox λ (Guerrero): %.4f   (profile likelihood: %.2f)"):format(lambda, air:boxcox_lambda{ method = "loglik" }))
local y = air:log()

-- Stationarity: KPSS rejects a stationary level for log(y), not after differencing.
local k0, k1 = y:kpss(), y:diff():kpss()
print(("KPSS log(y): stat %.3f, p %.2f   diff(log(y)): stat %.3f, p %.2f"):format(
  k0.statistic, k0.p_value, k1.statistic, k1.p_value))
print(("forecast's rules: ndiffs = %d, nsdiffs = %d (seasonal strength %.3f)"):format(
  y:ndiffs(), y:nsdiffs(), y:seasonal_strength()))

-- The Box–Jenkins "airline model" series: seasonal and first differences of the log.
local w = y:diff(12):diff(1)
local acf, pacf = w:acf(12), w:pacf(12)
local bound = 1.96 / math.sqrt(#w)
print()
print(("lag    acf    pacf     (significant beyond ±%.3f)"):format(bound))
for lag = 1, 12 do
  local mark = math.abs(acf[lag]) > bound and "*" or " "
  print(("%3d  %6.3f %s %6.3f"):format(lag, acf[lag], mark, pacf[lag]))
end
local lb = w:ljung_box{ lag = 24 }
print(("Ljung–Box (24 lags): Q = %.1f, p = %.2g: the differenced series is not white noise yet"):format(lb.statistic, lb.p_value))

-- Decompositions: STL (robust to nothing here) and the classical one.
local stl = y:stl{ s_window = 7 }
local classical = air:decompose("multiplicative")
print()
print(("STL of log(y), 1960-07: trend %.4f, seasonal %+.4f, remainder %+.4f"):format(
  stl.trend[139], stl.seasonal[139], stl.remainder[139]))
print(("classical (multiplicative), seasonal factor of July: %.4f"):format(classical.seasonal[7]))

-- Two benchmark forecasts for the last two years, scored on the holdout.
local train, test = air:split(24)
local naive, snaive = {}, {}
for i = 1, 24 do
  naive[i] = train[#train]
  snaive[i] = train[#train - 12 + ((i - 1) % 12) + 1]
end
print()
print("holdout 1959-1960      MAE    RMSE   sMAPE   MASE")
for name, fc in pairs({ naive = naive, ["seasonal naive"] = snaive }) do
  local a = metrics.accuracy(test, fc, { training = train })
  print(("%-18s %7.2f %7.2f %7.2f %6.3f"):format(name, a.mae, a.rmse, a.smape, a.mase))
end
