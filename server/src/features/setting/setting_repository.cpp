#include "features/setting/setting_repository.hpp"

#include <string_view>

namespace liandong::setting {
namespace {

constexpr std::string_view kSelectSettings = "SELECT name, value, updated_at, updated_by FROM setting";
constexpr std::string_view kUpsertSetting = R"sql(
  INSERT INTO setting (name, value, updated_at, updated_by) VALUES (:name, :value, :updated_at, :updated_by)
  ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                   updated_by = excluded.updated_by
)sql";

}  // namespace

std::map<std::string, SettingView> SettingRepository::LoadStored(soci::session& sql) const {
  std::string name;
  std::string value;
  long long updated_at = 0;
  long long updated_by = 0;
  soci::indicator by_indicator = soci::i_null;
  soci::statement statement = (sql.prepare << kSelectSettings, soci::into(name), soci::into(value),
                               soci::into(updated_at), soci::into(updated_by, by_indicator));
  statement.execute();
  std::map<std::string, SettingView> stored;
  while (statement.fetch()) {
    SettingView& view = stored[name];
    view.value = value;
    view.updated_at = updated_at;
    if (by_indicator == soci::i_ok) view.updated_by = updated_by;
  }
  return stored;
}

void SettingRepository::Save(soci::session& sql, const std::string& name, const std::string& value, std::int64_t now,
                             std::int64_t user_id) const {
  sql << kUpsertSetting, soci::use(name, "name"), soci::use(value, "value"), soci::use(now, "updated_at"),
      soci::use(user_id, "updated_by");
}

}  // namespace liandong::setting
