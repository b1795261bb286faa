import TimeSeries

/// How gaps are filled: "zero", "previous", "linear" or "na" (data.csv's `fill_gaps`).
extension Series.GapFill: LuaChoice {}
