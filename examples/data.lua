-- Data in and out: bundled datasets, a long-form CSV with a gap, aggregation,
-- writing CSV and SQLite, and the synthetic e-commerce panel.
-- Run: almanac run examples/data.lua      (writes into out/)

print("Bundled datasets:")
for _, d in ipairs(data.datasets()) do
  print(("  %-14s %-8s %5d obs from %s  %s"):format(d.name, d.freq, d.length, d.start, d.units))
end

-- examples/data/store_sales.csv: daily sales of three products; two days of TEE-02 are missing.
local path = "examples/data/store_sales.csv"
local options = { key = "sku", value = "qty", covariates = { "price" }, attributes = { "category" } }
local ok, err = pcall(data.csv, path, options)
print()
print("Reading without saying how to fill gaps fails, and says why:")
print("  " .. err)

options.fill_gaps = "zero"  -- no sale recorded: nothing was sold
local sales = data.csv(path, options)
print()
print(sales)
local function total(s)
  local t = 0
  for _, v in ipairs(s:values()) do t = t + v end
  return t
end
for _, sku in ipairs(sales:keys()) do
  local s = sales[sku]
  print(("  %-8s %-8s %d days from %s, %d units, mean price %.2f"):format(
    sku, sales:attributes(sku).category, #s, s.start, total(s), total(sales:covariate(sku, "price")) / #s))
end

-- Daily → weekly totals (weeks start on the series' first day, a Monday here).
local weekly = sales["MUG-01"]:aggregate("week", "sum")
print()
print(weekly)

-- Write the weekly totals of every product as CSV and into SQLite, then query them back.
local rows = {}
for _, sku in ipairs(sales:keys()) do
  local w = sales[sku]:aggregate("week")
  local labels, values = w:labels(), w:values()
  for i = 1, #w do rows[#rows + 1] = { week = labels[i], sku = sku, units = values[i] } end
end
local csv = data.write_csv("weekly_sales.csv", rows)
local db = data.write_sqlite("sales.sqlite", "weekly", rows)
local top = data.sqlite(db, "SELECT week, sku, units FROM weekly WHERE sku = 'MUG-01'", { date = "week", value = "units", freq = "week" })
print(("Wrote %s and %s; MUG-01 read back from SQLite: %d weeks, first %s"):format(csv, db, #top, top.start))

-- The seeded synthetic panel: same seed, same numbers, on every machine.
local panel = data.synthetic_retail{ skus = 12, periods = 104, seed = 11 }
print()
print(panel)
local counts = {}
for _, k in ipairs(panel:keys()) do
  local seg = panel:attributes(k).segment
  counts[seg] = (counts[seg] or 0) + 1
end
for seg, n in pairs(counts) do print(("  %-8s %d SKUs"):format(seg, n)) end
local k = panel:keys()[1]
local censored = 0
local sold, demand = panel[k]:values(), panel:covariate(k, "demand"):values()
for i = 1, #sold do if sold[i] < demand[i] then censored = censored + 1 end end
print(("  %s: %d weeks, %d with stock-outs (sales below demand)"):format(k, #sold, censored))
