#include "app/admin_commands.hpp"

#include <cstdlib>
#include <ostream>

#include "app/application.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/keys.hpp"
#include "features/user/user_service.hpp"

namespace liandong::app {
namespace {

using core::AppError;
using core::ErrorKind;

ApplicationConfig CommandConfig(const std::string& url, const std::filesystem::path& key_file) {
  ApplicationConfig config;
  config.database_url = url;
  config.database_pool_size = 1;
  config.key_file = key_file;
  config.access_log = false;
  return config;
}

}  // namespace

int AddUser(const std::string& url, const std::filesystem::path& key_file, const NewAccount& account,
            const core::Clock& clock, std::ostream& out) {
  Application application(CommandConfig(url, key_file), clock);
  if (!user::IsValidUsername(account.username)) throw AppError(ErrorKind::kInvalidArgument, "user.invalid_username");
  db::Session session(application.database());
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t org_id =
      account.org_id != 0 ? account.org_id : application.org_service().RootOrgId(session.sql()).value_or(0);
  if (!application.org_service().FindOrg(session.sql(), org_id)) throw AppError(ErrorKind::kNotFound, "org.not_found");
  application.user_service().CheckNewAccount(session.sql(), account.username, account.role);
  auth::NewUser user{org_id, account.username, account.display_name.empty() ? account.username : account.display_name,
                     account.role, core::RandomPassword(), true};
  const std::int64_t id = application.auth_service().CreateUser(session.sql(), user);
  application.audit_writer().RecordAnonymous(
      session.sql(), {"user.create", "user_account", id, "ok", account.username + " " + account.role}, "command line",
      "");
  transaction.Commit();
  out << account.username << "\t" << user.password << "\n";
  return 0;
}

int RotateKeys(const std::string& url, const std::filesystem::path& key_file, const core::Clock& clock,
               std::ostream& out) {
  namespace fs = std::filesystem;
  if (const char* variable = std::getenv("LIANDONG_MASTER_KEY"); variable && *variable) {
    throw std::runtime_error("the key comes from LIANDONG_MASTER_KEY: rotate it where it is kept, not here");
  }
  if (!fs::exists(key_file)) throw std::runtime_error("no key file " + key_file.string());
  const core::Keys old_keys = core::LoadKeys(key_file);
  const core::Keys new_keys{core::RandomBytes(32), old_keys.audit};
  Application application(CommandConfig(url, key_file), clock);
  const core::FieldCipher& from = application.field_cipher();
  const core::FieldCipher to(new_keys.master);

  // The new key is on disk before the data depends on it.
  const fs::path next = key_file.string() + ".next";
  if (fs::exists(next)) {
    throw std::runtime_error(next.string() + " exists: an earlier rotation did not finish. It may hold the key the data "
                             "is now encrypted with; find out which key decrypts before removing either");
  }
  core::WriteKeyFile(next, new_keys);

  db::Session session(application.database());
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t members = application.member_service().ResealIdentifiers(session.sql(), from, to);
  const std::int64_t secrets = application.auth_service().ResealSecondFactors(session.sql(), from, to);
  const std::int64_t residents = application.request_service().ResealResidents(session.sql(), from, to);
  const std::int64_t workers = application.workforce_service().ResealIdentifiers(session.sql(), from, to);
  application.audit_writer().RecordAnonymous(
      session.sql(),
      {"keys.rotate", "key", std::nullopt, "ok",
       std::to_string(members) + " members, " + std::to_string(secrets) + " second factors, " +
           std::to_string(residents) + " residents' requests, " + std::to_string(workers) + " workers"},
      "command line", "");
  transaction.Commit();

  const fs::path retired = key_file.string() + ".retired-" + std::to_string(clock.NowSeconds());
  fs::rename(key_file, retired);
  fs::rename(next, key_file);
  out << "Rotated the master key: " << members << " members, " << secrets << " second factors and " << residents
      << " residents' requests re-encrypted. The old key is in " << retired.string()
      << ": keep it offline with the backups made before now, and remove it from this server.\n";
  return 0;
}

int PurgeAudit(const std::string& url, const std::filesystem::path& key_file, const core::Clock& clock,
               std::ostream& out) {
  Application application(CommandConfig(url, key_file), clock);
  const std::int64_t days = application.setting_service().Integer(setting::kAuditRetentionDays);
  const std::int64_t cutoff = clock.NowSeconds() - days * 24 * 60 * 60;
  db::Session session(application.database());
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t purged = application.audit_writer().Purge(session.sql(), cutoff);
  transaction.Commit();
  out << "Purged " << purged << " audit rows older than " << days << " days (before " << core::FormatUtc(cutoff)
      << ").\n";
  return 0;
}

}  // namespace liandong::app
