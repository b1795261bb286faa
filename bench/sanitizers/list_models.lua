-- Prints the name of every forecasting model in the plugin registry, one a
-- line (native and plugin models alike). forecast.models() does not exist;
-- almanac.plugins() lists models, costs and optimizers with their kind.
local names = {}
for _, p in ipairs(almanac.plugins()) do
  if p.kind == "model" then names[#names + 1] = p.name end
end
table.sort(names)
for _, n in ipairs(names) do print(n) end
