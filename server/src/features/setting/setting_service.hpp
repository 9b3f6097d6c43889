// Deployment settings and security policies as data. Each setting belongs to one administrator
// duty (三员分立): the security administrator sets the policies (second factor for all staff,
// password age), the system administrator the settings (audit retention). Values are validated,
// every change is audited, and readers see a change at once (the cache is dropped on write).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/setting/setting_model.hpp"
#include "features/setting/setting_repository.hpp"

namespace liandong::setting {

// The settings a deployment has, with their rules.
const std::vector<SettingDefinition>& Definitions();

inline constexpr const char* kSecondFactorForAllStaff = "second_factor_for_all_staff";
inline constexpr const char* kPasswordMaxAgeDays = "password_max_age_days";
inline constexpr const char* kAuditRetentionDays = "audit_retention_days";
// Days a task node may be overdue before the level above is told (escalation).
inline constexpr const char* kTaskEscalationDays = "task_escalation_days";
inline constexpr std::int64_t kMinimumAuditRetentionDays = 184;  // GB/T 22239-2019: at least six months

class SettingService {
 public:
  SettingService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit);

  // Every setting with its current value (the default when never changed).
  std::vector<SettingView> List(const core::Actor& actor) const;
  // Validates and stores a value; needs the setting's permission. Audited with old and new value.
  SettingView Update(const core::Actor& actor, const std::string& name, const std::string& value) const;

  // Current values. Callers inside a database session pass it: a second session from the pool
  // while holding one could wait forever.
  bool Bool(soci::session& sql, const std::string& name) const;
  std::int64_t Integer(soci::session& sql, const std::string& name) const;
  std::int64_t Integer(const std::string& name) const;

 private:
  std::string Value(soci::session& sql, const std::string& name) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  SettingRepository repository_;
  mutable std::mutex mutex_;
  mutable std::optional<std::map<std::string, SettingView>> cache_;
  mutable std::int64_t cache_loaded_at_ = 0;
};

}  // namespace liandong::setting
