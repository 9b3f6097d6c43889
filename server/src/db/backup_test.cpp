// Backup and restore on both databases: every table's rows come back, and the audit chain still
// verifies under the same key.
#include "db/backup.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "testing/test_server.hpp"

namespace liandong::db {
namespace {

std::map<std::string, long long> RowCounts(Database& database) {
  std::map<std::string, long long> counts;
  Session session(database);
  for (const std::string table : {"org", "user_account", "member", "unit", "audit_log", "joint_committee_member",
                                  "street_profile", "password_history", "schema_version"}) {
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM " + table, soci::into(count);
    counts[table] = count;
  }
  return counts;
}

TEST(BackupTest, RestoreGivesBackEveryRowAndAnIntactAuditChain) {
  const std::string master_key = core::RandomBytes(32);
  testing::TestServer server({.master_key = master_key});
  testing::HttpClient street = server.SignedIn("street");  // writes an audit row
  const auto before = RowCounts(server.application().database());
  ASSERT_GT(before.at("member"), 0);
  ASSERT_GT(before.at("audit_log"), 0);

  const auto backup = std::filesystem::temp_directory_path() / ("liandong-backup-" + core::RandomHex(6));
  BackupDatabase(server.database().url(), backup);
  ASSERT_TRUE(std::filesystem::exists(backup));

  testing::TestDatabase target;
  RestoreDatabase(target.url(), backup);
  std::filesystem::remove(backup);

  const core::SystemClock clock;
  app::ApplicationConfig config;
  config.database_url = target.url();
  config.database_pool_size = 1;
  config.access_log = false;
  config.master_key = master_key;
  app::Application restored(config, clock);
  EXPECT_EQ(RowCounts(restored.database()), before);
  Session session(restored.database());
  const db::ChainReport report = restored.audit_writer().VerifyChain(session.sql());
  EXPECT_TRUE(report.intact) << report.reason;
  EXPECT_EQ(report.rows, before.at("audit_log"));
}

TEST(BackupTest, RestoringFromNothingFailsClearly) {
  testing::TestDatabase target;
  try {
    RestoreDatabase(target.url(), "/nonexistent/backup.file");
    FAIL() << "expected db.backup_failed";
  } catch (const core::AppError& error) {
    EXPECT_EQ(error.code(), "db.backup_failed");
  }
}

}  // namespace
}  // namespace liandong::db
