#include "features/street/street_repository.hpp"

#include <algorithm>
#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::street {
namespace {

constexpr std::string_view kSelectProfile = R"sql(
  SELECT office_set_up, office_set_up_on, deputy_secretary, deputy_secretary_since, function_list_published,
         function_list_published_on
  FROM street_profile
  WHERE org_id = :org_id
)sql";

constexpr std::string_view kSelectPowers = "SELECT power, granted_on FROM street_power WHERE org_id = :org_id";

constexpr std::string_view kUpsertProfile = R"sql(
  INSERT INTO street_profile (org_id, office_set_up, office_set_up_on, deputy_secretary, deputy_secretary_since,
                              function_list_published, function_list_published_on, updated_at)
  VALUES (:org_id, :office_set_up, :office_set_up_on, :deputy_secretary, :deputy_secretary_since,
          :function_list_published, :function_list_published_on, :updated_at)
  ON CONFLICT (org_id) DO UPDATE
  SET office_set_up = excluded.office_set_up, office_set_up_on = excluded.office_set_up_on,
      deputy_secretary = excluded.deputy_secretary, deputy_secretary_since = excluded.deputy_secretary_since,
      function_list_published = excluded.function_list_published,
      function_list_published_on = excluded.function_list_published_on, updated_at = excluded.updated_at
)sql";

constexpr std::string_view kDeletePowers = "DELETE FROM street_power WHERE org_id = :org_id";

constexpr std::string_view kInsertPower =
    "INSERT INTO street_power (org_id, power, granted_on) VALUES (:org_id, :power, :granted_on)";

// A street without a profile row has reached no step.
constexpr std::string_view kSelectReformProgress = R"sql(
  SELECT s.id, s.name, COALESCE(d.name, ''), COALESCE(p.office_set_up, 0),
         CASE WHEN p.deputy_secretary IS NOT NULL AND p.deputy_secretary <> '' THEN 1 ELSE 0 END,
         COALESCE(p.function_list_published, 0),
         (SELECT COUNT(*) FROM street_power w WHERE w.org_id = s.id)
  FROM org s
  LEFT JOIN org d ON d.id = s.parent_id
  LEFT JOIN street_profile p ON p.org_id = s.id
  WHERE s.path >= :scope AND s.path < :scope_end AND s.level = :street_level AND s.archived_at IS NULL
  ORDER BY s.parent_id, s.id
)sql";

// A nullable date as SOCI binds it.
struct DateValue {
  explicit DateValue(const std::optional<std::string>& date)
      : text(date.value_or("")), indicator(date ? soci::i_ok : soci::i_null) {}
  std::string text;
  soci::indicator indicator;
};

std::optional<std::string> DateOf(const std::string& text, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<std::string>(text) : std::nullopt;
}

}  // namespace

std::optional<StreetProfile> StreetRepository::FindProfile(soci::session& sql, std::int64_t org_id) const {
  const long long id = org_id;
  StreetProfile profile;
  profile.org_id = org_id;
  int office_set_up = 0;
  int function_list_published = 0;
  std::string office_set_up_on;
  std::string deputy_secretary_since;
  std::string function_list_published_on;
  soci::indicator office_set_up_on_indicator = soci::i_null;
  soci::indicator deputy_secretary_since_indicator = soci::i_null;
  soci::indicator function_list_published_on_indicator = soci::i_null;
  sql << kSelectProfile, soci::use(id, "org_id"), soci::into(office_set_up),
      soci::into(office_set_up_on, office_set_up_on_indicator), soci::into(profile.deputy_secretary),
      soci::into(deputy_secretary_since, deputy_secretary_since_indicator), soci::into(function_list_published),
      soci::into(function_list_published_on, function_list_published_on_indicator);
  if (!sql.got_data()) return std::nullopt;
  profile.office_set_up = office_set_up != 0;
  profile.office_set_up_on = DateOf(office_set_up_on, office_set_up_on_indicator);
  profile.deputy_secretary_since = DateOf(deputy_secretary_since, deputy_secretary_since_indicator);
  profile.function_list_published = function_list_published != 0;
  profile.function_list_published_on = DateOf(function_list_published_on, function_list_published_on_indicator);

  PowerGrant grant;
  soci::statement statement =
      (sql.prepare << kSelectPowers, soci::use(id, "org_id"), soci::into(grant.power), soci::into(grant.granted_on));
  statement.execute();
  while (statement.fetch()) profile.powers.push_back(grant);
  std::sort(profile.powers.begin(), profile.powers.end(), [](const PowerGrant& left, const PowerGrant& right) {
    return PowerIndex(left.power) < PowerIndex(right.power);
  });
  return profile;
}

void StreetRepository::SaveProfile(soci::session& sql, const StreetProfile& profile, std::int64_t now) const {
  const long long org_id = profile.org_id;
  const int office_set_up = profile.office_set_up ? 1 : 0;
  const int function_list_published = profile.function_list_published ? 1 : 0;
  DateValue office_set_up_on(profile.office_set_up_on);
  DateValue deputy_secretary_since(profile.deputy_secretary_since);
  DateValue function_list_published_on(profile.function_list_published_on);
  const long long updated_at = now;
  sql << kUpsertProfile, soci::use(org_id, "org_id"), soci::use(office_set_up, "office_set_up"),
      soci::use(office_set_up_on.text, office_set_up_on.indicator, "office_set_up_on"),
      soci::use(profile.deputy_secretary, "deputy_secretary"),
      soci::use(deputy_secretary_since.text, deputy_secretary_since.indicator, "deputy_secretary_since"),
      soci::use(function_list_published, "function_list_published"),
      soci::use(function_list_published_on.text, function_list_published_on.indicator, "function_list_published_on"),
      soci::use(updated_at, "updated_at");
  sql << kDeletePowers, soci::use(org_id, "org_id");
  for (const PowerGrant& grant : profile.powers) {
    sql << kInsertPower, soci::use(org_id, "org_id"), soci::use(grant.power, "power"),
        soci::use(grant.granted_on, "granted_on");
  }
}

std::vector<ReformProgressRow> StreetRepository::ListReformProgress(soci::session& sql,
                                                                    const core::OrgScope& scope) const {
  const std::string street_level = "street";
  long long org_id = 0;
  std::string name;
  std::string district;
  int office_set_up = 0;
  int deputy_secretary_appointed = 0;
  int function_list_published = 0;
  long long powers_granted = 0;
  soci::statement statement =
      (sql.prepare << kSelectReformProgress, db::UseScope{scope},
       soci::use(street_level, "street_level"), soci::into(org_id), soci::into(name), soci::into(district),
       soci::into(office_set_up), soci::into(deputy_secretary_appointed), soci::into(function_list_published),
       soci::into(powers_granted));
  statement.execute();
  std::vector<ReformProgressRow> rows;
  while (statement.fetch()) {
    rows.push_back(ReformProgressRow{org_id, name, district, office_set_up != 0, deputy_secretary_appointed != 0,
                                     function_list_published != 0, powers_granted});
  }
  return rows;
}

}  // namespace liandong::street
