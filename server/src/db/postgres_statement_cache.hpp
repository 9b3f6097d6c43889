// A cache of prepared PostgreSQL statements per connection.
//
// SOCI sends a one-time query as an unnamed statement, which the server parses on every call, and
// a prepared one as PQprepare, PQexecPrepared and a DEALLOCATE: three round trips. This file
// defines PQexecParams, PQprepare, PQexecPrepared, PQexec, PQreset and PQfinish in the executable,
// in front of libpq's (called through dlsym(RTLD_NEXT)): the first time a connection runs a
// statement's text it prepares it under a name of its own ("ld_1", "ld_2" …), and from then on
// only executes it, one round trip with no parsing. SOCI's own names become aliases of the cached
// statement, and their DEALLOCATE is answered here without a round trip.
//
// Only SELECT, INSERT, UPDATE, DELETE and WITH statements of up to kMaxCachedPostgresSqlBytes
// are cached, statements without values (which SOCI sends through PQexec) too. A connection keeps
// at most kMaxCachedPostgresPerConnection and forgets the least recently used one (DEALLOCATE)
// to make room: a server that had run every route stopped caching once 256 statements were in, and
// each statement after planned on every call (the later bench scenarios, at up to 1.2 ms a call).
// A cached statement is
// planned as PostgreSQL plans any prepared statement (plan_cache_mode = auto): for its values on
// the first five calls, then once for all calls if that generic plan is estimated to cost no more.
// Forcing a plan per call (force_custom_plan) was measured on the megacity and lost: it re-plans
// the foreign-key checks of every inserted row too (a task to every community 665 → 1,277 ms,
// report submission 535 → 284 req/s, loading the megacity 316 → 690 s) and kept reads near
// where they were without the cache.
#pragma once

#include <cstddef>
#include <cstdint>

namespace liandong::db {

inline constexpr std::size_t kMaxCachedPostgresSqlBytes = 8192;
inline constexpr std::size_t kMaxCachedPostgresPerConnection = 256;

struct PostgresCacheCounts {
  std::uint64_t hits = 0;       // executions of a statement the connection had prepared
  std::uint64_t prepares = 0;   // statements prepared for the cache
  std::uint64_t evictions = 0;  // statements forgotten to make room
};

// Turns the cache on for the whole process (Database::Open does, for PostgreSQL); until then every
// call goes straight to libpq.
void EnablePostgresStatementCache();
PostgresCacheCounts PostgresStatementCacheCounts();

}  // namespace liandong::db
