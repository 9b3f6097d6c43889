#include "db/postgres_statement_cache.hpp"

#include <libpq-fe.h>

#include <atomic>
#include <cctype>
#include <cstring>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "db/next_definition.hpp"

namespace liandong::db {
namespace {

struct Cached {
  std::string name;
  std::list<std::string>::iterator recency;  // its place in Connection::recency
};

struct Connection {
  std::unordered_map<std::string, Cached> names;         // statement text → our name
  std::list<std::string> recency;                        // statement texts, the last used first
  std::unordered_map<std::string, std::string> aliases;  // SOCI's name → our name
  std::unordered_set<std::size_t> seen_once;             // hashes of texts run once, unprepared
};

// A text is prepared the second time its connection runs it. Texts that carry their values inline
// (a page's ids in an IN list) mostly run once: preparing them would cost a round trip each, and
// a second one to forget them, and push the statements that do repeat out of the cache.
constexpr std::size_t kMaxSeenOnce = 4096;

struct Cache {
  std::mutex mutex;
  std::unordered_map<PGconn*, Connection> connections;
  std::uint64_t next_name = 0;
  std::uint64_t hits = 0;
  std::uint64_t prepares = 0;
  std::uint64_t evictions = 0;
};

std::atomic<bool> enabled{false};

Cache& TheCache() {
  static Cache* cache = new Cache();  // never destroyed: connections may close during exit
  return *cache;
}

bool Cacheable(const char* text) {
  if (text == nullptr || strnlen(text, kMaxCachedPostgresSqlBytes + 1) > kMaxCachedPostgresSqlBytes) return false;
  while (std::isspace(static_cast<unsigned char>(*text))) ++text;
  for (const char* verb : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}) {
    if (strncasecmp(text, verb, std::strlen(verb)) == 0) return true;
  }
  return false;
}

std::optional<std::string> CachedName(PGconn* conn, const std::string& text) {
  Cache& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  Connection& connection = cache.connections[conn];
  const auto found = connection.names.find(text);
  if (found == connection.names.end()) return std::nullopt;
  ++cache.hits;
  connection.recency.splice(connection.recency.begin(), connection.recency, found->second.recency);
  return found->second.name;
}

// True when `text` ran on this connection before and should now be prepared; otherwise notes it.
bool SecondSight(PGconn* conn, const std::string& text) {
  Cache& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  Connection& connection = cache.connections[conn];
  const std::size_t hash = std::hash<std::string>{}(text);
  if (connection.seen_once.erase(hash) > 0) return true;
  if (connection.seen_once.size() >= kMaxSeenOnce) connection.seen_once.clear();
  connection.seen_once.insert(hash);
  return false;
}

// Makes room for one more statement on a full connection: forgets the least recently used one
// that no SOCI statement holds under its own name, and returns its name for DEALLOCATE (empty when
// there is room, or when every statement is held).
std::string EvictForRoom(Connection& connection) {
  if (connection.names.size() < kMaxCachedPostgresPerConnection) return {};
  for (auto text = connection.recency.rbegin(); text != connection.recency.rend(); ++text) {
    const auto found = connection.names.find(*text);
    const std::string name = found->second.name;
    bool held = false;
    for (const auto& [alias, aliased] : connection.aliases) held = held || aliased == name;
    if (held) continue;
    connection.recency.erase(found->second.recency);
    connection.names.erase(found);
    return name;
  }
  return {};
}

// Prepares `text` under a new name of ours. Returns the name, or the failed result to hand back
// (the same error an unprepared statement would have raised).
std::string PrepareForCache(PGconn* conn, const std::string& text, int parameters, PGresult** failure) {
  Cache& cache = TheCache();
  std::string name;
  std::string evicted;
  {
    std::lock_guard lock(cache.mutex);
    Connection& connection = cache.connections[conn];
    evicted = EvictForRoom(connection);
    if (connection.names.size() >= kMaxCachedPostgresPerConnection) return {};
    if (!evicted.empty()) ++cache.evictions;
    name = "ld_" + std::to_string(++cache.next_name);
  }
  if (!evicted.empty()) {
    // Session-level, not undone by a rollback; a failure only leaves the statement on the server.
    PQclear(LIANDONG_NEXT(PQexec)(conn, ("DEALLOCATE " + evicted).c_str()));
  }
  PGresult* result = LIANDONG_NEXT(PQprepare)(conn, name.c_str(), text.c_str(), parameters, nullptr);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) {
    *failure = result;
    return {};
  }
  PQclear(result);
  std::lock_guard lock(cache.mutex);
  Connection& connection = cache.connections[conn];
  connection.recency.push_front(text);
  connection.names.emplace(text, Cached{name, connection.recency.begin()});
  ++cache.prepares;
  return name;
}

void Forget(PGconn* conn) {
  Cache& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  cache.connections.erase(conn);
}

}  // namespace

void EnablePostgresStatementCache() { enabled.store(true, std::memory_order_relaxed); }

PostgresCacheCounts PostgresStatementCacheCounts() {
  Cache& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  return {cache.hits, cache.prepares, cache.evictions};
}

}  // namespace liandong::db

extern "C" {

PGresult* PQexecParams(PGconn* conn, const char* command, int parameters, const Oid* types, const char* const* values,
                       const int* lengths, const int* formats, int result_format) {
  using namespace liandong::db;
  if (!enabled.load(std::memory_order_relaxed) || types != nullptr || !Cacheable(command) ||
      PQtransactionStatus(conn) == PQTRANS_INERROR) {
    return LIANDONG_NEXT(PQexecParams)(conn, command, parameters, types, values, lengths, formats, result_format);
  }
  const std::string text(command);
  std::optional<std::string> name = CachedName(conn, text);
  if (!name && !SecondSight(conn, text)) {
    return LIANDONG_NEXT(PQexecParams)(conn, command, parameters, types, values, lengths, formats, result_format);
  }
  if (!name) {
    PGresult* failure = nullptr;
    std::string made = PrepareForCache(conn, text, parameters, &failure);
    if (failure != nullptr) return failure;
    if (made.empty()) {
      return LIANDONG_NEXT(PQexecParams)(conn, command, parameters, types, values, lengths, formats, result_format);
    }
    name = std::move(made);
  }
  return LIANDONG_NEXT(PQexecPrepared)(conn, name->c_str(), parameters, values, lengths, formats, result_format);
}

PGresult* PQprepare(PGconn* conn, const char* statement, const char* query, int parameters, const Oid* types) {
  using namespace liandong::db;
  if (!enabled.load(std::memory_order_relaxed) || types != nullptr || statement == nullptr || *statement == '\0' ||
      !Cacheable(query) || PQtransactionStatus(conn) == PQTRANS_INERROR) {
    return LIANDONG_NEXT(PQprepare)(conn, statement, query, parameters, types);
  }
  const std::string text(query);
  std::optional<std::string> name = CachedName(conn, text);
  if (!name && !SecondSight(conn, text)) return LIANDONG_NEXT(PQprepare)(conn, statement, query, parameters, types);
  if (!name) {
    PGresult* failure = nullptr;
    std::string made = PrepareForCache(conn, text, parameters, &failure);
    if (failure != nullptr) return failure;
    if (made.empty()) return LIANDONG_NEXT(PQprepare)(conn, statement, query, parameters, types);
    name = std::move(made);
  }
  Cache& cache = TheCache();
  {
    std::lock_guard lock(cache.mutex);
    cache.connections[conn].aliases[statement] = *name;
  }
  return PQmakeEmptyPGresult(conn, PGRES_COMMAND_OK);
}

PGresult* PQexecPrepared(PGconn* conn, const char* statement, int parameters, const char* const* values,
                         const int* lengths, const int* formats, int result_format) {
  using namespace liandong::db;
  std::string name;
  if (enabled.load(std::memory_order_relaxed) && statement != nullptr) {
    Cache& cache = TheCache();
    std::lock_guard lock(cache.mutex);
    const auto connection = cache.connections.find(conn);
    if (connection != cache.connections.end()) {
      const auto alias = connection->second.aliases.find(statement);
      if (alias != connection->second.aliases.end()) name = alias->second;
    }
  }
  return LIANDONG_NEXT(PQexecPrepared)(conn, name.empty() ? statement : name.c_str(), parameters, values, lengths,
                                       formats, result_format);
}

PGresult* PQexec(PGconn* conn, const char* query) {
  using namespace liandong::db;
  constexpr std::string_view kDeallocate = "DEALLOCATE ";
  if (enabled.load(std::memory_order_relaxed) && query != nullptr &&
      std::strncmp(query, kDeallocate.data(), kDeallocate.size()) == 0) {
    Cache& cache = TheCache();
    std::lock_guard lock(cache.mutex);
    const auto connection = cache.connections.find(conn);
    if (connection != cache.connections.end() && connection->second.aliases.erase(query + kDeallocate.size()) > 0) {
      return PQmakeEmptyPGresult(conn, PGRES_COMMAND_OK);
    }
  }
  // A statement without values (SOCI sends those this way) is cached like any other; a string of
  // several statements is not (PQprepare takes one).
  if (enabled.load(std::memory_order_relaxed) && query != nullptr && Cacheable(query) &&
      std::strchr(query, ';') == nullptr) {
    return PQexecParams(conn, query, 0, nullptr, nullptr, nullptr, nullptr, 0);
  }
  return LIANDONG_NEXT(PQexec)(conn, query);
}

void PQreset(PGconn* conn) {
  liandong::db::Forget(conn);  // a new server session has none of the statements
  LIANDONG_NEXT(PQreset)(conn);
}

void PQfinish(PGconn* conn) {
  liandong::db::Forget(conn);
  LIANDONG_NEXT(PQfinish)(conn);
}

}  // extern "C"
