-- Every chart Almanac draws, into out/charts/ (run: almanac run examples/charts.lua).
-- Without `out`, a chart would go to the terminal as text, or into the report under `almanac render`.
local air = data.dataset("airpassengers")
plot.series(air, { title = "Air passengers, 1949-1960", ylabel = "thousands", out = "charts/series.svg" })

-- A forecast fan chart with the actuals it missed.
local train, test = air:split(24)
local fc = forecast.fit("ets", train):forecast{ h = 24 }
plot.forecast(train, fc, { actuals = test, last = 72, out = "charts/forecast.png" })

-- Box-Jenkins: the correlogram of the differenced log series, then the airline model's residuals.
plot.acf(air:log():diff(1):diff(12), { lags = 36, out = "charts/acf.svg" })
local airline = forecast.fit("arima", air:log(), { order = { 0, 1, 1 }, seasonal = { 0, 1, 1 } })
plot.residuals(airline, { out = "charts/residuals.png" })
plot.decomposition(air:log(), { out = "charts/decomposition.svg" })

-- Inventory: the EOQ cost curve, a simulated (s, S) policy, a Pareto chart of a panel.
plot.eoq({ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 }, { out = "charts/eoq.pdf" })
local run = inventory.simulate({ type = "ss", s = 20, S = 60 }, { demand = dist.poisson(10), lead_time = 2,
  holding_cost = 1, stockout_cost = 10, fixed_cost = 50, periods = 200, trace = true })
plot.simulation(run, { periods = 60, levels = { s = 20, S = 60 }, out = "charts/simulation.svg" })
local panel = data.synthetic_retail{ skus = 30, seed = 11 }
plot.pareto(inventory.abc_xyz(panel, { last = 52 }), { title = "Revenue by SKU", out = "charts/pareto.svg" })
plot.panel(panel, { max = 9, title = "Nine SKUs", out = "charts/panel.png" })

-- General-purpose charts.
plot.histogram(dist.gamma(2, 5):sample(1000), { title = "Lead-time demand", out = "charts/histogram.svg" })
plot.scatter({ 4.5, 5, 5.5, 6, 6.5, 7 }, { 120, 108, 97, 90, 81, 70 }, { fit = true, xlabel = "price", ylabel = "units",
  out = "charts/scatter.svg" })
local chart = plot.heatmap({ { 8.1, 9.4, 11.2 }, { 5.3, 6.0, 7.7 }, { 14.9, 15.2, 18.8 } },
  { rows = { "SKU-0001", "SKU-0002", "SKU-0003" }, columns = { "h=1", "h=2", "h=3" }, label = "sMAPE",
    title = "Error by SKU and horizon", out = "charts/heatmap.svg" })
print(chart)                                   --> Chart 'Error by SKU and horizon' (1 panel)
print(#chart:gnuplot() > 0)                    --> true: the gnuplot program, to read or change
plot.series(air:tail(48), { title = "The last four years, as text" })
