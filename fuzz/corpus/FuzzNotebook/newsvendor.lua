-- ---
-- title: "Lab 3: the newsvendor"
-- author: Almanac teaching labs
-- seed: 3
-- description: One order before one season of uncertain demand: the critical fractile with normal, Poisson and empirical demand, and demand from a forecast.
-- ---

-- %% [markdown]
-- ## The problem
-- A kiosk orders S newspapers each morning, before it knows the day's demand D. A paper left
-- over costs h = 0.18 (bought at 0.30, sold back at 0.12). A sale missed costs p = 0.70 (lost
-- margin). The expected cost is
--
--     g(S) = h·E[(S − D)⁺] + p·E[(D − S)⁺]
--
-- Its derivative is h·F(S) − p·(1 − F(S)). It vanishes at the **critical fractile**
-- F(S\*) = p/(p + h): order up to the quantile of demand that balances the two costs.
-- (Snyder & Shen, Example 4.1: demand N(50, 8²) gives S\* = 56.6.)

-- %% The critical fractile
local h, p = 0.18, 0.70
local ratio = p / (p + h)
print(("critical ratio p/(p + h) = %.4f"):format(ratio))
local normal = inventory.newsvendor{ holding_cost = h, stockout_cost = p, demand = dist.normal(50, 8) }
print(("normal demand: S* = %.4f, expected cost %.4f, fill rate %.4f"):format(normal.base_stock_level, normal.cost, normal.fill_rate))

-- %% [markdown]
-- ## The cost curve
-- Drawing g(S) shows why the optimum is not the mean: the curve is asymmetric because a shortage
-- costs almost four times as much as a leftover.

-- %% Draw g(S)
local newsvendor = almanac.cost("newsvendor_cost", { holding_cost = h, stockout_cost = p, demand = dist.normal(50, 8) })
plot.cost_curve(newsvendor, 30, 75, { optimum = normal.base_stock_level, xlabel = "order quantity S",
  title = "Newsvendor cost, N(50, 8²) demand", caption = "Expected cost g(S), with S* marked" })

-- %% [markdown]
-- ## Other demand distributions
-- * **Poisson** demand with the same mean: S\* is the smallest whole S with F(S) ≥ p/(p + h).
-- * **Empirical** demand: the kiosk's last 60 days of sales, drawn here from a gamma distribution
--   for illustration. Each observed day counts as one equally likely outcome.

-- %% Compare
local days = dist.gamma(39.0625, 1.28):sample(60)      -- mean 50, sd 8
local cases = {
  { "normal N(50, 8²)", dist.normal(50, 8) },
  { "Poisson(50)", dist.poisson(50) },
  { "empirical, 60 days", dist.empirical(days) },
}
local rows = {}
for _, c in ipairs(cases) do
  local r = inventory.newsvendor{ holding_cost = h, stockout_cost = p, demand = c[2] }
  rows[#rows + 1] = { demand = c[1], S = r.base_stock_level, cost = r.cost, expected_leftover = r.expected_leftover,
                      expected_shortage = r.expected_shortage, fill_rate = r.fill_rate }
end
report.table(rows, { columns = { "demand", "S", "cost", "expected_leftover", "expected_shortage", "fill_rate" } })
plot.histogram(days, { bins = 12, title = "The 60 days of sales", xlabel = "papers", caption = "The empirical demand distribution" })

-- %% [markdown]
-- ## Demand from a forecast
-- In practice demand comes from a forecast. A model's sample paths carry its whole predictive
-- distribution, including the uncertainty of the fitted level, so the next day's simulated values
-- can stand in directly as an empirical demand distribution.

-- %% From sample paths
local sales = series.new{ values = days, name = "daily sales" }
local model = forecast.fit("ses", sales)
local tomorrow = dist.empirical(model:sample{ h = 1, n = 4000 }:step(1))
local from_forecast = inventory.newsvendor{ holding_cost = h, stockout_cost = p, demand = tomorrow }
print(("SES forecast for tomorrow: mean %.2f; newsvendor S* = %.2f (cost %.4f)"):format(
  tomorrow.mean, from_forecast.base_stock_level, from_forecast.cost))

-- %% [markdown]
-- ## Exercises
-- Answers are in `newsvendor_solutions.md`.
-- 1. The resale price falls to 0 (h = 0.30). What happens to the critical ratio and to S\*?
-- 2. Why is the Poisson S\* close to the normal one here, and when would they differ a lot?
-- 3. Re-render with another `seed` in the header. How much does the empirical S\* move? What does
--    that say about deciding from 60 days of data?
-- 4. Evaluate ordering the mean (S = 50) with `order_quantity = 50`. How much more does it cost?
