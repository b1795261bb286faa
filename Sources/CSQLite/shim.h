#ifndef ALMANAC_CSQLITE_SHIM_H
#define ALMANAC_CSQLITE_SHIM_H
#include <sqlite3.h>
// SQLITE_TRANSIENT is a cast macro Swift cannot import: bind values that SQLite must copy.
static inline sqlite3_destructor_type almanac_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
