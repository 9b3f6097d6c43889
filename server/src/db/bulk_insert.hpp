// Loading many rows fast, for generated data sets (liandong demo --scale): one prepared INSERT
// stepped per row on SQLite, COPY … FROM STDIN per few megabytes of rows on PostgreSQL. Rows go
// into the caller's open transaction; nothing here commits.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace liandong::db {

// One column's value: NULL, an integer or text (which must stay alive until Add returns).
struct BulkValue {
  enum class Kind { kNull, kInteger, kText };
  BulkValue() : kind(Kind::kNull) {}
  BulkValue(std::int64_t value) : kind(Kind::kInteger), integer(value) {}  // NOLINT: implicit by design
  BulkValue(int value) : kind(Kind::kInteger), integer(value) {}           // NOLINT
  BulkValue(std::string_view value) : kind(Kind::kText), text(value) {}    // NOLINT
  BulkValue(const std::string& value) : kind(Kind::kText), text(value) {}  // NOLINT
  BulkValue(const char* value) : kind(Kind::kText), text(value) {}         // NOLINT

  Kind kind;
  std::int64_t integer = 0;
  std::string_view text;
};

class BulkInserter {
 public:
  // Starts loading into `table` (SQL name) the listed columns, in this order.
  BulkInserter(Session& session, std::string table, std::vector<std::string> columns);
  ~BulkInserter();
  BulkInserter(const BulkInserter&) = delete;
  BulkInserter& operator=(const BulkInserter&) = delete;

  // Makes this inserter send `other`'s buffered rows before its own, when its rows refer to
  // them (PostgreSQL checks foreign keys as each COPY ends).
  void FlushFirst(BulkInserter& other) { flush_first_ = &other; }
  // One row: a value per column.
  void Add(std::initializer_list<BulkValue> row);
  // Sends what is buffered and ends the load; call it before committing. Returns the rows added.
  std::int64_t Finish();

 private:
  void Flush();

  Session& session_;
  std::string table_;
  std::size_t column_count_;
  void* statement_ = nullptr;  // sqlite3_stmt
  std::string copy_sql_;       // PostgreSQL: the COPY statement
  std::string buffer_;         // PostgreSQL: COPY text not sent yet
  BulkInserter* flush_first_ = nullptr;
  std::int64_t rows_ = 0;
  bool finished_ = false;
};

// PostgreSQL only: moves the id sequence of each table past its largest id, after rows were
// loaded with explicit ids. Does nothing on SQLite.
void ResetIdSequences(Session& session, const std::vector<std::string>& tables);

// PostgreSQL only: refreshes the planner's statistics of each table after a bulk load, so that
// what reads it next is not planned for an empty table. Does nothing on SQLite.
void AnalyzeTables(Session& session, const std::vector<std::string>& tables);

}  // namespace liandong::db
