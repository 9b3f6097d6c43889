#include "db/sqlite_statement_cache.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "db/next_definition.hpp"

namespace liandong::db {
namespace {

struct Kept {
  std::unordered_multimap<std::string, sqlite3_stmt*> by_sql;
};

struct Cache {
  std::mutex mutex;
  std::unordered_map<sqlite3*, Kept> connections;
  // Connections being closed. Closing disconnects FTS5's tables, which finalize their statements
  // through sqlite3_finalize; kept, those left the connection open (SQLITE_BUSY), and its
  // write-ahead log was never folded back into the file.
  std::unordered_set<sqlite3*> closing;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t kept = 0;
};

std::atomic<bool> enabled{false};

Cache& TheCache() {
  static Cache* cache = new Cache();  // never destroyed: connections may close during exit
  return *cache;
}

// Takes back what a connection kept, to finalize before it closes.
std::vector<sqlite3_stmt*> Forget(sqlite3* db) {
  std::vector<sqlite3_stmt*> statements;
  Cache& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  const auto found = cache.connections.find(db);
  if (found == cache.connections.end()) return statements;
  for (const auto& [sql, statement] : found->second.by_sql) statements.push_back(statement);
  cache.kept -= statements.size();
  cache.connections.erase(found);
  return statements;
}

void FinalizeAll(const std::vector<sqlite3_stmt*>& statements) {
  for (sqlite3_stmt* statement : statements) LIANDONG_NEXT(sqlite3_finalize)(statement);
}

void MarkClosing(sqlite3* db, bool closing) {
  Cache& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  if (closing) {
    cache.closing.insert(db);
  } else {
    cache.closing.erase(db);
  }
}

// Closes `db` with `close`, finalizing rather than keeping every statement finalized meanwhile.
int Close(sqlite3* db, int (*close)(sqlite3*)) {
  MarkClosing(db, true);
  FinalizeAll(Forget(db));
  const int result = close(db);
  MarkClosing(db, false);
  return result;
}

}  // namespace

void EnableSqliteStatementCache() { enabled.store(true, std::memory_order_relaxed); }

StatementCacheCounts SqliteStatementCacheCounts() {
  Cache& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  return {cache.hits, cache.misses, cache.kept};
}

}  // namespace liandong::db

extern "C" {

int sqlite3_prepare_v2(sqlite3* db, const char* sql, int bytes, sqlite3_stmt** statement, const char** tail) {
  using namespace liandong::db;
  if (!enabled.load(std::memory_order_relaxed) || sql == nullptr) {
    return LIANDONG_NEXT(sqlite3_prepare_v2)(db, sql, bytes, statement, tail);
  }
  const std::size_t length = bytes < 0 ? std::strlen(sql) : static_cast<std::size_t>(bytes);
  if (length <= kMaxCachedSqlBytes) {
    Cache& cache = TheCache();
    std::lock_guard lock(cache.mutex);
    const auto connection = cache.connections.find(db);
    if (connection != cache.connections.end()) {
      const auto found = connection->second.by_sql.find(std::string(sql, length));
      if (found != connection->second.by_sql.end()) {
        *statement = found->second;
        connection->second.by_sql.erase(found);
        --cache.kept;
        ++cache.hits;
        if (tail != nullptr) *tail = sql + length;
        return SQLITE_OK;
      }
    }
    ++cache.misses;
  }
  return LIANDONG_NEXT(sqlite3_prepare_v2)(db, sql, bytes, statement, tail);
}

int sqlite3_finalize(sqlite3_stmt* statement) {
  using namespace liandong::db;
  if (!enabled.load(std::memory_order_relaxed) || statement == nullptr) {
    return LIANDONG_NEXT(sqlite3_finalize)(statement);
  }
  const char* text = sqlite3_sql(statement);
  const std::size_t length = text == nullptr ? kMaxCachedSqlBytes + 1 : std::strlen(text);
  if (length <= kMaxCachedSqlBytes) {
    // What finalizing would report: the error of the last step, if any.
    const int result = sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    Cache& cache = TheCache();
    std::lock_guard lock(cache.mutex);
    sqlite3* db = sqlite3_db_handle(statement);
    Kept& kept = cache.connections[db];
    if (kept.by_sql.size() < kMaxCachedPerConnection && !cache.closing.contains(db)) {
      kept.by_sql.emplace(std::string(text, length), statement);
      ++cache.kept;
      return result;
    }
  }
  return LIANDONG_NEXT(sqlite3_finalize)(statement);
}

int sqlite3_close(sqlite3* db) { return liandong::db::Close(db, LIANDONG_NEXT(sqlite3_close)); }

int sqlite3_close_v2(sqlite3* db) { return liandong::db::Close(db, LIANDONG_NEXT(sqlite3_close_v2)); }

}  // extern "C"
