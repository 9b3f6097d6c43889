#include "features/cobuild_overview/overview_repository.hpp"

#include <string_view>

#include "core/china_date.hpp"
#include "db/org_scope_binding.hpp"
#include "features/cobuild/agreement_model.hpp"
#include "features/cobuild_overview/tally.hpp"

namespace liandong::cobuild_overview {
namespace {

constexpr std::string_view kSelectStreets = R"sql(
  SELECT o.id, o.name, o.level, o.path
  FROM org o
  WHERE o.level = 'street' AND o.path >= :scope AND o.path < :scope_end AND o.archived_at IS NULL
  ORDER BY o.path
)sql";

// The agreements in force (the list's states active and expiring), with the conditions of the
// list's filters late=true and due=true, so that each figure is the total of its drill-down.
constexpr std::string_view kCountAgreements = R"sql(
  SELECT {group},
         SUM(CASE WHEN a.end_on > :expiring THEN 1 ELSE 0 END),
         SUM(CASE WHEN a.end_on <= :expiring_again THEN 1 ELSE 0 END),
         SUM(CASE WHEN a.first_unfiled_due_on >= :due_today AND a.first_unfiled_due_on <= :due_end THEN 1 ELSE 0 END),
         SUM(CASE WHEN a.late_filed_reports > 0 OR a.first_unfiled_due_on < :late_today THEN 1 ELSE 0 END)
  FROM agreement a
  JOIN org o ON o.id = a.org_id
  WHERE o.level IN ('street', 'community') AND o.path >= :scope AND o.path < :scope_end
    AND a.start_on <= :today AND a.end_on >= :today_again
    AND (a.terminated_on IS NULL OR a.terminated_on > :today_third)
  GROUP BY {group}
)sql";
constexpr std::string_view kStreetOfOrg = "CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END";

// A street's row counts its whole subtree: one row per street and measure (and the year's minutes).
constexpr std::string_view kTalliesOfStreets = R"sql(
  SELECT t.org_id, t.measure, t.total
  FROM org s
  JOIN cobuild_tally t ON t.org_id = s.id
  WHERE s.level = 'street' AND s.path >= :scope AND s.path < :scope_end AND (t.year = 0 OR t.year = :year)
)sql";
constexpr std::string_view kTalliesOfCommunity = R"sql(
  SELECT t.org_id, t.measure, t.total
  FROM cobuild_tally t
  WHERE t.org_id = :org AND (t.year = 0 OR t.year = :year)
)sql";

std::string WithGroup(std::string_view query, std::string_view group) {
  std::string text(query);
  for (std::size_t at = text.find("{group}"); at != std::string::npos; at = text.find("{group}", at)) {
    text.replace(at, 7, group);
  }
  return text;
}

void AddMeasure(Figures& figures, const std::string& measure, std::int64_t total) {
  if (measure == kNeedsOpen) figures.needs_open += total;
  if (measure == kNeedsMatched) figures.needs_matched += total;
  if (measure == kMembersReported) figures.members_reported += total;
  if (measure == kUnitsReported) figures.units_reported += total;
  if (measure == kServiceMinutes) figures.service_minutes += total;
}

}  // namespace

std::vector<OrgRef> OverviewRepository::Streets(soci::session& sql, const core::OrgScope& scope) const {
  long long id = 0;
  std::string name, level, path;
  soci::statement statement = (sql.prepare << std::string(kSelectStreets), db::UseScope{scope}, soci::into(id),
                               soci::into(name), soci::into(level), soci::into(path));
  statement.execute();
  std::vector<OrgRef> streets;
  while (statement.fetch()) streets.push_back({id, name, level, path});
  return streets;
}

Versions OverviewRepository::ReadVersions(soci::session& sql) const {
  long long version = 0;
  std::string name;
  soci::statement statement =
      (sql.prepare << "SELECT name, version FROM table_version WHERE name IN ('agreement', 'cobuild_tally')",
       soci::into(name), soci::into(version));
  statement.execute();
  Versions versions;
  while (statement.fetch()) (name == "agreement" ? versions.agreements : versions.tallies) = version;
  return versions;
}

void OverviewRepository::CountAgreements(soci::session& sql, const core::OrgScope& scope, Grouping grouping,
                                         const std::string& today, std::map<std::int64_t, Figures>& figures) const {
  const std::string expiring = core::AddDays(today, cobuild::kExpiringDays);
  const std::string due_end = core::AddDays(today, cobuild::kReportDueDays);
  long long group = 0, active = 0, expiring_soon = 0, due = 0, late = 0;
  soci::statement statement(sql);
  statement.exchange(soci::into(group));
  statement.exchange(soci::into(active));
  statement.exchange(soci::into(expiring_soon));
  statement.exchange(soci::into(due));
  statement.exchange(soci::into(late));
  statement.exchange(soci::use(expiring, "expiring"));
  statement.exchange(soci::use(expiring, "expiring_again"));
  statement.exchange(soci::use(today, "due_today"));
  statement.exchange(soci::use(due_end, "due_end"));
  statement.exchange(soci::use(today, "late_today"));
  db::BindScope(statement, scope);
  statement.exchange(soci::use(today, "today"));
  statement.exchange(soci::use(today, "today_again"));
  statement.exchange(soci::use(today, "today_third"));
  statement.alloc();
  statement.prepare(WithGroup(kCountAgreements, grouping == Grouping::kStreet ? kStreetOfOrg : "o.id"));
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    Figures& row = figures[group];
    row.agreements_active += active;
    row.agreements_expiring += expiring_soon;
    row.reports_due += due;
    row.reports_late += late;
  }
}

void OverviewRepository::AddTallies(soci::session& sql, const core::OrgScope& scope, Grouping grouping, int year,
                                    std::map<std::int64_t, Figures>& figures) const {
  // A city's ~1,500 rows fetched in batches: one at a time, soci's conversions cost more than the
  // query.
  constexpr std::size_t kBatch = 512;
  std::vector<long long> groups(kBatch), totals(kBatch);
  std::vector<std::string> measures(kBatch);
  const long long org = scope.RootId();
  soci::statement statement(sql);
  statement.exchange(soci::into(groups));
  statement.exchange(soci::into(measures));
  statement.exchange(soci::into(totals));
  std::string_view query = kTalliesOfStreets;
  if (grouping == Grouping::kCommunity) {
    query = kTalliesOfCommunity;
    statement.exchange(soci::use(org, "org"));
  } else {
    db::BindScope(statement, scope);
  }
  statement.exchange(soci::use(year, "year"));
  statement.alloc();
  statement.prepare(std::string(query));
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    for (std::size_t i = 0; i < groups.size(); ++i) AddMeasure(figures[groups[i]], measures[i], totals[i]);
    groups.resize(kBatch);
    measures.resize(kBatch);
    totals.resize(kBatch);
  }
}

}  // namespace liandong::cobuild_overview
