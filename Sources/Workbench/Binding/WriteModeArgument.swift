import DataSources

/// "replace" or "append" (data.write_sqlite's `mode`).
extension SQLite.WriteMode: LuaChoice {}
