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
// are cached, at most kMaxCachedPostgresPerConnection per connection. Each connection plans as
// before: Database::Open sets plan_cache_mode = force_custom_plan, so a cached statement is
// planned for its values on every call. PostgreSQL's default would switch a statement to one
// generic plan after five calls; a city-wide and a street-wide list of the same text must not
// share a plan (with generic plans the megacity's member page fell from 478 to 418 req/s). What is
// saved is the parse and the round trips. (PL/pgSQL functions that query per row keep PostgreSQL's plan cache through their
// own SET plan_cache_mode = auto, migration 0018.)
#pragma once

#include <cstddef>
#include <cstdint>

namespace liandong::db {

inline constexpr std::size_t kMaxCachedPostgresSqlBytes = 8192;
inline constexpr std::size_t kMaxCachedPostgresPerConnection = 256;

struct PostgresCacheCounts {
  std::uint64_t hits = 0;      // executions of a statement the connection had prepared
  std::uint64_t prepares = 0;  // statements prepared for the cache
};

// Turns the cache on for the whole process (Database::Open does, for PostgreSQL); until then every
// call goes straight to libpq.
void EnablePostgresStatementCache();
PostgresCacheCounts PostgresStatementCacheCounts();

}  // namespace liandong::db
