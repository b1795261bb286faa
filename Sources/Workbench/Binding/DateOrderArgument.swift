import TimeSeries

/// How dates are written: "iso", "dmy" or "mdy" (data.csv's `date_format`).
extension DateParser.Order: LuaChoice {}
