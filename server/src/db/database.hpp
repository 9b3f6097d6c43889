// The database: a SOCI session pool over SQLite or PostgreSQL, chosen by URL, with the same code
// above it. Repositories take a `soci::session&` leased for one unit of work.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace liandong::db {

enum class Dialect { kSqlite, kPostgresql };

class Database {
 public:
  // `url` is "sqlite:PATH" or "postgresql://user@host:port/name?…" (any libpq URI).
  // Throws AppError(invalid_argument, "db.invalid_url") on anything else.
  static std::unique_ptr<Database> Open(const std::string& url, std::size_t pool_size);

  Dialect dialect() const { return dialect_; }
  // "sqlite" or "postgresql", as /api/v1/health reports it.
  std::string_view dialect_name() const;
  soci::connection_pool& pool() { return *pool_; }
  std::size_t pool_size() const { return pool_size_; }

 private:
  Database(Dialect dialect, std::size_t pool_size);

  Dialect dialect_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

// libpq's key=value connection string for a postgresql:// URL (host, port, user, password, database
// name and any query parameters such as sslmode, or host=/socket/dir).
std::string PostgresConnectString(const std::string& url);

// A connection leased from the pool for one unit of work, returned when this goes away.
class Session {
 public:
  explicit Session(Database& database) : sql_(database.pool()), dialect_(database.dialect()) {}
  soci::session& sql() { return sql_; }
  Dialect dialect() const { return dialect_; }

 private:
  soci::session sql_;
  Dialect dialect_;
};

// A transaction that rolls back unless committed. Write transactions on SQLite take the write
// lock up front (BEGIN IMMEDIATE), so that two writers wait for each other instead of failing.
class Transaction {
 public:
  enum class Mode { kRead, kWrite };
  Transaction(Session& session, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void Commit();

 private:
  soci::session& sql_;
  bool open_ = true;
};

}  // namespace liandong::db
