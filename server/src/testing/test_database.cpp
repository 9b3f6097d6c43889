#include "testing/test_database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "core/crypto.hpp"
#include "db/database.hpp"

namespace liandong::testing {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::string TestDatabaseKind() {
  const std::string kind = Env("LIANDONG_TEST_DATABASE");
  return kind.empty() ? "sqlite" : kind;
}

TestDatabase::TestDatabase() {
  MakeName(TestDatabaseKind());
  if (postgres_) {
    soci::session admin(soci::postgresql, db::PostgresConnectString(admin_url_));
    admin << "CREATE DATABASE " + database_name_;
  }
}

TestDatabase::TestDatabase(CopyOf copy) {
  MakeName(copy.source.postgres_ ? "postgresql" : "sqlite");
  if (postgres_) {
    soci::session admin(soci::postgresql, db::PostgresConnectString(admin_url_));
    // FILE_COPY: the template's files copied after a checkpoint, about a second; the default
    // (WAL_LOG, every page through the WAL) took a third longer.
    admin << "CREATE DATABASE " + database_name_ + " TEMPLATE " + copy.source.database_name_ + " STRATEGY FILE_COPY";
    return;
  }
  for (const char* suffix : {"", "-wal"}) {
    const std::filesystem::path from = copy.source.directory_ + "/test.db" + suffix;
    if (std::filesystem::exists(from)) std::filesystem::copy_file(from, directory_ + "/test.db" + suffix);
  }
}

void TestDatabase::MakeName(const std::string& kind) {
  core::InitCrypto();
  if (kind == "sqlite") {
    directory_ = (std::filesystem::temp_directory_path() / ("liandong-test-" + core::RandomHex(8))).string();
    std::filesystem::create_directories(directory_);
    url_ = "sqlite:" + directory_ + "/test.db";
    return;
  }
  if (kind != "postgresql") throw std::runtime_error("LIANDONG_TEST_DATABASE must be sqlite or postgresql");
  admin_url_ = Env("LIANDONG_TEST_POSTGRES_URL");
  if (admin_url_.empty()) {
    throw std::runtime_error(
        "LIANDONG_TEST_POSTGRES_URL is not set: run ./scripts/test, which starts a PostgreSQL for the tests");
  }
  postgres_ = true;
  database_name_ = "liandong_test_" + core::RandomHex(6);
  // The admin URL names a database; swap its path for the throwaway one.
  const auto query = admin_url_.find('?');
  const std::string base = admin_url_.substr(0, query);
  const auto slash = base.rfind('/');
  url_ = base.substr(0, slash) + "/" + database_name_ + (query == std::string::npos ? "" : admin_url_.substr(query));
}

TestDatabase::~TestDatabase() {
  try {
    if (postgres_) {
      soci::session admin(soci::postgresql, db::PostgresConnectString(admin_url_));
      admin << "DROP DATABASE IF EXISTS " + database_name_ + " WITH (FORCE)";
    } else if (!directory_.empty()) {
      std::filesystem::remove_all(directory_);
    }
  } catch (const std::exception&) {
    // A leftover test database is harmless; the cluster is thrown away after the run.
  }
}

}  // namespace liandong::testing
