// A cache of prepared SQLite statements per connection.
//
// SOCI prepares every statement from its text and finalizes it when done; on the megacity,
// SQLite's parser and planner were 29 % of the server's time on a member list (perf). This file
// defines sqlite3_prepare_v2, sqlite3_finalize and sqlite3_close in the executable, in front of
// libsqlite3's (which it calls through dlsym(RTLD_NEXT)): a finalized statement is reset, its
// bindings cleared, and kept for its connection; preparing the same text on that connection
// again takes it back instead of parsing. Closing a connection finalizes what it kept. Statements
// prepared with sqlite3_prepare_v2 re-prepare themselves after a schema change, so a kept one is
// never stale. Only statements of up to kMaxCachedSqlBytes are kept (not the bulk inserts), at
// most kMaxCachedPerConnection per connection.
#pragma once

#include <cstddef>
#include <cstdint>

namespace liandong::db {

inline constexpr std::size_t kMaxCachedSqlBytes = 8192;
inline constexpr std::size_t kMaxCachedPerConnection = 128;

struct StatementCacheCounts {
  std::uint64_t hits = 0;    // prepares answered from the cache
  std::uint64_t misses = 0;  // prepares parsed by SQLite
  std::uint64_t kept = 0;    // statements kept now, all connections
};

// Turns the cache on for the whole process (Database::Open does, for SQLite); until then every
// call goes straight to SQLite.
void EnableSqliteStatementCache();
StatementCacheCounts SqliteStatementCacheCounts();

}  // namespace liandong::db
