-- One model over one dataset in the M3 layout, one series at a time, for the
-- sanitizer run (bench/sanitizers/run.sh). Each series is fitted, forecast with
-- 80 and 95 % intervals and sampled; a Lua-level error on a series is caught,
-- counted and reported on stderr, and the run goes on. A sanitizer report
-- aborts the process instead, so the last line below never appears.
--   almanac run bench/sanitizers/run_model.lua DATA_DIR MODEL [threads] [key=value ...]
-- DATA_DIR holds m3_meta.csv and m3_train_<Category>.csv (split_by_category.py);
-- key=value pairs are passed to the model (numbers, true/false, strings).
-- Before each series "AT <n> <category> <id>" goes to stderr, so a log that
-- ends in a sanitizer report tells which series it was on.
-- Global models (nbeats, lstm) are trained once per category with fit_many on
-- the whole panel; their per-series failures are fit_many's fallbacks.
-- Prints: RESULT model=<m> series=<n> failures=<f> nonfinite=<k> seconds=<s>
local dir, model, threads = ...
threads = tonumber(threads or "1")
local params = {}
for i = 4, select("#", ...) do
  local k, v = (select(i, ...)):match("^([%w_]+)=(.*)$")
  if v == "true" then v = true elseif v == "false" then v = false elseif tonumber(v) then v = tonumber(v) end
  params[k] = v
end
local global = model == "nbeats" or model == "lstm"

local categories, seen = {}, {}
for line in io.lines(dir .. "/m3_meta.csv") do
  local id, name, m, h = line:match("^([^,]+),([^,]+),(%d+),(%d+),")
  if id and not seen[name] then
    seen[name] = true
    categories[#categories + 1] = { name = name, m = tonumber(m), h = tonumber(h) }
  end
end

local function finite(values, h)
  for i = 1, h do
    local v = values[i]
    if v == nil or v ~= v or v == math.huge or v == -math.huge then return false end
  end
  return true
end

local series, failures, nonfinite = 0, 0, 0
local start = almanac.clock()
for _, c in ipairs(categories) do
  local path = dir .. "/m3_train_" .. c.name .. ".csv"
  local f = io.open(path)
  if f then
    f:close()
    local panel = data.csv(path, { key = "id", date = "t", value = "y", freq = "none", period = c.m })
    local keys = panel:keys()
    if global then
      local ok, err = pcall(function()
        local p = { horizon = c.h }
        for k, v in pairs(params) do p[k] = v end
        io.stderr:write(string.format("AT %d %s (panel of %d)\n", series + 1, c.name, #keys))
        local fp = forecast.fit_many(panel, model, p,
          { threads = threads, fallback = "naive", progress = false })
        for _, fl in ipairs(fp.failures) do
          io.stderr:write(string.format("FAIL %s %s %s: %s\n", model, c.name, fl.key, fl.reason))
        end
        failures = failures + #fp.failures
        local fcs = fp:forecast{ h = c.h, levels = { 80, 95 } }
        for _, key in ipairs(keys) do
          if not finite(fcs[key].mean:values(), c.h) then nonfinite = nonfinite + 1 end
        end
        -- Sample paths from a few of the panel's models (the copula's code path).
        for i = 1, #keys, math.max(1, #keys // 5) do
          fp:model(keys[i]):sample{ h = c.h, n = 10 }
        end
      end)
      if not ok then
        -- The whole category failed at the Lua level: every series counts.
        io.stderr:write(string.format("FAIL %s %s (panel): %s\n", model, c.name, tostring(err)))
        failures = failures + #keys
      end
      series = series + #keys
    else
      for _, key in ipairs(keys) do
        local s = panel:series(key)
        io.stderr:write(string.format("AT %d %s %s\n", series + 1, c.name, key))
        local ok, err = pcall(function()
          local m = forecast.fit(model, s, params)
          local fc = m:forecast{ h = c.h, levels = { 80, 95 } }
          if not finite(fc.mean:values(), c.h) then nonfinite = nonfinite + 1 end
          m:sample{ h = c.h, n = 10 }
        end)
        if not ok then
          failures = failures + 1
          io.stderr:write(string.format("FAIL %s %s %s: %s\n", model, c.name, key, tostring(err)))
        end
        series = series + 1
      end
    end
  end
end
print(string.format("RESULT model=%s series=%d failures=%d nonfinite=%d seconds=%.1f",
  model, series, failures, nonfinite, almanac.clock() - start))
