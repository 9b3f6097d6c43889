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
  EXPECT_EQ(plus_one(1), 2);  // the first time unprepared, the second prepared
  EXPECT_EQ(plus_one(2), 3);
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
    soci::statement statement =
        (sql.prepare << "SELECT name FROM item WHERE id = :id", soci::use(id, "id"), soci::into(name));
    statement.execute(true);
    EXPECT_EQ(name, "甲") << "round " << round;
  }
  long long prepared = 0, soci_named = 0;
  sql << "SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE 'ld\\_%'", soci::into(prepared);
  sql << "SELECT COUNT(*) FROM pg_prepared_statements WHERE name NOT LIKE 'ld\\_%'", soci::into(soci_named);
  EXPECT_EQ(prepared, 4) << "plus one, the insert, the count and the select by id";
  EXPECT_EQ(soci_named, 0) << "no statement prepared under SOCI's names";
}

long long ServerSidePrepared(soci::session& sql) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE 'ld\\_%'", soci::into(count);
  return count;
}

TEST(PostgresStatementCacheTest, AStatementRunOnceIsNotPrepared) {
  testing::TestDatabase test_database;
  if (!test_database.url().starts_with("postgres")) GTEST_SKIP() << "PostgreSQL only";
  const auto database = Database::Open(test_database.url(), 1);
  Session session(*database);
  soci::session& sql = session.sql();
  ServerSidePrepared(sql);
  const long long before = ServerSidePrepared(sql);  // the count itself, now prepared
  // Texts with their values inline, each run once, as a page's ids in an IN list are.
  for (int i = 0; i < 50; ++i) {
    int value = 0;
    sql << "SELECT " + std::to_string(i) + " + CAST(:value AS INTEGER)", soci::use(value, "value"), soci::into(value);
    EXPECT_EQ(value, i);
  }
  EXPECT_EQ(ServerSidePrepared(sql), before);
}

TEST(PostgresStatementCacheTest, AFullConnectionForgetsTheLeastRecentlyUsedStatement) {
  testing::TestDatabase test_database;
  if (!test_database.url().starts_with("postgres")) GTEST_SKIP() << "PostgreSQL only";
  const auto database = Database::Open(test_database.url(), 1);
  Session session(*database);
  soci::session& sql = session.sql();
  const auto run = [&](int statement) {
    int value = 1;
    sql << "SELECT " + std::to_string(statement) + " + CAST(:value AS INTEGER)", soci::use(value, "value"),
        soci::into(value);
    return value;
  };
  // A SOCI statement held open across the churn keeps its cached statement.
  int id = 7, echoed = 0;
  const std::string held_text = "SELECT CAST(:id AS INTEGER) * 2";
  sql << held_text, soci::use(id, "id"), soci::into(echoed);  // seen once
  soci::statement held = (sql.prepare << held_text, soci::use(id, "id"), soci::into(echoed));

  const PostgresCacheCounts before = PostgresStatementCacheCounts();
  const int statements = static_cast<int>(kMaxCachedPostgresPerConnection) + 100;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < statements; ++i) ASSERT_EQ(run(i), i + 1);
  }
  EXPECT_LE(ServerSidePrepared(sql), static_cast<long long>(kMaxCachedPostgresPerConnection));
  const PostgresCacheCounts churned = PostgresStatementCacheCounts();
  EXPECT_GE(churned.evictions - before.evictions, 100u) << "room made, not caching stopped";

  // The last used are still cached: running them again prepares nothing.
  for (int i = statements - 10; i < statements; ++i) ASSERT_EQ(run(i), i + 1);
  EXPECT_EQ(PostgresStatementCacheCounts().prepares, churned.prepares);

  held.execute(true);
  EXPECT_EQ(echoed, 14) << "the held statement survived the evictions";
}

}  // namespace
}  // namespace liandong::db
