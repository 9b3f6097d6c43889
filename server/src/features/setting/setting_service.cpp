#include "features/setting/setting_service.hpp"

#include <charconv>
#include <string_view>

#include "core/error.hpp"

namespace liandong::setting {
namespace {

using core::AppError;
using core::ErrorKind;

// Settings written by another server process are seen within this many seconds; this process's
// own writes at once.
constexpr std::int64_t kCacheSeconds = 30;

const SettingDefinition& Find(const std::string& name) {
  for (const SettingDefinition& definition : Definitions()) {
    if (definition.name == name) return definition;
  }
  throw AppError(ErrorKind::kNotFound, "setting.not_found");
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

const std::vector<SettingDefinition>& Definitions() {
  static const std::vector<SettingDefinition> definitions = {
      {kSecondFactorForAllStaff, "policy:write", "bool", 0, 1, "false"},
      {kPasswordMaxAgeDays, "policy:write", "integer", 30, 365, "90"},
      {kAuditRetentionDays, "setting:write", "integer", kMinimumAuditRetentionDays, 3650, "184"},
      {kTaskEscalationDays, "setting:write", "integer", 1, 90, "3"},
  };
  return definitions;
}

SettingService::SettingService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit)
    : database_(database), clock_(clock), audit_(audit) {}

std::string SettingService::Value(soci::session& sql, const std::string& name) const {
  const SettingDefinition& definition = Find(name);
  const std::int64_t now = clock_.NowSeconds();
  std::lock_guard lock(mutex_);
  if (!cache_ || now - cache_loaded_at_ >= kCacheSeconds || now < cache_loaded_at_) {
    cache_ = repository_.LoadStored(sql);
    cache_loaded_at_ = now;
  }
  const auto found = cache_->find(name);
  return found == cache_->end() ? definition.default_value : found->second.value;
}

bool SettingService::Bool(soci::session& sql, const std::string& name) const { return Value(sql, name) == "true"; }

std::int64_t SettingService::Integer(const std::string& name) const {
  db::Session session(database_);
  return Integer(session.sql(), name);
}

std::int64_t SettingService::Integer(soci::session& sql, const std::string& name) const {
  const std::string value = Value(sql, name);
  if (const auto parsed = ParseInteger(value)) return *parsed;
  return *ParseInteger(Find(name).default_value);
}

std::vector<SettingView> SettingService::List(const core::Actor& actor) const {
  core::RequirePermission(actor, "setting:read");
  db::Session session(database_);
  std::map<std::string, SettingView> stored = repository_.LoadStored(session.sql());
  std::vector<SettingView> views;
  for (const SettingDefinition& definition : Definitions()) {
    const auto found = stored.find(definition.name);
    SettingView view = found == stored.end() ? SettingView{{}, definition.default_value, {}, {}} : found->second;
    view.definition = definition;
    views.push_back(std::move(view));
  }
  return views;
}

SettingView SettingService::Update(const core::Actor& actor, const std::string& name, const std::string& value) const {
  const SettingDefinition& definition = Find(name);
  core::RequirePermission(actor, definition.permission);
  if (definition.kind == "bool") {
    if (value != "true" && value != "false") throw AppError(ErrorKind::kInvalidArgument, "setting.invalid_bool");
  } else {
    const auto number = ParseInteger(value);
    if (!number || *number < definition.min || *number > definition.max) {
      throw AppError(ErrorKind::kInvalidArgument, "setting.out_of_range",
                     name + " must be within " + std::to_string(definition.min) + "…" + std::to_string(definition.max));
    }
  }
  const std::int64_t now = clock_.NowSeconds();
  db::Session session(database_);
  const std::string old_value = Value(session.sql(), name);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  repository_.Save(session.sql(), name, value, now, actor.user_id);
  audit_.Record(session.sql(), actor, {"setting.update", "setting", std::nullopt, "ok", name + ": " + old_value + " → " + value});
  transaction.Commit();
  {
    std::lock_guard lock(mutex_);
    cache_.reset();
  }
  return SettingView{definition, value, now, actor.user_id};
}

}  // namespace liandong::setting
