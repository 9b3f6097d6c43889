#include "features/workforce/staffing_service.hpp"

#include <algorithm>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "features/workforce/training_service.hpp"

namespace liandong::workforce {

using core::AppError;
using core::ErrorKind;

namespace {

AppError Invalid(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kInvalidArgument, code);
  if (!field.empty()) error.WithField(field);
  return error;
}

bool Visible(const core::OrgScope& scope, const std::string& path) {
  return scope.Contains(path) || scope.IsWithinAncestorOf(path);
}

void Add(StaffingLine& sum, const StaffingLine& line) {
  sum.communities += line.communities;
  sum.required += line.required;
  sum.in_post += line.in_post;
  sum.shortfall += line.shortfall;
  sum.excess += line.excess;
  sum.guarantee.households += line.guarantee.households;
  sum.guarantee.population += line.guarantee.population;
  sum.guarantee.office_space += line.guarantee.office_space;
  sum.guarantee.service_space += line.guarantee.service_space;
  sum.guarantee.operating_funds += line.guarantee.operating_funds;
  sum.guarantee.service_funds += line.guarantee.service_funds;
  sum.has_guarantee = sum.has_guarantee || line.has_guarantee;
}

}  // namespace

int StaffingNorm::Required(int households) const {
  int required = 0;
  for (const NormBand& band : bands) {
    if (households >= band.from_households) required = band.headcount;
  }
  if (!bands.empty() && households >= step_from && step_households > 0) {
    required = bands.back().headcount + 1 + (households - step_from) / step_households;
  }
  return std::min(required, max_headcount);
}

StaffingNorm ShippedStaffingNorm() {
  StaffingNorm norm;
  norm.name = "社区工作者配备标准（按户数）";
  norm.bands = {{0, 3}, {2000, 4}, {3000, 5}, {4000, 6}};
  norm.step_from = 5000;
  norm.step_households = 500;
  norm.max_headcount = 17;
  return norm;
}

const StaffingNorm* ResolveNorm(const std::vector<StaffingNorm>& norms, const std::string& path, int year) {
  const std::vector<std::int64_t> ids = core::IdsOnPath(path);
  for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
    const StaffingNorm* found = nullptr;
    for (const StaffingNorm& norm : norms) {
      if (norm.org.id == *id && norm.effective_from_year <= year &&
          (found == nullptr || norm.effective_from_year > found->effective_from_year)) {
        found = &norm;
      }
    }
    if (found != nullptr) return found;
  }
  return nullptr;
}

int StaffingService::CurrentYear() const { return std::stoi(core::ChinaDate(clock_.NowSeconds()).substr(0, 4)); }

Guarantee StaffingService::SaveGuarantee(const core::Actor& actor, const Guarantee& guarantee, Part part) const {
  core::RequirePermission(actor, part == Part::kFunds ? "workforce:fund" : "workforce:staff");
  if (guarantee.year < 2000 || guarantee.year > CurrentYear() + 1) throw Invalid("workforce.invalid_year", "year");
  if (part == Part::kSize) {
    if (guarantee.households < 0 || guarantee.households > 1'000'000) {
      throw Invalid("workforce.invalid_guarantee", "households");
    }
    if (guarantee.population < 0 || guarantee.population > 10'000'000) {
      throw Invalid("workforce.invalid_guarantee", "population");
    }
    if (guarantee.office_space < 0 || guarantee.office_space > 1'000'000) {
      throw Invalid("workforce.invalid_guarantee", "office_space");
    }
    if (guarantee.service_space < 0 || guarantee.service_space > 1'000'000) {
      throw Invalid("workforce.invalid_guarantee", "service_space");
    }
  } else {
    if (guarantee.operating_funds < 0 || guarantee.operating_funds > 100'000'000'000) {
      throw Invalid("workforce.invalid_guarantee", "operating_funds");
    }
    if (guarantee.service_funds < 0 || guarantee.service_funds > 100'000'000'000) {
      throw Invalid("workforce.invalid_guarantee", "service_funds");
    }
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const org::Org org = orgs_.RequireInScope(sql, core::OrgScope::Of(actor), guarantee.org_id);
  if (org.level != "community" || org.archived) throw Invalid("workforce.invalid_org", "org_id");
  Guarantee saved = repository_.FindGuarantee(sql, org.id, guarantee.year).value_or(Guarantee{org.id, guarantee.year});
  if (part == Part::kSize) {
    saved.households = guarantee.households;
    saved.population = guarantee.population;
    saved.office_space = guarantee.office_space;
    saved.service_space = guarantee.service_space;
  } else {
    saved.operating_funds = guarantee.operating_funds;
    saved.service_funds = guarantee.service_funds;
  }
  repository_.SaveGuarantee(sql, saved, part == Part::kFunds, clock_.NowSeconds());
  audit_.Record(sql, actor,
                {part == Part::kFunds ? "community_funds.save" : "community_guarantee.save", "org", org.id, "ok",
                 std::to_string(guarantee.year)});
  Guarantee stored = *repository_.FindGuarantee(sql, org.id, guarantee.year);
  transaction.Commit();
  return stored;
}

std::vector<StaffingNorm> StaffingService::ListNorms(const core::Actor& actor) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  const core::OrgScope scope = core::OrgScope::Of(actor);
  std::vector<StaffingNorm> visible;
  for (StaffingNorm& norm : repository_.LoadNorms(session.sql())) {
    if (Visible(scope, norm.org_path)) visible.push_back(std::move(norm));
  }
  return visible;
}

void StaffingService::ValidateNorm(const StaffingNorm& norm) const {
  if (norm.name.empty() || norm.name.size() > 300) throw Invalid("workforce.invalid_norm", "name");
  if (norm.effective_from_year < 2000 || norm.effective_from_year > 2100) {
    throw Invalid("workforce.invalid_norm", "effective_from_year");
  }
  if (norm.bands.empty() || norm.bands.size() > 30 || norm.bands.front().from_households != 0) {
    throw Invalid("workforce.invalid_norm", "bands");
  }
  for (std::size_t i = 0; i < norm.bands.size(); ++i) {
    const NormBand& band = norm.bands[i];
    if (band.headcount < 0 || band.headcount > 200 ||
        (i > 0 && (band.from_households <= norm.bands[i - 1].from_households ||
                   band.headcount < norm.bands[i - 1].headcount))) {
      throw Invalid("workforce.invalid_norm", "bands");
    }
  }
  if (norm.step_from <= norm.bands.back().from_households || norm.step_from > 1'000'000) {
    throw Invalid("workforce.invalid_norm", "step_from");
  }
  if (norm.step_households < 1 || norm.step_households > 100'000) {
    throw Invalid("workforce.invalid_norm", "step_households");
  }
  if (norm.max_headcount < norm.bands.back().headcount || norm.max_headcount > 200) {
    throw Invalid("workforce.invalid_norm", "max_headcount");
  }
}

StaffingNorm StaffingService::CreateNorm(const core::Actor& actor, const StaffingNorm& norm) const {
  core::RequirePermission(actor, "workforce:staff");
  ValidateNorm(norm);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  orgs_.RequireInScope(sql, core::OrgScope::Of(actor), norm.org.id);
  for (const StaffingNorm& other : repository_.LoadNorms(sql)) {
    if (other.org.id == norm.org.id && other.effective_from_year == norm.effective_from_year) {
      AppError error(ErrorKind::kConflict, "workforce.norm_exists");
      error.WithField("effective_from_year");
      throw error;
    }
  }
  const std::int64_t id = repository_.InsertNorm(sql, norm, clock_.NowSeconds());
  audit_.Record(sql, actor, {"staffing_norm.create", "staffing_norm", id, "ok", norm.name});
  StaffingNorm created;
  for (StaffingNorm& stored : repository_.LoadNorms(sql)) {
    if (stored.id == id) created = std::move(stored);
  }
  transaction.Commit();
  return created;
}

StaffingNorm StaffingService::UpdateNorm(const core::Actor& actor, std::int64_t id, const StaffingNorm& norm) const {
  core::RequirePermission(actor, "workforce:staff");
  ValidateNorm(norm);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const std::vector<StaffingNorm> norms = repository_.LoadNorms(sql);
  const auto existing = std::find_if(norms.begin(), norms.end(), [&](const StaffingNorm& item) { return item.id == id; });
  std::optional<StaffingNorm> found;
  if (existing != norms.end()) found = *existing;
  const StaffingNorm current = core::RequireInScope(
      core::OrgScope::Of(actor), std::move(found), [](const StaffingNorm& item) { return item.org_path; },
      "workforce.norm_not_found");
  for (const StaffingNorm& other : norms) {
    if (other.id != id && other.org.id == current.org.id && other.effective_from_year == norm.effective_from_year) {
      AppError error(ErrorKind::kConflict, "workforce.norm_exists");
      error.WithField("effective_from_year");
      throw error;
    }
  }
  StaffingNorm changed = norm;
  changed.id = id;
  changed.org = current.org;
  repository_.ReplaceNorm(sql, changed, clock_.NowSeconds());
  audit_.Record(sql, actor, {"staffing_norm.update", "staffing_norm", id, "ok", norm.name});
  StaffingNorm updated;
  for (StaffingNorm& stored : repository_.LoadNorms(sql)) {
    if (stored.id == id) updated = std::move(stored);
  }
  transaction.Commit();
  return updated;
}

EstablishmentQuota StaffingService::SaveQuota(const core::Actor& actor, const EstablishmentQuota& quota) const {
  core::RequirePermission(actor, "workforce:staff");
  if (quota.year < 2000 || quota.year > CurrentYear() + 1) throw Invalid("workforce.invalid_year", "year");
  if (quota.kind != "public_institution" && quota.kind != "community_post" && quota.kind != "other") {
    throw Invalid("workforce.invalid_quota", "kind");
  }
  if (quota.allotted < 0 || quota.allotted > 100'000) throw Invalid("workforce.invalid_quota", "allotted");
  if (quota.used < 0 || quota.used > 100'000) throw Invalid("workforce.invalid_quota", "used");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const org::Org org = orgs_.RequireInScope(sql, core::OrgScope::Of(actor), quota.org.id);
  if (org.level != "street" || org.archived) throw Invalid("workforce.invalid_quota", "org_id");
  EstablishmentQuota saved = quota;
  saved.org = Reference{org.id, org.name};
  repository_.SaveQuota(sql, saved, clock_.NowSeconds());
  audit_.Record(sql, actor,
                {"establishment_quota.save", "org", org.id, "ok",
                 std::to_string(quota.year) + " " + quota.kind + " " + std::to_string(quota.used) + "/" +
                     std::to_string(quota.allotted)});
  transaction.Commit();
  return saved;
}

StaffingReport StaffingService::Report(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                       std::optional<int> requested_year) const {
  core::RequirePermission(actor, "workforce:read");
  const int year = requested_year.value_or(CurrentYear());
  if (year < 2000 || year > CurrentYear() + 1) throw Invalid("workforce.invalid_year", "year");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const core::OrgScope scope = orgs_.ScopeOf(sql, actor, org_id);
  const org::Org root = *orgs_.FindOrg(sql, scope.RootId());
  StaffingReport report;
  report.org = Reference{root.id, root.name};
  report.org_level = root.level;
  report.year = year;
  const std::vector<StaffingNorm> norms = repository_.LoadNorms(sql);
  if (const StaffingNorm* norm = ResolveNorm(norms, root.path, year)) report.norm = *norm;
  const auto guarantees = repository_.LoadGuarantees(sql, scope, year);
  const auto in_post = repository_.InPostCounts(sql, scope);
  const auto streets = workers_.LoadStreets(sql);
  const bool detailed = root.level == "street" || root.level == "community";
  std::map<std::string, StaffingLine> by_street;  // by the street's path: in tree order
  for (const CommunityRow& community : repository_.ListCommunities(sql, scope)) {
    StaffingLine line;
    line.org = Reference{community.id, community.name};
    line.street = StreetOnPath(streets, community.path);
    line.communities = 1;
    if (const auto found = guarantees.find(community.id); found != guarantees.end()) {
      line.has_guarantee = true;
      line.guarantee = found->second;
      if (const StaffingNorm* norm = ResolveNorm(norms, community.path, year)) {
        line.required = norm->Required(found->second.households);
      }
    }
    if (const auto found = in_post.find(community.id); found != in_post.end()) line.in_post = found->second;
    line.shortfall = std::max(0, line.required - line.in_post);
    line.excess = line.has_guarantee ? std::max(0, line.in_post - line.required) : 0;
    const std::string street_path =
        line.street.id != 0 ? streets.at(line.street.id).second : std::string("~");
    StaffingLine& street = by_street[street_path];
    street.org = line.street;
    street.street = line.street;
    Add(street, line);
    Add(report.total, line);
    if (detailed) report.communities.push_back(std::move(line));
  }
  report.total.org = report.org;
  for (auto& [path, line] : by_street) report.streets.push_back(std::move(line));
  report.quotas = repository_.ListQuotas(sql, scope, year);
  return report;
}

void StaffingService::SeedGuarantee(soci::session& sql, const Guarantee& guarantee) const {
  repository_.SaveGuarantee(sql, guarantee, false, clock_.NowSeconds());
  repository_.SaveGuarantee(sql, guarantee, true, clock_.NowSeconds());
}

std::int64_t StaffingService::SeedNorm(soci::session& sql, const StaffingNorm& norm) const {
  ValidateNorm(norm);
  return repository_.InsertNorm(sql, norm, clock_.NowSeconds());
}

void StaffingService::SeedQuota(soci::session& sql, const EstablishmentQuota& quota) const {
  repository_.SaveQuota(sql, quota, clock_.NowSeconds());
}

}  // namespace liandong::workforce
