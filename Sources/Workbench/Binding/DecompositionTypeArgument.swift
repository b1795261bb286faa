import TimeSeries

/// "additive" or "multiplicative", as an option (plot.decomposition's `type`).
extension Series.DecompositionType: LuaChoice {}
