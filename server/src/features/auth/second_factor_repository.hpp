// SQL for second factors: TOTP secrets (encrypted) with the last step used, and recovery codes.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace liandong::auth {

struct TotpRecord {
  std::string secret_ciphertext;
  std::optional<std::int64_t> confirmed_at;
  std::int64_t last_step = 0;
};

class SecondFactorRepository {
 public:
  std::optional<TotpRecord> FindTotp(soci::session& sql, std::int64_t user_id) const;
  // Starts (or restarts) an unconfirmed enrolment with a new secret.
  void SavePendingTotp(soci::session& sql, std::int64_t user_id, const std::string& secret_ciphertext) const;
  void ConfirmTotp(soci::session& sql, std::int64_t user_id, std::int64_t now) const;
  // Moves the last used step forward; false if another request used this step or a later one
  // first (so two requests racing with one code cannot both pass).
  bool UseStep(soci::session& sql, std::int64_t user_id, std::int64_t step) const;
  void DeleteSecondFactor(soci::session& sql, std::int64_t user_id) const;
  void ReplaceRecoveryCodes(soci::session& sql, std::int64_t user_id, const std::vector<std::string>& code_hashes) const;
  // Marks an unused code used; false if there is none with this hash.
  bool UseRecoveryCode(soci::session& sql, std::int64_t user_id, const std::string& code_hash, std::int64_t now) const;
  std::int64_t CountUnusedRecoveryCodes(soci::session& sql, std::int64_t user_id) const;
  // Every stored TOTP secret (encrypted) by user id, confirmed or not (key rotation).
  std::vector<std::pair<std::int64_t, std::string>> ListTotpSecrets(soci::session& sql) const;
  void UpdateTotpSecret(soci::session& sql, std::int64_t user_id, const std::string& secret_ciphertext) const;
};

}  // namespace liandong::auth
