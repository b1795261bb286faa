-- Calls every Lua function and method Almanac declares with extreme values
-- (±0, ±inf, NaN, 1e300, math.maxinteger, empty and huge tables, wrong
-- types) and expects each call to return or to raise a Lua error: never a
-- signal, never a hang. ExtremeArgumentTests runs it through the binary.
--
--   almanac run extreme_arguments.lua STUBS list        -- every function's name
--   almanac run extreme_arguments.lua STUBS run NAME    -- fuzz one ("forecast.fit", "Series:diff")
--
-- The declarations come from the editor stubs (stubs/almanac.lua), which
-- `almanac docs --stubs` generates from the same typed declarations the
-- reference uses, so a new function is fuzzed without touching this file.
-- Each call is announced on standard output before it runs, so a crash
-- names the call that caused it.

local stubs_path, mode, target = ...

-- The stubs: functions with their parameters' types, and classes with fields.
local functions, order, classes = {}, {}, {}
do
  local params, class = {}, nil
  for line in io.lines(stubs_path) do
    local cname = line:match("^%-%-%-@class ([%w_%.]+)")
    if cname then
      class = { fields = {}, order = {} }
      classes[cname] = class
    end
    local fname, optional, ftype = line:match("^%-%-%-@field ([%w_]+)(%??) (%S+)")
    if fname and class then
      class.fields[fname] = { type = ftype, optional = optional == "?" }
      class.order[#class.order + 1] = fname
    end
    local pname, ptype = line:match("^%-%-%-@param ([%w_%.]+%??) (%S+)")
    if pname then params[#params + 1] = { name = pname:gsub("%?$", ""), optional = pname:sub(-1) == "?", type = ptype } end
    local qualified = line:match("^function ([%w_%.:]+)%(")
    if qualified then
      functions[qualified] = params
      order[#order + 1] = qualified
      params, class = {}, nil
    elseif not line:match("^%-%-%-") then
      params = {}
    end
  end
end

if mode == "list" then
  for _, name in ipairs(order) do print(name) end
  return
end

-- Plausible values, so that a mutation reaches past the first check.
local months = {}
for i = 1, 36 do months[i] = 100 + 10 * math.sin(i * math.pi / 6) + i end
local base_series = series.new{ values = months, freq = "month", start = "2020-01", name = "s" }
local base_panel = data.panel{ a = base_series, b = base_series:rename("b") }
local fitted = forecast.fit("naive", base_series)
local objects = {
  Series = function() return base_series end,
  Panel = function() return base_panel end,
  Distribution = function() return dist.poisson(3) end,
  FittedModel = function() return fitted end,
  Forecast = function() return fitted:forecast{ h = 3 } end,
  SamplePaths = function() return fitted:sample{ h = 3, n = 20 } end,
  FittedPanel = function() return forecast.fit_many(base_panel, "naive", {}, { progress = false }) end,
  Chart = function() return plot.series(base_series) end,
  Cost = function() return almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 }) end,
}
-- Receivers to try each method on: every distribution family, two model kinds.
local receivers = {
  Distribution = { dist.poisson(3), dist.negbin(5, 0.5), dist.normal(50, 8), dist.gamma(4, 12.5),
                   dist.lognormal(3, 0.5), dist.empirical({ 3, 7, 7, 9, 12 }) },
  FittedModel = { fitted, forecast.fit("ets", base_series), forecast.fit("arima", base_series, { order = { 1, 0, 0 } }) },
}

local build
local function first_alternative(t) return (t:match("^([^|]+)")) end
local function value_for(t, depth)
  depth = depth or 0
  t = first_alternative(t)
  local literal = t:match('^"(.*)"$')
  if literal then return literal end
  if t == "number" then return 5 end
  if t == "integer" then return 3 end
  if t == "boolean" then return false end
  if t == "string" then return "x" end
  if t == "any" then return 1 end
  if t == "number[]" then return { 1, 2, 3 } end
  if t == "integer[]" then return { 1, 2 } end
  if t == "string[]" then return { "x" } end
  if t == "number[][]" then return { { 1, 2 }, { 3, 4 } } end
  if t == "almanac.ModelName" or t == "almanac.PluginName" then return "naive" end
  if t == "almanac.CostName" then return "eoq_cost" end
  if t == "almanac.OptimizerName" then return "nelder_mead" end
  if t:match("^%(?fun") or t == "function" then return function() return 1 end end
  if objects[t] then return objects[t]() end
  local element = t:match("^(.+)%[%]$")
  if element then return { value_for(element, depth + 1) } end
  if classes[t] and depth < 3 then return build(t, depth + 1) end
  return {}
end
function build(cname, depth)
  local out = {}
  for _, fname in ipairs(classes[cname].order) do
    local f = classes[cname].fields[fname]
    if not f.optional then out[fname] = value_for(f.type, depth) end
  end
  return out
end

local huge = {}
for i = 1, 100000 do huge[i] = i end
local extremes = {
  { "nil", nil }, { "true", true }, { "0", 0 }, { "-0.0", -0.0 }, { "-1", -1 }, { "0.5", 0.5 },
  { "inf", 1 / 0 }, { "-inf", -1 / 0 }, { "nan", 0 / 0 }, { "1e300", 1e300 }, { "-1e300", -1e300 },
  { "1e-300", 1e-300 }, { "maxinteger", math.maxinteger }, { "mininteger", math.mininteger },
  { "2^53", 2 ^ 53 }, { "''", "" }, { "'x'", "x" }, { "{}", {} }, { "{inf,nan}", { 1 / 0, 0 / 0 } },
  { "{1..1e5}", huge }, { "function", function() end }, { "a Series", base_series },
  { "a Distribution", dist.normal(0, 1) },
}

local spec = functions[target]
if not spec then error("no declaration of " .. tostring(target)) end
local module, sep, member = target:match("^([%w_%.]-)([%.:])([%w_]+)$")
local calls = 0

local function announce(text)
  calls = calls + 1
  io.write("CALL ", target, " #", calls, " ", text, "\n")
  io.stdout:flush()
end

local function invoke(receiver, args, n)
  if receiver ~= nil then
    return pcall(function() return receiver[member](receiver, table.unpack(args, 1, n)) end)
  end
  local fn = _G
  for part in module:gmatch("[^%.]+") do fn = fn[part] end
  return pcall(fn[member], table.unpack(args, 1, n))
end

local function baseline()
  local args = {}
  for i, p in ipairs(spec) do args[i] = value_for(p.type) end
  return args
end

local function fuzz(receiver, label)
  local n = #spec
  announce(label .. " baseline")
  invoke(receiver, baseline(), n)
  -- One argument at a time takes each extreme value; one past the last, too.
  for i = 1, n + 1 do
    for _, e in ipairs(extremes) do
      local args = baseline()
      args[i] = e[2]
      announce(label .. " arg " .. i .. " = " .. e[1])
      invoke(receiver, args, math.max(n, i))
    end
  end
  -- Each field of a table argument takes each extreme value.
  for i, p in ipairs(spec) do
    local cname = first_alternative(p.type)
    local class = classes[cname]
    if class then
      for _, fname in ipairs(class.order) do
        for _, e in ipairs(extremes) do
          local args = baseline()
          if type(args[i]) ~= "table" then args[i] = {} end
          args[i][fname] = e[2]
          announce(label .. " arg " .. i .. "." .. fname .. " = " .. e[1])
          invoke(receiver, args, n)
        end
      end
    end
  end
end

if sep == ":" then
  local list = receivers[module] or { objects[module] and objects[module]() }
  if #list == 0 then error("no receiver for " .. module) end
  for k, receiver in ipairs(list) do fuzz(receiver, "receiver " .. k) end
else
  fuzz(nil, "function")
end
print("DONE " .. target .. " " .. calls .. " calls")
