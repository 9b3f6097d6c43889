#include "db/database.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <filesystem>
#include <optional>

#include "core/error.hpp"
#include "core/log.hpp"
#include "db/failure.hpp"
#include "db/postgres_statement_cache.hpp"
#include "db/sqlite_statement_cache.hpp"

namespace liandong::db {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::string_view kSqlitePrefix = "sqlite:";

// Quotes a value for SQLite's "key=value" connection string.
std::string QuoteSqliteValue(const std::string& value) {
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

// Quotes a value for libpq's "key='value'" connection string.
std::string QuoteLibpqValue(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  quoted.push_back('\'');
  return quoted;
}

}  // namespace

namespace {

// The hosts of a multi-host URL (postgresql://user@h1:5432,h2:5432/db): libpq's host and port
// lists, and the URL with one placeholder host in their place, which a URI parser accepts.
struct HostList {
  std::string url;
  std::string hosts;
  std::string ports;
};

std::optional<HostList> SplitHostList(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  const auto authority_start = scheme_end + 3;
  const auto authority_end = url.find_first_of("/?#", authority_start);
  const std::string authority = url.substr(authority_start, authority_end - authority_start);
  const auto at = authority.rfind('@');
  const std::size_t host_start = at == std::string::npos ? 0 : at + 1;
  const std::string host_part = authority.substr(host_start);
  if (host_part.find(',') == std::string::npos) return std::nullopt;
  HostList list;
  bool any_port = false;
  std::size_t start = 0;
  while (start <= host_part.size()) {
    const auto comma = host_part.find(',', start);
    const std::string entry = host_part.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::string host = entry;
    std::string port;
    const auto bracket = entry.find(']');
    const auto colon = entry.rfind(':');
    if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
      host = entry.substr(0, colon);
      port = entry.substr(colon + 1);
      any_port = true;
    }
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) throw AppError(ErrorKind::kInvalidArgument, "db.invalid_url", "an empty host in the host list");
    list.hosts += (list.hosts.empty() ? "" : ",") + host;
    list.ports += (start == 0 ? "" : ",") + port;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!any_port) list.ports.clear();
  list.url = url.substr(0, authority_start + host_start) + "multiple-hosts.invalid" +
             (authority_end == std::string::npos ? "" : url.substr(authority_end));
  return list;
}

}  // namespace

std::string PostgresConnectString(const std::string& url) {
  // Several hosts (a primary and its standbys, with target_session_attrs=read-write): libpq tries
  // them in turn and keeps the one that takes writes.
  if (const auto list = SplitHostList(url)) {
    std::string rest = PostgresConnectString(list->url);
    const std::string placeholder = "host='multiple-hosts.invalid'";
    rest.replace(rest.find(placeholder), placeholder.size(),
                 "host=" + QuoteLibpqValue(list->hosts) +
                     (list->ports.empty() ? "" : " port=" + QuoteLibpqValue(list->ports)));
    return rest;
  }
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || (parsed->scheme() != "postgresql" && parsed->scheme() != "postgres")) {
    throw AppError(ErrorKind::kInvalidArgument, "db.invalid_url", "not a postgresql:// URL");
  }
  std::string result;
  const auto add = [&result](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!result.empty()) result.push_back(' ');
    result.append(key).append("=").append(QuoteLibpqValue(value));
  };
  add("host", parsed->host());
  add("port", parsed->port());
  add("user", parsed->user());
  add("password", parsed->password());
  std::string dbname = parsed->path();
  if (!dbname.empty() && dbname.front() == '/') dbname.erase(0, 1);
  add("dbname", dbname);
  for (auto param : parsed->params()) add(param.key, param.value);
  return result;
}

namespace {

void OpenSqlite(soci::session& sql, const std::string& path) {
  EnableSqliteStatementCache();
  sql.open(soci::sqlite3, "db=" + QuoteSqliteValue(path) + " timeout=10");
  // WAL lets readers run beside the writer; FULL makes each commit durable on power loss.
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=FULL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=10000";
  // 32 MiB of pages per connection instead of SQLite's 2 MiB: a city-wide read (the co-building
  // overview's 300 streets) otherwise re-reads its pages from the kernel on every request.
  sql << "PRAGMA cache_size=-32768";
  // Pages read in place from the kernel's page cache instead of copied into each connection's
  // cache by a read() apiece: up to 2 GiB of the file, SQLite's cap in Debian's build. Writes still
  // go through the WAL with write() (no SQLITE_MMAP_READWRITE), so a full disk stays an error, not
  // a signal. On the megacity set: intake 525 → 836 req/s, a request's detail 3,891 → 7,203.
  sql << "PRAGMA mmap_size=2147418112";
}

void OpenPostgres(soci::session& sql, const std::string& connect_string) {
  sql.open(soci::postgresql, connect_string);
  sql << "SET TIME ZONE 'UTC'";
  sql << "SET client_min_messages TO WARNING";  // no NOTICEs on standard error
}

}  // namespace

// As long as SQLite's busy_timeout: a writer waits as long for its turn as for the lock.
constexpr std::chrono::milliseconds kWriterTimeout{10000};

void WriterQueue::Enter(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (holder_ == std::this_thread::get_id()) {
    throw AppError(ErrorKind::kInternal, "server.internal", "a write transaction inside another on SQLite");
  }
  const std::uint64_t ticket = next_ticket_++;
  waiting_.push_back(ticket);
  const bool turn =
      changed_.wait_for(lock, timeout, [&] { return holder_ == std::thread::id() && waiting_.front() == ticket; });
  if (!turn) {
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), ticket));
    changed_.notify_all();  // the front may have changed
    throw AppError(ErrorKind::kUnavailable, "db.busy");
  }
  waiting_.pop_front();
  holder_ = std::this_thread::get_id();
}

void WriterQueue::Leave() {
  {
    std::lock_guard lock(mutex_);
    holder_ = {};
  }
  changed_.notify_all();
}

std::size_t WriterQueue::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

Database::Database(Dialect dialect, std::size_t pool_size)
    : dialect_(dialect),
      pool_size_(pool_size),
      pool_(std::make_unique<soci::connection_pool>(pool_size)),
      writers_(dialect == Dialect::kSqlite ? std::make_unique<WriterQueue>() : nullptr) {}

std::string_view Database::dialect_name() const { return dialect_ == Dialect::kSqlite ? "sqlite" : "postgresql"; }

std::unique_ptr<Database> Database::Open(const std::string& url, std::size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  if (url.starts_with(kSqlitePrefix)) {
    const std::string path = url.substr(kSqlitePrefix.size());
    if (path.empty()) throw AppError(ErrorKind::kInvalidArgument, "db.invalid_url", "sqlite: needs a file path");
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    std::unique_ptr<Database> database(new Database(Dialect::kSqlite, pool_size));
    for (std::size_t i = 0; i < pool_size; ++i) OpenSqlite(database->pool_->at(i), path);
    return database;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    std::unique_ptr<Database> database(new Database(Dialect::kPostgresql, pool_size));
    EnablePostgresStatementCache();
    database->connect_string_ = PostgresConnectString(url);
    for (std::size_t i = 0; i < pool_size; ++i) OpenPostgres(database->pool_->at(i), database->connect_string_);
    return database;
  }
  throw AppError(ErrorKind::kInvalidArgument, "db.invalid_url", "expected sqlite:PATH or postgresql://…");
}

void Database::ReviveIfBroken(soci::session& sql) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  if (backend != nullptr && backend->conn_ != nullptr && PQstatus(backend->conn_) == CONNECTION_OK) return;
  core::log::Warn("db.reconnecting");
  if (backend != nullptr) {
    try {
      sql.close();
    } catch (const std::exception& error) {
      core::log::Warn("db.close_failed", {{"detail", LoggableMessage(error)}});
    }
  }
  OpenPostgres(sql, connect_string_);
  core::log::Info("db.reconnected");
}

Transaction::Transaction(Session& session, Mode mode) : sql_(session.sql()) {
  if (mode == Mode::kWrite && session.writers() != nullptr) {
    session.writers()->Enter(kWriterTimeout);
    writers_ = session.writers();
    try {
      sql_ << "BEGIN IMMEDIATE";
    } catch (...) {
      LeaveWriters();
      throw;
    }
  } else {
    sql_ << "BEGIN";
  }
}

Transaction::~Transaction() {
  if (open_) {
    try {
      sql_ << "ROLLBACK";
    } catch (const std::exception& error) {
      core::log::Error("db.rollback_failed", {{"detail", LoggableMessage(error)}});
    }
  }
  LeaveWriters();
}

void Transaction::Commit() {
  sql_ << "COMMIT";
  open_ = false;
  LeaveWriters();
}

void Transaction::LeaveWriters() {
  if (writers_ == nullptr) return;
  writers_->Leave();
  writers_ = nullptr;
}

}  // namespace liandong::db
