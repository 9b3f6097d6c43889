// Test databases: a fresh, empty database per fixture, on SQLite or on PostgreSQL as the
// environment says (LIANDONG_TEST_DATABASE=sqlite|postgresql; LIANDONG_TEST_POSTGRES_URL names a
// server where throwaway databases may be created).
#pragma once

#include <string>

namespace liandong::testing {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The URL to open it with.
  const std::string& url() const { return url_; }
  bool postgres() const { return postgres_; }

 private:
  std::string url_;
  bool postgres_ = false;
  std::string directory_;      // SQLite: the temp folder
  std::string admin_url_;      // PostgreSQL: where CREATE/DROP DATABASE run
  std::string database_name_;  // PostgreSQL: the throwaway database
};

// "sqlite" or "postgresql", from LIANDONG_TEST_DATABASE (default sqlite).
std::string TestDatabaseKind();

}  // namespace liandong::testing
