-- Forecasts every M3 series with one Almanac model and writes id,h,yhat
-- (the contract of bench/m3/score.py), and OUT_times.json with the CPU and
-- wall seconds per category (score.py --times). Timed: fitting and forecasting,
-- not reading the CSV; one untimed warm-up fit first.
--   almanac run bench/m3/almanac_m3.lua DATA_DIR MODEL OUT.csv [threads] [params...]
-- DATA_DIR holds m3_meta.csv and m3_train_<Category>.csv (id,t,y) written by split_by_category.py.
-- params are key=value pairs passed to the model (numbers, true/false, strings).
local dir, model, out, threads = ...
threads = tonumber(threads or "1")
local params = {}
for i = 5, select("#", ...) do
  local k, v = (select(i, ...)):match("^([%w_]+)=(.*)$")
  if v == "true" then v = true elseif v == "false" then v = false elseif tonumber(v) then v = tonumber(v) end
  params[k] = v
end

-- Categories present, with their period and horizon, from the meta file.
local categories, seen = {}, {}
for line in io.lines(dir .. "/m3_meta.csv") do
  local id, name, m, h = line:match("^([^,]+),([^,]+),(%d+),(%d+),")
  if id and not seen[name] then
    seen[name] = true
    categories[#categories + 1] = { name = name, m = tonumber(m), h = tonumber(h) }
  end
end
local file = assert(io.open(out, "w"))
file:write("id,h,yhat\n")
local times, walls, counts = {}, {}, {}
local failures = 0
local warmed = false
for _, c in ipairs(categories) do
  local panel = data.csv(dir .. "/m3_train_" .. c.name .. ".csv",
    { key = "id", date = "t", value = "y", freq = "none", period = c.m })
  -- Global models (nbeats) train on the whole panel: a warm-up would train a second network.
  if not warmed and model ~= "nbeats" then
    forecast.fit(model, panel:series(panel:keys()[1]), params)
    warmed = true
  end
  local start, wallStart = os.clock(), almanac.clock()
  -- A global model forecasts the horizon it was trained for: the category's, unless given.
  local p = params
  if model == "nbeats" and params.horizon == nil then
    p = {}
    for k, v in pairs(params) do p[k] = v end
    p.horizon = c.h
  end
  local fp = forecast.fit_many(panel, model, p, { threads = threads, fallback = "naive", progress = false })
  local fcs = fp:forecast{ h = c.h, levels = {} }
  times[c.name], walls[c.name], counts[c.name] = os.clock() - start, almanac.clock() - wallStart, #panel:keys()
  failures = failures + #fp.failures
  for _, f in ipairs(fp.failures) do io.stderr:write(c.name, " ", f.key, ": ", f.reason, "\n") end
  for _, key in ipairs(panel:keys()) do
    local values = fcs[key].mean:values()
    for h = 1, c.h do file:write(string.format("%s,%d,%.17g\n", key, h, values[h])) end
  end
end
file:close()
local total, wall, series, parts, json = 0, 0, 0, {}, {}
for _, c in ipairs(categories) do
  total, wall, series = total + times[c.name], wall + walls[c.name], series + counts[c.name]
  parts[#parts + 1] = string.format("%s %.2f", c.name, times[c.name])
  json[#json + 1] = string.format('"%s": { "cpu_s": %.3f, "wall_s": %.3f, "series": %d }', c.name, times[c.name], walls[c.name], counts[c.name])
end
print(string.format("%s: %.2f CPU-s, %.2f s wall on %d thread(s) (%s); %d failures", model, total, wall, threads,
  table.concat(parts, ", "), failures))
local method = out:match("([^/]+)%.csv$") or model
local tfile = assert(io.open(out:gsub("%.csv$", "") .. "_times.json", "w"))
tfile:write(string.format('{ "%s": { "cpu_s": %.3f, "wall_s": %.3f, "series": %d, "threads": %d, "failures": %d, "per_category": { %s } } }\n',
  method, total, wall, series, threads, failures, table.concat(json, ", ")))
tfile:close()
