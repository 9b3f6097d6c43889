// The operator's commands: creating the first administrators, rotating the master key without
// losing a byte of personal data or a link of the audit chain, and purging audit rows past their
// retention — never a recent one.
#include "app/admin_commands.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "app/application.hpp"
#include "app/demo_city.hpp"
#include "core/crypto.hpp"
#include "core/keys.hpp"
#include "testing/test_database.hpp"

namespace liandong::app {
namespace {

namespace fs = std::filesystem;

class AdminCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("liandong-admin-" + core::RandomHex(6));
    fs::create_directories(directory_);
    key_file_ = directory_ / "liandong.key";
    Application application(Config(), clock_);
    CreateDemoCity(application, clock_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  ApplicationConfig Config() const {
    ApplicationConfig config;
    config.database_url = database_.url();
    config.database_pool_size = 1;
    config.key_file = key_file_;
    config.access_log = false;
    return config;
  }

  std::string Scalar(Application& application, const std::string& query) {
    db::Session session(application.database());
    std::string value;
    session.sql() << query, soci::into(value);
    return value;
  }

  testing::TestDatabase database_;
  core::FakeClock clock_{1'767'225'600};
  fs::path directory_;
  fs::path key_file_;
};

TEST_F(AdminCommandsTest, AddUserCreatesAnAdministratorWhoMustChangeTheInitialPassword) {
  std::ostringstream out;
  ASSERT_EQ(AddUser(database_.url(), key_file_, {"second.auditor", "第二审计员", "audit_admin", 0}, clock_, out), 0);
  const std::string printed = out.str();
  ASSERT_EQ(printed.rfind("second.auditor\t", 0), 0u) << printed;
  const std::string password = printed.substr(15, printed.size() - 16);
  Application application(Config(), clock_);
  const auto login = application.auth_service().Login("second.auditor", password, "127.0.0.1", "test");
  EXPECT_TRUE(login.password_expired);
  EXPECT_EQ(login.second_factor, "enrol");
  std::ostringstream again;
  EXPECT_THROW(AddUser(database_.url(), key_file_, {"second.auditor", "", "audit_admin", 0}, clock_, again),
               core::AppError);
  EXPECT_THROW(AddUser(database_.url(), key_file_, {"third.one", "", "no_such_role", 0}, clock_, again),
               core::AppError);
  EXPECT_EQ(Scalar(application, "SELECT detail FROM audit_log WHERE action = 'user.create'"),
            "second.auditor audit_admin");
}

TEST_F(AdminCommandsTest, RotatingTheKeyKeepsEveryIdentifierAndTheAuditChain) {
  std::string id_number;
  std::string old_cipher;
  std::int64_t request_id = 0;
  {
    Application before(Config(), clock_);
    old_cipher = Scalar(before, "SELECT id_number_cipher FROM member ORDER BY id LIMIT 1");
    id_number = *before.field_cipher().Decrypt(old_cipher);
    // A resident's request taken by the hotline, with the caller's name and phone sealed.
    core::Actor hotline;
    hotline.user_id = std::stoll(Scalar(before, "SELECT CAST(id AS TEXT) FROM user_account WHERE username = 'hotline.operator'"));
    hotline.org_id = 1;
    hotline.org_path = "/1/";
    hotline.permissions = {"request:intake"};
    request::NewRequest input;
    input.category_id = std::stoll(Scalar(before, "SELECT CAST(id AS TEXT) FROM request_category WHERE code = '03.01.01'"));
    input.title = "楼道垃圾无人清运";
    input.description = "来电人反映楼道垃圾堆积";
    input.resident_name = "王秀英";
    input.resident_phone = "13812345678";
    input.territory_org_id = std::stoll(Scalar(before, "SELECT CAST(id AS TEXT) FROM org WHERE name = '和平里社区'"));
    request_id = before.request_service().Create(hotline, input).id;
  }
  const std::string old_key = core::LoadKeys(key_file_).master;
  std::ostringstream out;
  ASSERT_EQ(RotateKeys(database_.url(), key_file_, clock_, out), 0) << out.str();
  const core::Keys new_keys = core::LoadKeys(key_file_);
  EXPECT_NE(new_keys.master, old_key);
  EXPECT_EQ(fs::status(key_file_).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);

  Application after(Config(), clock_);
  const std::string new_cipher = Scalar(after, "SELECT id_number_cipher FROM member ORDER BY id LIMIT 1");
  EXPECT_NE(new_cipher, old_cipher);
  EXPECT_EQ(after.field_cipher().Decrypt(new_cipher), id_number);
  EXPECT_FALSE(core::FieldCipher(old_key).Decrypt(new_cipher)) << "the old key opens nothing new";
  EXPECT_EQ(Scalar(after, "SELECT id_number_index FROM member ORDER BY id LIMIT 1"),
            after.field_cipher().BlindIndex(id_number))
      << "exact lookup by ID number still finds the member";
  const std::string phone_cipher = Scalar(
      after, "SELECT resident_phone_cipher FROM request WHERE id = " + std::to_string(request_id));
  EXPECT_EQ(after.field_cipher().Decrypt(phone_cipher), "13812345678") << "the resident's phone too";
  EXPECT_FALSE(core::FieldCipher(old_key).Decrypt(phone_cipher));
  const auto worker_id_number =
      after.field_cipher().Decrypt(Scalar(after, "SELECT id_number_cipher FROM worker ORDER BY id LIMIT 1"));
  ASSERT_TRUE(worker_id_number) << "community workers are re-encrypted too";
  EXPECT_EQ(Scalar(after, "SELECT id_number_index FROM worker ORDER BY id LIMIT 1"),
            after.field_cipher().BlindIndex(*worker_id_number));
  EXPECT_EQ(Scalar(after, "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"), "keys.rotate");
  db::Session session(after.database());
  const db::ChainReport report = after.audit_writer().VerifyChain(session.sql());
  EXPECT_TRUE(report.intact) << report.reason;
}

TEST_F(AdminCommandsTest, PurgeDeletesOnlyRowsPastRetentionAndTheChainStillVerifies) {
  const auto record = [this](const std::string& action) {
    Application application(Config(), clock_);
    db::Session session(application.database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    application.audit_writer().RecordAnonymous(session.sql(), {action, "", std::nullopt, "ok", ""}, "", "");
    transaction.Commit();
  };
  for (int i = 0; i < 3; ++i) record("test.old");
  std::ostringstream out;
  ASSERT_EQ(PurgeAudit(database_.url(), key_file_, clock_, out), 0);
  EXPECT_NE(out.str().find("Purged 0 audit rows"), std::string::npos) << out.str();

  clock_.Advance(200LL * 24 * 60 * 60);  // the three rows are now 200 days old
  record("test.recent");
  std::ostringstream purged;
  ASSERT_EQ(PurgeAudit(database_.url(), key_file_, clock_, purged), 0);
  EXPECT_NE(purged.str().find("Purged 3 audit rows"), std::string::npos) << purged.str();

  Application application(Config(), clock_);
  db::Session session(application.database());
  long long rows = 0;
  session.sql() << "SELECT COUNT(*) FROM audit_log", soci::into(rows);
  EXPECT_EQ(rows, 2) << "the recent row and the purge's own";
  const db::ChainReport report = application.audit_writer().VerifyChain(session.sql());
  EXPECT_TRUE(report.intact) << report.reason;
  // The database refuses to delete what is within 184 days, whoever asks.
  EXPECT_ANY_THROW(session.sql() << "DELETE FROM audit_log");
  // A forged anchor is found.
  if (!database_.postgres()) {
    session.sql() << "UPDATE audit_chain_anchor SET first_id = first_id + 1";
    EXPECT_FALSE(application.audit_writer().VerifyChain(session.sql()).intact);
  }
}

}  // namespace
}  // namespace liandong::app
