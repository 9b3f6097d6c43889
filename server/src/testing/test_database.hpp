// Test databases: a fresh database per fixture (empty, or a copy of a template), on SQLite or on PostgreSQL as the
// environment says (LIANDONG_TEST_DATABASE=sqlite|postgresql; LIANDONG_TEST_POSTGRES_URL names a
// server where throwaway databases may be created).
#pragma once

#include <string>

namespace liandong::testing {

class TestDatabase {
 public:
  TestDatabase();
  // A copy of `source`, which nothing may hold open: its SQLite file copied, or a PostgreSQL
  // database made with `source` as its template.
  struct CopyOf {
    const TestDatabase& source;
  };
  explicit TestDatabase(CopyOf copy);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The URL to open it with.
  const std::string& url() const { return url_; }
  bool postgres() const { return postgres_; }

 private:
  // Where a new database is made: SQLite's temp folder, or a new name on the PostgreSQL server.
  void MakeName(const std::string& kind);

  std::string url_;
  bool postgres_ = false;
  std::string directory_;      // SQLite: the temp folder
  std::string admin_url_;      // PostgreSQL: where CREATE/DROP DATABASE run
  std::string database_name_;  // PostgreSQL: the throwaway database
};

// "sqlite" or "postgresql", from LIANDONG_TEST_DATABASE (default sqlite).
std::string TestDatabaseKind();

}  // namespace liandong::testing
