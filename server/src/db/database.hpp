// The database: a SOCI session pool over SQLite or PostgreSQL, chosen by URL, with the same code
// above it. Repositories take a `soci::session&` leased for one unit of work.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace liandong::db {

enum class Dialect { kSqlite, kPostgresql };

// The writers of one SQLite database in this process, served one at a time in the order they came.
// SQLite's own busy handler sleeps 1, 2, 5 … then 100 ms between tries and lets any newcomer take
// the lock in between, so under steady writes an unlucky writer slept for seconds (report
// submission p99 of 400–700 ms on the megacity set). The busy handler still arbitrates with other
// processes (a backup, the sqlite3 shell).
class WriterQueue {
 public:
  // Waits for this thread's turn. Throws AppError(unavailable, "db.busy") after `timeout`, and
  // AppError(internal) if this thread already holds the turn (a second write transaction inside
  // the first, which on SQLite could only time out).
  void Enter(std::chrono::milliseconds timeout);
  void Leave();
  // How many threads wait for their turn.
  std::size_t waiting() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::uint64_t> waiting_;  // tickets in arrival order; the front goes next
  std::uint64_t next_ticket_ = 0;
  std::thread::id holder_;  // the thread whose turn it is; none when the turn is free
};

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
  // SQLite's in-process writers; null on PostgreSQL, whose row locks let writers run side by side.
  WriterQueue* writers() { return writers_.get(); }

  // PostgreSQL: reopens a leased connection that libpq found broken (the server restarted, or the
  // primary failed over: with several hosts and target_session_attrs=read-write in the URL, libpq
  // finds the new primary). A request that was using the connection when it broke has failed with
  // 503 (IsUnavailable); the next one to lease it gets a fresh one. Throws when no server answers.
  void ReviveIfBroken(soci::session& sql);

 private:
  Database(Dialect dialect, std::size_t pool_size);

  Dialect dialect_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::unique_ptr<WriterQueue> writers_;
  std::string connect_string_;  // PostgreSQL's, for reopening
};

// libpq's key=value connection string for a postgresql:// URL (host, port, user, password, database
// name and any query parameters such as sslmode, or host=/socket/dir).
std::string PostgresConnectString(const std::string& url);

// A connection leased from the pool for one unit of work, returned when this goes away.
class Session {
 public:
  explicit Session(Database& database)
      : sql_(database.pool()), dialect_(database.dialect()), writers_(database.writers()) {
    if (dialect_ == Dialect::kPostgresql) database.ReviveIfBroken(sql_);
  }
  soci::session& sql() { return sql_; }
  Dialect dialect() const { return dialect_; }
  WriterQueue* writers() const { return writers_; }

 private:
  soci::session sql_;
  Dialect dialect_;
  WriterQueue* writers_;
};

// A transaction that rolls back unless committed. Write transactions on SQLite wait for their turn
// in the WriterQueue, then take the write lock up front (BEGIN IMMEDIATE), so that two writers
// wait for each other instead of failing.
class Transaction {
 public:
  enum class Mode { kRead, kWrite };
  Transaction(Session& session, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void Commit();

 private:
  void LeaveWriters();

  soci::session& sql_;
  WriterQueue* writers_ = nullptr;  // set while this transaction holds the writers' turn
  bool open_ = true;
};

}  // namespace liandong::db
