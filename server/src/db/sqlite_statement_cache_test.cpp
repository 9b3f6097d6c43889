// The SQLite statement cache: a statement prepared again on a connection comes from the cache,
// with none of its old bindings or rows, and still sees schema changes. (SQLite only: the cache
// sits in front of libsqlite3.)
#include "db/sqlite_statement_cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "db/database.hpp"

namespace liandong::db {
namespace {

class SqliteStatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("liandong-cache-" + core::RandomHex(6) + ".db");
    database_ = Database::Open("sqlite:" + path_.string(), 1);
  }
  void TearDown() override {
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> database_;
};

TEST_F(SqliteStatementCacheTest, APreparedStatementIsReusedWithFreshBindingsAndSeesNewColumns) {
  Session session(*database_);
  soci::session& sql = session.sql();
  sql << "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)";
  sql << "INSERT INTO item (id, name) VALUES (1, '甲'), (2, '乙')";
  const auto name_of = [&](long long id) {
    std::string name;
    sql << "SELECT name FROM item WHERE id = :id", soci::use(id), soci::into(name);
    return sql.got_data() ? name : std::string("(none)");
  };
  EXPECT_EQ(name_of(1), "甲");
  const StatementCacheCounts before = SqliteStatementCacheCounts();
  EXPECT_EQ(name_of(2), "乙");
  EXPECT_EQ(name_of(3), "(none)");
  EXPECT_EQ(name_of(1), "甲");
  const StatementCacheCounts after = SqliteStatementCacheCounts();
  EXPECT_GE(after.hits - before.hits, 3u) << "the same text on the same connection is not parsed again";

  // A cached statement re-prepares itself after a schema change.
  sql << "ALTER TABLE item ADD COLUMN note TEXT NOT NULL DEFAULT '备注'";
  std::string note;
  for (int i = 0; i < 2; ++i) {
    sql << "SELECT * FROM item WHERE id = 2", soci::into(note);  // the first column, id, as text
    EXPECT_EQ(note, "2");
  }
  soci::row row;
  sql << "SELECT * FROM item WHERE id = 2", soci::into(row);
  EXPECT_EQ(row.size(), 3u);

  // A statement left half-read is reset when it is kept: taken again, it starts from the first row.
  for (int i = 0; i < 2; ++i) {
    soci::rowset<std::string> names = (sql.prepare << "SELECT name FROM item ORDER BY id");
    EXPECT_EQ(*names.begin(), "甲") << "round " << i;
  }
}

TEST_F(SqliteStatementCacheTest, ClosingAConnectionFinalizesWhatItKept) {
  {
    Session session(*database_);
    session.sql() << "CREATE TABLE item (id INTEGER PRIMARY KEY)";
    for (int i = 0; i < 3; ++i) session.sql() << "SELECT COUNT(*) FROM item";
  }
  const std::uint64_t kept = SqliteStatementCacheCounts().kept;
  EXPECT_GT(kept, 0u);
  database_.reset();
  EXPECT_LT(SqliteStatementCacheCounts().kept, kept) << "what the closed connection kept is finalized";
  // The file can be opened again and used: the old connection really closed.
  database_ = Database::Open("sqlite:" + path_.string(), 1);
  Session session(*database_);
  long long count = -1;
  session.sql() << "SELECT COUNT(*) FROM item", soci::into(count);
  EXPECT_EQ(count, 0);
}

TEST_F(SqliteStatementCacheTest, StatementsSqliteMadeItselfAreFinalizedAndTheConnectionCloses) {
  {
    Session session(*database_);
    // FTS5 prepares statements of its own and finalizes them through the same sqlite3_finalize,
    // some only when the connection closes. Kept, they left the connection open, and its
    // write-ahead log was never folded back into the file.
    session.sql() << "CREATE VIRTUAL TABLE note USING fts5(text)";
    session.sql() << "INSERT INTO note (text) VALUES ('和平 街道')";
    long long found = 0;
    session.sql() << "SELECT COUNT(*) FROM note WHERE note MATCH '和平'", soci::into(found);
    EXPECT_EQ(found, 1);
    session.sql() << "DELETE FROM note";
  }
  EXPECT_TRUE(std::filesystem::exists(path_.string() + "-wal"));
  database_.reset();
  EXPECT_FALSE(std::filesystem::exists(path_.string() + "-wal"))
      << "the last connection closed, checkpointed and removed the log";
}

}  // namespace
}  // namespace liandong::db
