#include "db/bulk_insert.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace liandong::db {
namespace {

using namespace sqlite_api;  // SOCI's header declares sqlite3.h inside this namespace

constexpr std::size_t kCopyChunk = 8 << 20;

sqlite3* SqliteHandle(Session& session) {
  return static_cast<soci::sqlite3_session_backend*>(session.sql().get_backend())->conn_;
}

PGconn* PostgresHandle(Session& session) {
  return static_cast<soci::postgresql_session_backend*>(session.sql().get_backend())->conn_;
}

// COPY's text format: backslash escapes for the characters that delimit rows and columns.
void AppendCopyText(std::string& buffer, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        buffer += "\\\\";
        break;
      case '\t':
        buffer += "\\t";
        break;
      case '\n':
        buffer += "\\n";
        break;
      case '\r':
        buffer += "\\r";
        break;
      default:
        buffer.push_back(c);
    }
  }
}

std::string JoinColumns(const std::vector<std::string>& columns) {
  std::string joined;
  for (const std::string& column : columns) joined += (joined.empty() ? "" : ", ") + column;
  return joined;
}

}  // namespace

BulkInserter::BulkInserter(Session& session, std::string table, std::vector<std::string> columns)
    : session_(session), table_(std::move(table)), column_count_(columns.size()) {
  if (session_.dialect() == Dialect::kSqlite) {
    std::string sql = "INSERT INTO " + table_ + " (" + JoinColumns(columns) + ") VALUES (";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ")";
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(SqliteHandle(session_), sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error("bulk insert into " + table_ + ": " + sqlite3_errmsg(SqliteHandle(session_)));
    }
    statement_ = statement;
    return;
  }
  // Rows are buffered and sent by one complete COPY per chunk, so that several inserters can
  // be open at once on the connection (PostgreSQL allows one COPY in progress at a time).
  copy_sql_ = "COPY " + table_ + " (" + JoinColumns(columns) + ") FROM STDIN";
  buffer_.reserve(kCopyChunk * 2);
}

BulkInserter::~BulkInserter() {
  if (statement_ != nullptr) sqlite3_finalize(static_cast<sqlite3_stmt*>(statement_));
}

void BulkInserter::Add(std::initializer_list<BulkValue> row) {
  if (row.size() != column_count_) throw std::logic_error("bulk insert into " + table_ + ": wrong column count");
  ++rows_;
  if (statement_ != nullptr) {
    auto* statement = static_cast<sqlite3_stmt*>(statement_);
    int index = 1;
    for (const BulkValue& value : row) {
      switch (value.kind) {
        case BulkValue::Kind::kNull:
          sqlite3_bind_null(statement, index);
          break;
        case BulkValue::Kind::kInteger:
          sqlite3_bind_int64(statement, index, value.integer);
          break;
        case BulkValue::Kind::kText:
          sqlite3_bind_text(statement, index, value.text.data(), static_cast<int>(value.text.size()), SQLITE_TRANSIENT);
          break;
      }
      ++index;
    }
    const int status = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (status != SQLITE_DONE) {
      throw std::runtime_error("bulk insert into " + table_ + ": " + sqlite3_errmsg(SqliteHandle(session_)));
    }
    return;
  }
  bool first = true;
  for (const BulkValue& value : row) {
    if (!first) buffer_.push_back('\t');
    first = false;
    switch (value.kind) {
      case BulkValue::Kind::kNull:
        buffer_ += "\\N";
        break;
      case BulkValue::Kind::kInteger:
        buffer_ += std::to_string(value.integer);
        break;
      case BulkValue::Kind::kText:
        AppendCopyText(buffer_, value.text);
        break;
    }
  }
  buffer_.push_back('\n');
  if (buffer_.size() >= kCopyChunk) Flush();
}

void BulkInserter::Flush() {
  if (buffer_.empty()) return;
  if (flush_first_ != nullptr) flush_first_->Flush();
  PGconn* connection = PostgresHandle(session_);
  PGresult* started = PQexec(connection, copy_sql_.c_str());
  const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
  PQclear(started);
  if (!copying) throw std::runtime_error("COPY into " + table_ + ": " + PQerrorMessage(connection));
  const bool sent = PQputCopyData(connection, buffer_.data(), static_cast<int>(buffer_.size())) == 1;
  buffer_.clear();
  if (PQputCopyEnd(connection, sent ? nullptr : "not sent") != 1) {
    throw std::runtime_error("COPY into " + table_ + ": " + PQerrorMessage(connection));
  }
  std::string error;
  while (PGresult* result = PQgetResult(connection)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && error.empty()) error = PQresultErrorMessage(result);
    PQclear(result);
  }
  if (!error.empty()) throw std::runtime_error("COPY into " + table_ + ": " + error);
}

std::int64_t BulkInserter::Finish() {
  if (finished_) return rows_;
  finished_ = true;
  if (statement_ == nullptr) Flush();
  return rows_;
}

void ResetIdSequences(Session& session, const std::vector<std::string>& tables) {
  if (session.dialect() != Dialect::kPostgresql) return;
  for (const std::string& table : tables) {
    session.sql() << "SELECT setval(pg_get_serial_sequence('" + table +
                         "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + "), false)";
  }
}

void AnalyzeTables(Session& session, const std::vector<std::string>& tables) {
  if (session.dialect() != Dialect::kPostgresql || tables.empty()) return;
  std::string names;
  for (const std::string& table : tables) names += (names.empty() ? "" : ", ") + table;
  session.sql() << "ANALYZE " + names;
}

}  // namespace liandong::db
