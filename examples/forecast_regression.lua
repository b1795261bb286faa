-- Weekly sales regressed on a trend, yearly seasonality (Fourier terms), price and
-- promotions, as R's tslm: fit, read the effects, forecast with a price and
-- promotion plan. The model and its intervals are tested against R
-- (Tests/References/regression_reference.R).
-- Run: almanac run examples/forecast_regression.lua

local panel = data.synthetic_retail{ skus = 4, periods = 104, seed = 2 }
local key = panel:keys()[3]  -- a regular item whose price moves apart from its promotions
local sales = panel:series(key)
local price, promo = panel:covariate(key, "price"), panel:covariate(key, "promo")

-- The fourth argument gives the covariates' values, one per week of the series.
local m = forecast.fit("regression", sales,
  { season = "fourier", fourier_k = 3, covariates = { "price", "promo" } },
  { price = price, promo = promo })
print(m)
local p = m:params()
print(("a promotion adds %.1f units a week (standard error %.1f); a unit of price changes sales by %.1f"):format(
  p.promo, p.promo_se, p.price))
print()

-- The next four weeks: the price stays at its last value, a promotion in week 3.
local last = price[#price]
local fc = m:forecast{ h = 4, future = { price = { last, last, last, last }, promo = { 0, 0, 1, 0 } } }
for _, row in ipairs(fc:rows()) do
  print(("%s  %6.1f   95%%: %6.1f to %6.1f"):format(row.date, row.mean, row.lower_95, row.upper_95))
end

-- Without the plan the model cannot forecast, and says what it needs.
local ok, message = pcall(function() return m:forecast{ h = 4 } end)
print()
print(ok, message)
