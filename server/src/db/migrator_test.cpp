#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "core/error.hpp"
#include "core/log.hpp"
#include "core/org_scope.hpp"
#include "db/org_scope_binding.hpp"
#include "testing/test_database.hpp"

namespace liandong::db {
namespace {

TEST(SplitStatementsTest, SplitsAtSemicolonsThatEndALine) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"CREATE TABLE a (x INTEGER);\nCREATE INDEX a_x ON a (x);\n",
       {"CREATE TABLE a (x INTEGER)", "CREATE INDEX a_x ON a (x)"}},
      {"-- a comment; with a semicolon\nSELECT 1;\n", {"SELECT 1"}},
      {"SELECT 'a;b' -- trailing comment\n  FROM t;\n", {"SELECT 'a;b'\n  FROM t"}},
      {"SELECT 1", {"SELECT 1"}},
      {"\n\n-- only comments\n", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(SplitStatements(c.text), c.expected) << c.text;
}

TEST(LoadMigrationsTest, EveryMigrationChangesAtLeastOneDatabase) {
  const auto sqlite = LoadMigrations(Dialect::kSqlite);
  const auto postgres = LoadMigrations(Dialect::kPostgresql);
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    // A file of comments only is a change for the other database alone (0020 is PostgreSQL's).
    EXPECT_FALSE(sqlite[i].statements.empty() && postgres[i].statements.empty()) << sqlite[i].name;
  }
}

TEST(LoadMigrationsTest, EachDialectGetsItsOwnFilesInOrder) {
  for (Dialect dialect : {Dialect::kSqlite, Dialect::kPostgresql}) {
    const auto migrations = LoadMigrations(dialect);
    ASSERT_GE(migrations.size(), 2u);
    for (std::size_t i = 0; i < migrations.size(); ++i) {
      EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
    }
    EXPECT_EQ(migrations[0].name, "create_org");
    const std::string& create_org = migrations[0].statements[0];
    const bool has_collate = create_org.find("COLLATE \"C\"") != std::string::npos;
    EXPECT_EQ(has_collate, dialect == Dialect::kPostgresql) << "the path column is byte-ordered on PostgreSQL";
    const bool rowid_alias = create_org.find("id INTEGER PRIMARY KEY") != std::string::npos;
    EXPECT_EQ(rowid_alias, dialect == Dialect::kSqlite) << create_org;
    for (const Migration& migration : migrations) {
      for (const std::string& statement : migration.statements) EXPECT_EQ(statement.find("{{"), std::string::npos);
    }
  }
}

class MigrateTest : public ::testing::Test {
 protected:
  void SetUp() override { core::log::Init("off"); }
  testing::TestDatabase test_database_;
  std::unique_ptr<Database> database_ = Database::Open(test_database_.url(), 2);
};

TEST_F(MigrateTest, MigratesAnEmptyDatabaseOnceAndThenDoesNothing) {
  EXPECT_EQ(SchemaVersion(*database_), 0);
  EXPECT_EQ(Migrate(*database_), LatestSchemaVersion());
  EXPECT_EQ(Migrate(*database_), LatestSchemaVersion());
  Session session(*database_);
  int rows = 0;
  session.sql() << "SELECT COUNT(*) FROM schema_version", soci::into(rows);
  EXPECT_EQ(rows, LatestSchemaVersion());
}

TEST_F(MigrateTest, RefusesADatabaseNewerThanTheBinary) {
  Migrate(*database_);
  {
    Session session(*database_);
    session.sql() << "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'from_the_future', 0)";
  }
  try {
    Migrate(*database_);
    FAIL() << "expected db.schema_too_new";
  } catch (const core::AppError& error) {
    EXPECT_EQ(error.code(), "db.schema_too_new");
  }
}

TEST_F(MigrateTest, UncommittedTransactionsRollBack) {
  Migrate(*database_);
  {
    Session session(*database_);
    Transaction transaction(session, Transaction::Mode::kWrite);
    session.sql() << "INSERT INTO org (path, level, depth, kind, name, created_at) "
                     "VALUES ('/9/', 'city', 0, 'committee', '回滚市', 0)";
  }
  Session session(*database_);
  int count = -1;
  session.sql() << "SELECT COUNT(*) FROM org", soci::into(count);
  EXPECT_EQ(count, 0);
}

TEST_F(MigrateTest, SubtreeRangeScanIsByteOrdered) {
  // A subtree is the range [scope.Path(), scope.End()) over the path column: on both databases it
  // must hold exactly the paths the scope contains ('/1/17/' must not take in '/1/170/').
  Migrate(*database_);
  Session session(*database_);
  const std::vector<std::string> paths = {"/1/", "/1/17/", "/1/17/230/", "/1/17/230/9/", "/1/170/",
                                          "/1/171/", "/1/18/", "/1/16/", "/1/17/2301/"};
  long long root_id = 0;
  for (const std::string& path : paths) {
    // One root: every other org hangs below it (migration 0021 allows a single org without parent).
    std::optional<long long> parent;
    if (path != "/1/") parent = root_id;
    soci::indicator parent_indicator = parent ? soci::i_ok : soci::i_null;
    long long parent_id = parent.value_or(0);
    long long id = 0;
    // SOCI runs the statement when the full expression ends: bind named objects, not temporaries.
    session.sql() << "INSERT INTO org (parent_id, path, level, depth, kind, name, created_at) "
                     "VALUES (:parent_id, :path, 'x', 0, 'committee', 'n', 0) RETURNING id",
        soci::use(parent_id, parent_indicator, "parent_id"), soci::use(path, "path"), soci::into(id);
    if (path == "/1/") root_id = id;
  }
  for (const std::string scope_path : {"/1/", "/1/17/", "/1/17/230/", "/1/170/", "/1/18/"}) {
    core::Actor actor;
    actor.org_path = scope_path;
    const core::OrgScope scope = core::OrgScope::Of(actor);
    const auto expected = std::count_if(paths.begin(), paths.end(), [&](const std::string& path) {
      return scope.Contains(path);
    });
    ASSERT_GT(expected, 0) << scope_path;
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM org WHERE path >= :scope AND path < :scope_end", db::UseScope{scope},
        soci::into(count);
    EXPECT_EQ(count, expected) << scope_path;
  }
}

TEST_F(MigrateTest, OnlyOneOrgHasNoParent) {
  Migrate(*database_);
  Session session(*database_);
  session.sql() << "INSERT INTO org (path, level, depth, kind, name, created_at) "
                   "VALUES ('/1/', 'city', 0, 'committee', '示范市', 0)";
  try {
    session.sql() << "INSERT INTO org (path, level, depth, kind, name, created_at) "
                     "VALUES ('/2/', 'city', 0, 'committee', '第二个根', 0)";
    FAIL() << "a second root was accepted";
  } catch (const soci::soci_error&) {
  }
  int roots = 0;
  session.sql() << "SELECT COUNT(*) FROM org WHERE parent_id IS NULL", soci::into(roots);
  EXPECT_EQ(roots, 1);
}

TEST(DatabaseTest, RejectsUnknownUrls) {
  for (const char* url : {"mysql://x", "sqlite:", "", "postgres"}) {
    try {
      Database::Open(url, 1);
      FAIL() << url;
    } catch (const core::AppError& error) {
      EXPECT_EQ(error.code(), "db.invalid_url") << url;
    }
  }
}

TEST(DatabaseTest, TurnsPostgresUrlsIntoLibpqStrings) {
  EXPECT_EQ(PostgresConnectString("postgresql://u:p%40ss@127.0.0.1:5433/liandong?sslmode=disable"),
            "host='127.0.0.1' port='5433' user='u' password='p@ss' dbname='liandong' sslmode='disable'");
  EXPECT_EQ(PostgresConnectString("postgresql:///db?host=/tmp/x"), "dbname='db' host='/tmp/x'");
  EXPECT_EQ(PostgresConnectString("postgresql://h/it's"), "host='h' dbname='it\\'s'");
  // A primary and its standby: libpq tries the hosts in turn and keeps the one that takes writes.
  EXPECT_EQ(PostgresConnectString(
                "postgresql://u:pw@10.0.0.21:5432,10.0.0.22:5433/liandong?target_session_attrs=read-write"),
            "host='10.0.0.21,10.0.0.22' port='5432,5433' user='u' password='pw' dbname='liandong' "
            "target_session_attrs='read-write'");
  EXPECT_EQ(PostgresConnectString("postgresql://pg1,pg2/db"), "host='pg1,pg2' dbname='db'");
  EXPECT_EQ(PostgresConnectString("postgresql://[::1]:5432,[fd00::2]/db"), "host='::1,fd00::2' port='5432,' dbname='db'");
}

TEST(DatabaseTest, SessionsAreSetUpForTheirDatabase) {
  testing::TestDatabase test_database;
  auto database = Database::Open(test_database.url(), 1);
  Session session(*database);
  if (database->dialect() == Dialect::kPostgresql) {
    std::string time_zone;
    session.sql() << "SHOW TIME ZONE", soci::into(time_zone);
    EXPECT_EQ(time_zone, "UTC");
    return;
  }
  std::string journal_mode;
  int synchronous = 0, foreign_keys = 0, busy_timeout = 0;
  session.sql() << "PRAGMA journal_mode", soci::into(journal_mode);
  session.sql() << "PRAGMA synchronous", soci::into(synchronous);
  session.sql() << "PRAGMA foreign_keys", soci::into(foreign_keys);
  session.sql() << "PRAGMA busy_timeout", soci::into(busy_timeout);
  EXPECT_EQ(journal_mode, "wal");
  EXPECT_EQ(synchronous, 2) << "FULL";
  EXPECT_EQ(foreign_keys, 1);
  EXPECT_GE(busy_timeout, 5000);
}

}  // namespace
}  // namespace liandong::db
