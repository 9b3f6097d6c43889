#include "app/admin_commands.hpp"

#include <cstdlib>
#include <ostream>

#include "app/application.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/keys.hpp"
#include "features/user/user_repository.hpp"
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

// Re-seals one encrypted value under the new cipher; "" stays "".
std::string Reseal(const core::FieldCipher& from, const core::FieldCipher& to, const std::string& sealed,
                   std::string* index) {
  if (sealed.empty()) {
    if (index != nullptr) index->clear();
    return "";
  }
  const auto plaintext = from.Decrypt(sealed);
  if (!plaintext) throw AppError(ErrorKind::kInternal, "server.internal", "a value does not decrypt with the current key");
  if (index != nullptr) *index = to.BlindIndex(*plaintext);
  return to.Encrypt(*plaintext);
}

}  // namespace

int AddUser(const std::string& url, const std::filesystem::path& key_file, const NewAccount& account,
            const core::Clock& clock, std::ostream& out) {
  Application application(CommandConfig(url, key_file), clock);
  if (!user::IsValidUsername(account.username)) throw AppError(ErrorKind::kInvalidArgument, "user.invalid_username");
  db::Session session(application.database());
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  long long org_id = account.org_id;
  if (org_id == 0) session.sql() << "SELECT MIN(id) FROM org WHERE parent_id IS NULL", soci::into(org_id);
  if (!application.org_service().FindOrg(session.sql(), org_id)) throw AppError(ErrorKind::kNotFound, "org.not_found");
  const user::UserRepository users;
  if (!users.RoleDuty(session.sql(), account.role)) throw AppError(ErrorKind::kInvalidArgument, "user.invalid_role");
  if (users.UsernameTaken(session.sql(), account.username)) throw AppError(ErrorKind::kConflict, "user.username_taken");
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
  struct Sealed {
    long long id;
    std::string first;
    std::string second;
  };
  std::vector<Sealed> members;
  {
    Sealed row{};
    soci::statement statement = (session.sql().prepare << "SELECT id, id_number_cipher, phone_cipher FROM member",
                                 soci::into(row.id), soci::into(row.first), soci::into(row.second));
    statement.execute();
    while (statement.fetch()) members.push_back(row);
  }
  for (const Sealed& member : members) {
    std::string id_index;
    std::string phone_index;
    const std::string id_cipher = Reseal(from, to, member.first, &id_index);
    const std::string phone_cipher = Reseal(from, to, member.second, &phone_index);
    session.sql() << "UPDATE member SET id_number_cipher = :id_cipher, id_number_index = :id_index, "
                     "phone_cipher = :phone_cipher, phone_index = :phone_index WHERE id = :id",
        soci::use(id_cipher, "id_cipher"), soci::use(id_index, "id_index"), soci::use(phone_cipher, "phone_cipher"),
        soci::use(phone_index, "phone_index"), soci::use(member.id, "id");
  }
  std::vector<Sealed> secrets;
  {
    Sealed row{};
    soci::statement statement = (session.sql().prepare << "SELECT user_id, secret_ciphertext, '' FROM user_totp",
                                 soci::into(row.id), soci::into(row.first), soci::into(row.second));
    statement.execute();
    while (statement.fetch()) secrets.push_back(row);
  }
  for (const Sealed& secret : secrets) {
    const std::string sealed = Reseal(from, to, secret.first, nullptr);
    session.sql() << "UPDATE user_totp SET secret_ciphertext = :sealed WHERE user_id = :id", soci::use(sealed, "sealed"),
        soci::use(secret.id, "id");
  }
  application.audit_writer().RecordAnonymous(
      session.sql(),
      {"keys.rotate", "key", std::nullopt, "ok",
       std::to_string(members.size()) + " members, " + std::to_string(secrets.size()) + " second factors"},
      "command line", "");
  transaction.Commit();

  const fs::path retired = key_file.string() + ".retired-" + std::to_string(clock.NowSeconds());
  fs::rename(key_file, retired);
  fs::rename(next, key_file);
  out << "Rotated the master key: " << members.size() << " members and " << secrets.size()
      << " second factors re-encrypted. The old key is in " << retired.string()
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
