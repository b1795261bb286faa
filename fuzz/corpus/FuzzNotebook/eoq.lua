-- ---
-- title: "Lab 1: the economic order quantity"
-- author: Almanac teaching labs
-- seed: 1
-- description: Derive the EOQ, see its flat bottom, find Q* three ways, then relax the assumptions.
-- ---

-- %% [markdown]
-- ## The model
-- A shop sells λ = 1300 units a year, at a steady rate. Every order costs K = 8 (paperwork,
-- delivery), whatever its size. Every unit held for a year costs h = 0.225 (capital, space).
-- If the shop orders Q units at a time, it places λ/Q orders a year and holds Q/2 units on
-- average, so the cost per year is
--
--     g(Q) = K·λ/Q + h·Q/2
--
-- Ordering more often raises the first term; ordering more at once raises the second. Setting
-- g'(Q) = −Kλ/Q² + h/2 to zero gives **Q\* = √(2Kλ/h)** and **g(Q\*) = √(2Kλh)**.
-- (Snyder & Shen, *Fundamentals of Supply Chain Theory*, Example 3.1.)

-- %% The numbers
local K, h, lambda = 8, 0.225, 1300
local q_star = math.sqrt(2 * K * lambda / h)
local g_star = math.sqrt(2 * K * lambda * h)
print(("Q* = %.4f units, g(Q*) = %.4f per year"):format(q_star, g_star))
print(("that is %.2f orders a year, one every %.1f days"):format(lambda / q_star, 365 * q_star / lambda))

-- %% [markdown]
-- ## The cost curve and its flat bottom
-- The chart shows the two terms and their sum. At Q\* the ordering and holding costs are equal.
-- The total is flat near its minimum, so a rounded order size costs almost nothing extra.

-- %% Draw it
plot.eoq({ fixed_cost = K, holding_cost = h, demand_rate = lambda }, { caption = "EOQ cost curve: ordering, holding and total cost per year" })
local rows = {}
for _, factor in ipairs({ 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2 }) do
  local s = inventory.eoq{ fixed_cost = K, holding_cost = h, demand_rate = lambda, order_quantity = factor * q_star }
  rows[#rows + 1] = { Q_over_Qstar = factor, Q = factor * q_star, cost = s.cost_at_q, extra_cost_percent = 100 * (s.cost_ratio - 1) }
end
report.table(rows, { columns = { "Q_over_Qstar", "Q", "cost", "extra_cost_percent" } })
report.md("The ratio g(Q)/g(Q\\*) = ½(Q/Q\\* + Q\\*/Q) depends only on Q/Q\\*: ordering 25 % too much costs 2.5 % more.")

-- %% [markdown]
-- ## Q\* three ways
-- The formula is one way to find Q\*. A numerical search finds the same point without knowing
-- the formula. That matters later, when costs have no closed form.
--
-- 1. **The formula** above.
-- 2. **Brent's method** on a Lua function, through `optimize.scalar`.
-- 3. **The `eoq_cost` plugin** through an optimizer: the cost as a reusable, documented object.

-- %% Three ways
local by_formula = inventory.eoq{ fixed_cost = K, holding_cost = h, demand_rate = lambda }.order_quantity
local by_function = optimize.scalar(function(q) return K * lambda / q + h * q / 2 end, 1, 5000).x
local cost = almanac.cost("eoq_cost", { fixed_cost = K, holding_cost = h, demand_rate = lambda })
local by_plugin = optimize.scalar(cost, 1, 5000, { method = "golden_section" }).x
report.table({
  { method = "formula", Q = by_formula },
  { method = "Brent on a Lua function", Q = by_function },
  { method = "golden section on eoq_cost", Q = by_plugin },
}, { columns = { "method", "Q" } })
print(("parts at Q*: ordering %.4f, holding %.4f"):format(cost:parts(q_star).ordering, cost:parts(q_star).holding))

-- %% [markdown]
-- ## Relaxing the assumptions
-- * **Planned backorders.** Customers wait for a backordered unit, at a cost p = 5 per unit per
--   year. Part of each cycle is then deliberately short, and both Q\* and the cost change.
-- * **Finite production (EPQ).** Units arrive at rate P = 2000 a year instead of all at once, so
--   the peak stock is Q(1 − λ/P) and Q\* = √(2Kλ/(h(1 − λ/P))).
-- * **Quantity discounts.** The supplier charges 1.00 a unit below 500 and 0.95 from 500 up
--   (all units). The holding cost is 22.5 % of the unit price a year.

-- %% Variants
local backorders = inventory.eoq{ fixed_cost = K, holding_cost = h, demand_rate = lambda, stockout_cost = 5 }
local epq = inventory.epq{ fixed_cost = K, holding_cost = h, demand_rate = lambda, production_rate = 2000 }
local discounts = inventory.eoq_discounts{ fixed_cost = K, holding_cost_rate = 0.225, demand_rate = lambda,
                                           breakpoints = { 0, 500 }, unit_costs = { 1.00, 0.95 }, kind = "all_units" }
report.table({
  { model = "EOQ", Q = q_star, cost = g_star },
  { model = "with backorders (p = 5)", Q = backorders.order_quantity, cost = backorders.cost },
  { model = "EPQ (P = 2000)", Q = epq.order_quantity, cost = epq.cost },
  { model = "all-units discount at 500", Q = discounts.order_quantity, cost = discounts.cost },
}, { columns = { "model", "Q", "cost" } })
report.md(("With backorders, %.1f %% of each cycle's demand waits: x\\* = h/(h + p)."):format(100 * backorders.stockout_fraction))

-- %% [markdown]
-- ## Exercises
-- Answers are in `eoq_solutions.md`. Change the numbers in the cells above, render again, and
-- check your reasoning against the report.
--
-- 1. Doubling λ: by what factor does Q\* change? And g(Q\*)? Verify with the first cell.
-- 2. The supplier will deliver only in cases of 100. Which multiple of 100 is best, and what does
--    rounding cost (use the table of cost ratios, or `order_quantity =`)?
-- 3. With backorders, let p grow (50, 500, 5000). What happens to Q\* and to the backordered share?
--    Which model does it approach?
-- 4. Write the EPQ cost as a Lua function and find its minimum with `optimize.scalar`. Does it agree
--    with `inventory.epq`?
-- 5. The discount's cost includes the purchase cost λ·c. Why must it, when the plain EOQ's need not?
