#include "features/auth/second_factor_repository.hpp"

#include <string_view>
#include <vector>

namespace liandong::auth {
namespace {

constexpr std::string_view kSelectTotp =
    "SELECT secret_ciphertext, confirmed_at, last_step FROM user_totp WHERE user_id = :user_id";
constexpr std::string_view kSelectAllTotpSecrets = "SELECT user_id, secret_ciphertext FROM user_totp";
constexpr std::string_view kUpdateTotpSecret =
    "UPDATE user_totp SET secret_ciphertext = :secret_ciphertext WHERE user_id = :user_id";
constexpr std::string_view kDeleteTotp = "DELETE FROM user_totp WHERE user_id = :user_id";
constexpr std::string_view kInsertTotp =
    "INSERT INTO user_totp (user_id, secret_ciphertext, last_step) VALUES (:user_id, :secret_ciphertext, 0)";
constexpr std::string_view kConfirmTotp = "UPDATE user_totp SET confirmed_at = :now WHERE user_id = :user_id";
constexpr std::string_view kUseStep =
    "UPDATE user_totp SET last_step = :step WHERE user_id = :user_id AND last_step < :same_step";
constexpr std::string_view kDeleteRecoveryCodes = "DELETE FROM recovery_code WHERE user_id = :user_id";
constexpr std::string_view kInsertRecoveryCode =
    "INSERT INTO recovery_code (user_id, code_hash) VALUES (:user_id, :code_hash)";
constexpr std::string_view kUseRecoveryCode = R"sql(
  UPDATE recovery_code SET used_at = :now
  WHERE user_id = :user_id AND code_hash = :code_hash AND used_at IS NULL
)sql";
constexpr std::string_view kCountRecoveryCodes =
    "SELECT COUNT(*) FROM recovery_code WHERE user_id = :user_id AND used_at IS NULL";

}  // namespace

std::optional<TotpRecord> SecondFactorRepository::FindTotp(soci::session& sql, std::int64_t user_id) const {
  TotpRecord record;
  long long confirmed_at = 0;
  soci::indicator confirmed_indicator = soci::i_null;
  long long last_step = 0;
  sql << kSelectTotp, soci::use(user_id, "user_id"), soci::into(record.secret_ciphertext),
      soci::into(confirmed_at, confirmed_indicator), soci::into(last_step);
  if (!sql.got_data()) return std::nullopt;
  if (confirmed_indicator == soci::i_ok) record.confirmed_at = confirmed_at;
  record.last_step = last_step;
  return record;
}

void SecondFactorRepository::SavePendingTotp(soci::session& sql, std::int64_t user_id,
                                             const std::string& secret_ciphertext) const {
  sql << kDeleteTotp, soci::use(user_id, "user_id");
  sql << kInsertTotp, soci::use(user_id, "user_id"), soci::use(secret_ciphertext, "secret_ciphertext");
}

void SecondFactorRepository::ConfirmTotp(soci::session& sql, std::int64_t user_id, std::int64_t now) const {
  sql << kConfirmTotp, soci::use(now, "now"), soci::use(user_id, "user_id");
}

bool SecondFactorRepository::UseStep(soci::session& sql, std::int64_t user_id, std::int64_t step) const {
  soci::statement statement = (sql.prepare << kUseStep, soci::use(step, "step"), soci::use(user_id, "user_id"),
                               soci::use(step, "same_step"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

void SecondFactorRepository::DeleteSecondFactor(soci::session& sql, std::int64_t user_id) const {
  sql << kDeleteTotp, soci::use(user_id, "user_id");
  sql << kDeleteRecoveryCodes, soci::use(user_id, "user_id");
}

void SecondFactorRepository::ReplaceRecoveryCodes(soci::session& sql, std::int64_t user_id,
                                                  const std::vector<std::string>& code_hashes) const {
  sql << kDeleteRecoveryCodes, soci::use(user_id, "user_id");
  for (const std::string& hash : code_hashes) {
    sql << kInsertRecoveryCode, soci::use(user_id, "user_id"), soci::use(hash, "code_hash");
  }
}

bool SecondFactorRepository::UseRecoveryCode(soci::session& sql, std::int64_t user_id, const std::string& code_hash,
                                             std::int64_t now) const {
  soci::statement statement = (sql.prepare << kUseRecoveryCode, soci::use(now, "now"), soci::use(user_id, "user_id"),
                               soci::use(code_hash, "code_hash"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::int64_t SecondFactorRepository::CountUnusedRecoveryCodes(soci::session& sql, std::int64_t user_id) const {
  long long count = 0;
  sql << kCountRecoveryCodes, soci::use(user_id, "user_id"), soci::into(count);
  return count;
}

std::vector<std::pair<std::int64_t, std::string>> SecondFactorRepository::ListTotpSecrets(soci::session& sql) const {
  std::vector<std::pair<std::int64_t, std::string>> secrets;
  long long user_id = 0;
  std::string secret_ciphertext;
  soci::statement statement =
      (sql.prepare << kSelectAllTotpSecrets, soci::into(user_id), soci::into(secret_ciphertext));
  statement.execute();
  while (statement.fetch()) secrets.emplace_back(user_id, secret_ciphertext);
  return secrets;
}

void SecondFactorRepository::UpdateTotpSecret(soci::session& sql, std::int64_t user_id,
                                              const std::string& secret_ciphertext) const {
  sql << kUpdateTotpSecret, soci::use(secret_ciphertext, "secret_ciphertext"), soci::use(user_id, "user_id");
}

}  // namespace liandong::auth
