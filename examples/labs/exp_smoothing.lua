-- ---
-- title: "Lab 5: exponential smoothing, from SES to ETS"
-- author: Almanac teaching labs
-- seed: 5
-- description: Simple exponential smoothing, Holt's trend and its damped form, Holt–Winters' seasons, then the ETS family chosen by AICc (the numbers agree with R's forecast package).
-- ---

-- %% [markdown]
-- ## 1. Simple exponential smoothing
-- The annual flow of the Nile at Aswan, 1871–1970, has no trend and no season, only a level
-- that drifts. **Simple exponential smoothing** (SES) tracks that level. After each observation
-- it moves the level a fraction α of the way towards the new value:
--
--     ℓ_t = α·y_t + (1 − α)·ℓ_{t−1},        ŷ_{t+h|t} = ℓ_t   for every h
--
-- Unrolled, ℓ_t = Σ_j α(1 − α)^j·y_{t−j} + (1 − α)^t·ℓ_0: a weighted average whose weights
-- decay geometrically into the past. A small α gives a long memory and a smooth level. α near 1
-- follows the last observation (the naive forecast). α and the starting level ℓ_0 are chosen
-- to minimise the squared one-step errors, as R's `ses()` does.
--
-- **Same as R.** `forecast::ses(Nile)` reports α = 0.2457, ℓ_0 = 1110.7341, σ = 144.2318 and
-- AICc = 1459.031. The cell prints Almanac's values.

-- %% SES on the Nile
local nile = data.dataset("nile")
local ses = forecast.fit("ses", nile)
local a, l0 = ses:params().alpha, ses:params().l
print(ses.method)
print(("alpha = %.4f, l0 = %.4f, sigma = %.4f, AICc = %.3f"):format(a, l0, math.sqrt(ses.sigma2), ses.aicc))
-- The recursion by hand: the one-step forecast of y_t is the level after t − 1 observations.
local level, worst = l0, 0
local fitted = ses:fitted()
for t = 1, #nile do
  worst = math.max(worst, math.abs(fitted[t] - level))
  level = a * nile[t] + (1 - a) * level
end
print(("the recursion by hand matches m:fitted() to %.1e; forecast for 1971: %.2f"):format(worst, level))

-- %% [markdown]
-- The smoothing parameter sets a trade-off. The chart shows the fits for α = 0.1 (smooth, slow
-- to follow the drop around 1900) and α = 0.9 (it follows every wiggle). The table gives the
-- one-step mean squared error for a few values of α (ℓ_0 re-estimated each time).

-- %% Choosing alpha
local rows = {}
for _, alpha in ipairs({ 0.1, a, 0.5, 0.9 }) do
  local m = forecast.fit("ses", nile, { alpha = alpha })
  local sse = 0
  for _, e in ipairs(m:residuals():values()) do sse = sse + e * e end
  rows[#rows + 1] = { alpha = alpha, l0 = m:params().l, one_step_mse = sse / #nile }
end
report.table(rows, { columns = { "alpha", "l0", "one_step_mse" } })
plot.series({ nile, forecast.fit("ses", nile, { alpha = 0.1 }):fitted():rename("SES, alpha = 0.1"),
              forecast.fit("ses", nile, { alpha = 0.9 }):fitted():rename("SES, alpha = 0.9") },
  { title = "Nile flow and two SES fits", ylabel = "flow (10⁸ m³)", caption = "One-step SES forecasts with a small and a large alpha" })

-- %% [markdown]
-- ## 2. Trend: Holt's linear method
-- From here on we use the airline passengers. We fit on 1949–1958 and keep 1959–1960 (24
-- months) as a **holdout**. The models never see it, and we use it to score their forecasts.
-- The series climbs, so a flat SES forecast must fall behind. **Holt's method** adds a slope
-- b_t. In the error-correction form that R and Almanac estimate, with e_t = y_t − (ℓ_{t−1} +
-- b_{t−1}) the one-step error:
--
--     ℓ_t = ℓ_{t−1} + b_{t−1} + α·e_t
--     b_t = b_{t−1} + β·e_t                  ŷ_{t+h|t} = ℓ_t + h·b_t
--
-- (The textbook smoothing form uses β\* = β/α.) A straight line extrapolated for years is bold.
-- The **damped trend** multiplies the slope by φ < 1 each step, so the forecast levels off:
-- ŷ_{t+h|t} = ℓ_t + (φ + φ² + … + φ^h)·b_t.

-- %% Holt
local air = data.dataset("airpassengers")
local train, test = air:split(24)
local fits = {
  { "SES", forecast.fit("ses", train) },
  { "Holt", forecast.fit("holt", train) },
  { "Holt, damped", forecast.fit("holt", train, { damped = true }) },
}
local lines = { test:rename("actual 1959–60") }
for _, f in ipairs(fits) do
  local p = f[2]:params()
  print(("%-13s %-14s alpha %.4f  beta %s  phi %s"):format(f[1], f[2].method, p.alpha,
    p.beta and ("%.5f"):format(p.beta) or "-", p.phi and ("%.4f"):format(p.phi) or "-"))
  lines[#lines + 1] = f[2]:forecast{ h = 24 }.mean:rename(f[1])
end
plot.series(lines, { title = "Forecasts without a season", ylabel = "passengers (thousands)",
  caption = "SES, Holt and damped Holt against the two held-out years" })

-- %% [markdown]
-- All three set α ≈ 1. The season is not in the model, so the best one-step forecast is
-- roughly the last value. The forecasts miss the summer peaks entirely: the season has to go
-- into the model.
--
-- ## 3. Season: Holt–Winters
-- **Holt–Winters** adds m = 12 seasonal states s_t, updated with their own smoothing parameter γ.
-- The season can add to the level or multiply it:
--
--     additive:        ŷ_{t+h|t} = ℓ_t + h·b_t + s_{t+h−m}
--     multiplicative:  ŷ_{t+h|t} = (ℓ_t + h·b_t)·s_{t+h−m}
--
-- In the passenger data the summer peaks grow with the level (Lab 4 took logs for that reason).
-- That is the signature of a multiplicative season: a constant *percentage* swing.

-- %% Holt–Winters
local hw_add = forecast.fit("holt_winters", train, { seasonal = "additive" })
local hw_mul = forecast.fit("holt_winters", train, { seasonal = "multiplicative" })
fits[#fits + 1] = { "Holt–Winters additive", hw_add }
fits[#fits + 1] = { "Holt–Winters multiplicative", hw_mul }
for _, m in ipairs({ hw_add, hw_mul }) do
  local p = m:params()
  print(("%-36s alpha %.4f  beta %.5f  gamma %.5f  AICc %.3f"):format(m.method, p.alpha, p.beta, p.gamma, m.aicc))
end
plot.series({ test:rename("actual 1959–60"), hw_add:forecast{ h = 24 }.mean:rename("additive"),
              hw_mul:forecast{ h = 24 }.mean:rename("multiplicative") },
  { title = "Holt–Winters forecasts", ylabel = "passengers (thousands)", caption = "Additive and multiplicative seasons against the holdout" })

-- %% [markdown]
-- **Same as R.** `hw(train, seasonal = "multiplicative")` gives α = 0.3477, β = 0.00015,
-- γ = 0.6519 and AICc = 1146.536. Its first forecast is 350.18, with a 95 % interval from
-- 320.57 upwards. The additive model has α = 0.9999 and AICc = 1247.914. Almanac's numbers
-- above agree.
--
-- ## 4. The ETS family and selection by AICc
-- Each method above is the point forecast of an **innovations state-space model**. ETS(Error,
-- Trend, Season) names it: SES is ETS(A,N,N), Holt ETS(A,A,N), Holt–Winters ETS(A,A,A) and
-- ETS(M,A,M). Because these are statistical models, they have a likelihood L. That gives
-- prediction intervals, and it lets us compare models by the corrected Akaike criterion:
--
--     AICc = −2·log L + 2k + 2k(k + 1)/(n − k − 1)      (k parameters, including initial states)
--
-- `ets` with `model = "ZZZ"` fits every admissible combination and keeps the smallest AICc. The
-- table does the search by hand, so you can see every candidate. It uses R's settings
-- (`cap_smoothing = false, tolerance = 1.49e-8`, see docs/forecasting-ets.md), so each AICc
-- equals R's `ets(train, model = ..., damped = ...)` to the digits shown. Models with an
-- additive error and a multiplicative season are left out, as R does: they are numerically
-- unstable.

-- %% Every candidate
local R = { cap_smoothing = false, tolerance = 1.49e-8 }
local candidates = {}
for _, e in ipairs({ "A", "M" }) do
  for _, t in ipairs({ "N", "A", "Ad" }) do
    for _, s in ipairs({ "N", "A", "M" }) do
      if not (e == "A" and s == "M") then
        local m = forecast.fit("ets", train, { model = e .. t .. s, damped = t == "Ad",
                                               cap_smoothing = false, tolerance = 1.49e-8 })
        candidates[#candidates + 1] = { model = m.method, loglik = m.loglik, aicc = m.aicc,
                                        holdout_mae = forecast.accuracy(m:forecast{ h = 24 }, test).mae }
      end
    end
  end
end
table.sort(candidates, function(x, y) return x.aicc < y.aicc end)
report.table(candidates, { columns = { "model", "loglik", "aicc", "holdout_mae" } })
local auto_r = forecast.fit("ets", train, R)
local auto_default = forecast.fit("ets", train)
fits[#fits + 1] = { "ets, R's settings", auto_r }
fits[#fits + 1] = { "ets, Almanac's defaults", auto_default }
print(("ets (ZZZ), R's settings:       %s, AICc %.3f"):format(auto_r.method, auto_r.aicc))
print(("ets (ZZZ), Almanac's defaults: %s, AICc %.3f"):format(auto_default.method, auto_default.aicc))
plot.forecast(train, auto_r:forecast{ h = 24, levels = { 80, 95 } }, { actuals = test, last = 60,
  title = auto_r.method .. " on air passengers", caption = "The model ets chooses, with 80 % and 95 % intervals and the held-out years" })

-- %% [markdown]
-- **Same as R.** `ets(train)` chooses ETS(M,Ad,M) with AICc 1117.222. Almanac, with R's
-- settings, does the same. Two notes on comparing like with like:
--
-- * **The defaults differ from R's on purpose.** They cap the trend and seasonal smoothing
--   parameters and stop the optimiser early. Both choices were made on forecast competitions
--   (docs/forecasting-ets.md). Here they find a *higher* likelihood for ETS(M,A,M) than R does,
--   so the default search picks ETS(M,A,M). Compare numbers with R only under R's settings.
-- * **One forecast differs by design.** R's point forecast for the damped multiplicative-season
--   model is not damped at the first step. Almanac's is (docs/forecasting-ets.md, "Where we
--   differ from R on purpose"). The fitted models are identical, but the holdout MAE of
--   ETS(M,Ad,M) is 63.41 here and 63.21 in R.
--
-- ## 5. Likelihood against the holdout
-- The last table puts the whole ladder side by side.

-- %% Compare
local ladder = {}
for _, f in ipairs(fits) do
  local acc = forecast.accuracy(f[2]:forecast{ h = 24 }, test)
  ladder[#ladder + 1] = { fit = f[1], model = f[2].method, aicc = f[2].aicc, holdout_mae = acc.mae, holdout_rmse = acc.rmse, holdout_mase = acc.mase }
end
report.table(ladder, { columns = { "fit", "model", "aicc", "holdout_mae", "holdout_rmse", "holdout_mase" } })

-- %% [markdown]
-- The season is what matters. Adding it to Holt's method cuts the AICc by more than 140, and the
-- holdout MAE from 93 to 79 (additive) or 33 (multiplicative). The trend alone barely moves the AICc,
-- because with α ≈ 1 the level already follows the climb. Among the seasonal models the two
-- criteria disagree. Holt–Winters multiplicative, fitted by squared error, has the worst AICc
-- of the last three rows and the best holdout. AICc measures fit to ten years, with a penalty for parameters. The holdout is one
-- two-year sample. Neither is the last word. A rolling-origin backtest (exercise 4) averages
-- over several origins.

-- %% [markdown]
-- ## Exercises
-- Answers are in `exp_smoothing_solutions.md`.
--
-- 1. With α = 0.2457 and ℓ_0 = 1110.73, compute by hand the level after the first year
--    (y_1 = 1120) and the forecast for 1872. Which weight does the 1871 flow get in the
--    forecast for 1971?
-- 2. Every non-seasonal model in section 2 sets α ≈ 1. Explain why. Then remove the season
--    (divide `train` by `train:decompose("multiplicative").seasonal`) and fit `ses` and `holt`
--    to the adjusted series. Which α does each choose now, and why are they not small?
-- 3. Fit Holt–Winters multiplicative with a damped trend. Does damping help on the AICc? On the
--    holdout?
-- 4. Replace the single holdout by `forecast.backtest` with h = 12 and 4 windows on the whole
--    series, for `holt_winters` (multiplicative) and `ets`. Does the ranking of section 5 hold?
-- 5. Why may you not compare the AICc of an ETS model fitted to log(y) with the AICc of one
--    fitted to y? What would you compare instead?
