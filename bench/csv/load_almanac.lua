-- Loads the benchmark CSV into a panel: parsing, grouping by SKU and checking every calendar.
local p = data.csv(arg[1], { key = "sku", value = "qty", freq = "day" })
local n = 0
for _, k in ipairs(p:keys()) do n = n + #p[k] end
print(("almanac: %d series, %d observations"):format(#p, n))
