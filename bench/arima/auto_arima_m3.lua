-- auto_arima on every series of a one-row-per-series M3 file (id,category,m,n,y with the
-- values space-separated), timing each fit; prints one line per series and the totals.
-- Usage: almanac run bench/arima/auto_arima_m3.lua [file [key=value ...]]   (default Tests/References/m3_every10.csv)
-- e.g. ... m3_every10.csv optimizer=fast
local path = (arg and arg[1]) or "Tests/References/m3_every10.csv"
local options = {}
for i = 2, (arg and #arg or 0) do
  local k, v = arg[i]:match("^([%w_]+)=(.*)$")
  if v == "true" then v = true elseif v == "false" then v = false elseif tonumber(v) then v = tonumber(v) end
  options[k] = v
end
local file = assert(io.open(path))
file:read("l") -- header
local count, total, slowest, slowest_id = 0, 0, 0, ""
for line in file:lines() do
  local id, category, m, _, y = line:match("^([^,]*),([^,]*),([^,]*),([^,]*),(.*)$")
  local values = {}
  for v in y:gmatch("%S+") do values[#values + 1] = tonumber(v) end
  local s = series.new{ values = values, period = tonumber(m), name = id }
  local t0 = os.clock()
  local ok, fit = pcall(forecast.fit, "auto_arima", s, options)
  local seconds = os.clock() - t0
  count, total = count + 1, total + seconds
  if seconds > slowest then slowest, slowest_id = seconds, id end
  print(string.format("%s\t%s\t%d\t%.4f\t%s", id, category, #values, seconds, ok and fit.method or ("error: " .. tostring(fit))))
end
print(string.format("total\t%d series\t%.2f s CPU\t%.4f s/series\tslowest %s %.3f s", count, total, total / count, slowest_id, slowest))
