import TimeSeries

/// A calendar by name: "day", "week", "month", "quarter", "year" or "none".
extension Frequency: LuaChoice {}
