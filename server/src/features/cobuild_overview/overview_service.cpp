#include "features/cobuild_overview/overview_service.hpp"

#include <map>
#include <string>

#include "core/china_date.hpp"
#include "core/org_scope.hpp"

namespace liandong::cobuild_overview {

void Figures::Add(const Figures& other) {
  agreements_active += other.agreements_active;
  agreements_expiring += other.agreements_expiring;
  reports_due += other.reports_due;
  reports_late += other.reports_late;
  needs_open += other.needs_open;
  needs_matched += other.needs_matched;
  members_reported += other.members_reported;
  units_reported += other.units_reported;
  service_minutes += other.service_minutes;
}

std::shared_ptr<const OverviewService::StreetFigures> OverviewService::FiguresOfStreets(soci::session& sql,
                                                                                      const core::OrgScope& scope,
                                                                                      const std::string& day,
                                                                                      int year) const {
  const core::OrgScope tree = core::OrgScope::WholeTree("/" + std::to_string(scope.Ids().front()) + "/");
  const Versions versions = repository_.ReadVersions(sql);
  {
    const std::lock_guard lock(mutex_);
    if (street_figures_ && street_figures_->root_path == tree.Path() && street_figures_->day == day &&
        street_figures_->versions == versions) {
      return street_figures_;
    }
  }
  auto counted = std::make_shared<StreetFigures>();
  counted->root_path = tree.Path();
  counted->day = day;
  counted->versions = versions;
  repository_.CountAgreements(sql, tree, Grouping::kStreet, day, counted->figures);
  repository_.AddTallies(sql, tree, Grouping::kStreet, year, counted->figures);
  const std::lock_guard lock(mutex_);
  street_figures_ = counted;
  return counted;
}

Overview OverviewService::Get(const core::Actor& actor, std::optional<std::int64_t> org_id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, org_id);
  const org::Org org = org_service_.RequireInScope(session.sql(), scope, scope.RootId());

  Overview overview;
  overview.as_of = core::ChinaDate(clock_.NowSeconds());
  overview.year = std::stoi(overview.as_of.substr(0, 4));
  overview.org = {org.id, org.name, org.level, org.path};
  const Grouping grouping = org.level == "community" ? Grouping::kCommunity : Grouping::kStreet;
  std::vector<OrgRef> groups;
  if (grouping == Grouping::kCommunity) {
    groups.push_back(overview.org);
  } else {
    groups = repository_.Streets(session.sql(), scope);
  }
  if (groups.empty()) return overview;

  // A community's own row is counted live; the streets' come from the figures kept in memory.
  std::map<std::int64_t, Figures> own;
  std::shared_ptr<const StreetFigures> streets;
  const std::map<std::int64_t, Figures>* figures = &own;
  if (grouping == Grouping::kCommunity) {
    repository_.CountAgreements(session.sql(), scope, grouping, overview.as_of, own);
    repository_.AddTallies(session.sql(), scope, grouping, overview.year, own);
  } else {
    streets = FiguresOfStreets(session.sql(), scope, overview.as_of, overview.year);
    figures = &streets->figures;
  }
  for (OrgRef& group : groups) {
    const auto found = figures->find(group.id);
    Row row{std::move(group), found == figures->end() ? Figures{} : found->second};
    overview.total.Add(row.figures);
    overview.rows.push_back(std::move(row));
  }
  return overview;
}

}  // namespace liandong::cobuild_overview
