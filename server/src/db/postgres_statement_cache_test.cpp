// The PostgreSQL statement cache: a statement's text is prepared once per connection and then only
// executed, with each call's values, through errors and rollbacks; SOCI's own prepared statements
// share it. (PostgreSQL only: skipped on SQLite.)
#include "db/postgres_statement_cache.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "testing/test_database.hpp"

namespace liandong::db {
namespace {

TEST(PostgresStatementCacheTest, AStatementIsPreparedOnceAndRunsWithEachCallsValues) {
  testing::TestDatabase test_database;
  if (!test_database.url().starts_with("postgres")) GTEST_SKIP() << "PostgreSQL only";
  const auto database = Database::Open(test_database.url(), 1);
  Session session(*database);
  soci::session& sql = session.sql();
  const auto plus_one = [&](int value) {
    int result = 0;
    sql << "SELECT CAST(:value AS INTEGER) + 1", soci::use(value, "value"), soci::into(result);
    return result;
  };
  EXPECT_EQ(plus_one(1), 2);
  const PostgresCacheCounts before = PostgresStatementCacheCounts();
  EXPECT_EQ(plus_one(41), 42);
  EXPECT_EQ(plus_one(-1), 0);
  const PostgresCacheCounts after = PostgresStatementCacheCounts();
  EXPECT_EQ(after.prepares, before.prepares) << "prepared once";
  EXPECT_GE(after.hits - before.hits, 2u);

  // An error inside a transaction, and its rollback, leave the cached statement usable.
  sql << "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)";
  {
    Transaction transaction(session, Transaction::Mode::kWrite);
    for (int id : {1, 2}) sql << "INSERT INTO item (id, name) VALUES (:id, '甲')", soci::use(id, "id");
    int duplicate = 1;
    EXPECT_THROW((sql << "INSERT INTO item (id, name) VALUES (:id, '甲')", soci::use(duplicate, "id")),
                 soci::soci_error);
  }  // rolled back
  long long count = -1;
  sql << "SELECT COUNT(*) FROM item", soci::into(count);
  EXPECT_EQ(count, 0);
  int three = 3;
  sql << "INSERT INTO item (id, name) VALUES (:id, '甲')", soci::use(three, "id");
  sql << "SELECT COUNT(*) FROM item", soci::into(count);
  EXPECT_EQ(count, 1);

  // SOCI's prepared statements use the cache under their own names, and their DEALLOCATE is
  // answered without dropping it.
  for (int round = 0; round < 3; ++round) {
    std::string name;
    int id = 3;
    soci::statement statement = (sql.prepare << "SELECT name FROM item WHERE id = :id", soci::use(id, "id"),
                                 soci::into(name));
    statement.execute(true);
    EXPECT_EQ(name, "甲") << "round " << round;
  }
  long long prepared = 0, soci_named = 0;
  sql << "SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE 'ld\\_%'", soci::into(prepared);
  sql << "SELECT COUNT(*) FROM pg_prepared_statements WHERE name NOT LIKE 'ld\\_%'", soci::into(soci_named);
  EXPECT_EQ(prepared, 3) << "plus one, the insert and the select by id (SOCI sends statements without values unprepared)";
  EXPECT_EQ(soci_named, 0) << "no statement prepared under SOCI's names";
}

}  // namespace
}  // namespace liandong::db
