#include "features/street/street_service.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::street {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxNameLength = 50;  // the deputy secretary's name, in characters

// Throws the first problem with the profile, and puts its powers in kStreetPowers order.
void CheckProfile(StreetProfile& profile) {
  const auto check_date = [](const std::optional<std::string>& date, bool flag, const char* field) {
    if (!date) return;
    if (!core::IsIsoDate(*date)) throw AppError(ErrorKind::kInvalidArgument, "street.invalid_date", field);
    if (!flag) throw AppError(ErrorKind::kInvalidArgument, "street.date_without_step", field);
  };
  check_date(profile.office_set_up_on, profile.office_set_up, "office_set_up_on");
  if (core::CharacterCount(profile.deputy_secretary) > kMaxNameLength) {
    throw AppError(ErrorKind::kInvalidArgument, "street.invalid_deputy_secretary");
  }
  check_date(profile.deputy_secretary_since, !profile.deputy_secretary.empty(), "deputy_secretary_since");
  check_date(profile.function_list_published_on, profile.function_list_published, "function_list_published_on");
  for (const PowerGrant& grant : profile.powers) {
    if (!PowerIndex(grant.power)) throw AppError(ErrorKind::kInvalidArgument, "street.invalid_power", grant.power);
    if (!core::IsIsoDate(grant.granted_on))
      throw AppError(ErrorKind::kInvalidArgument, "street.invalid_date", "granted_on");
  }
  std::sort(profile.powers.begin(), profile.powers.end(), [](const PowerGrant& left, const PowerGrant& right) {
    return PowerIndex(left.power) < PowerIndex(right.power);
  });
  const auto same_power = [](const PowerGrant& left, const PowerGrant& right) { return left.power == right.power; };
  if (std::adjacent_find(profile.powers.begin(), profile.powers.end(), same_power) != profile.powers.end()) {
    throw AppError(ErrorKind::kInvalidArgument, "street.duplicate_power");
  }
}

}  // namespace

org::Org StreetService::FindOrgInScope(soci::session& sql, const core::Actor& actor, std::int64_t org_id) const {
  return org_service_.RequireInScope(sql, core::OrgScope::Of(actor), org_id);
}

org::Org StreetService::FindStreetInScope(soci::session& sql, const core::Actor& actor, std::int64_t org_id) const {
  org::Org org = FindOrgInScope(sql, actor, org_id);
  if (org.level != "street") throw AppError(ErrorKind::kInvalidArgument, "street.not_a_street", org.level);
  return org;
}

StreetProfile StreetService::GetProfile(const core::Actor& actor, std::int64_t org_id) const {
  core::RequirePermission(actor, "org:read");
  db::Session session(database_);
  const org::Org street = FindStreetInScope(session.sql(), actor, org_id);
  auto profile = repository_.FindProfile(session.sql(), street.id);
  if (!profile) {
    profile.emplace();
    profile->org_id = street.id;
  }
  return std::move(*profile);
}

StreetProfile StreetService::PutProfile(const core::Actor& actor, std::int64_t org_id, StreetProfile profile) const {
  core::RequirePermission(actor, "org:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org street = FindStreetInScope(sql, actor, org_id);
  profile.org_id = street.id;
  CheckProfile(profile);
  repository_.SaveProfile(sql, profile, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"street.update_profile", "org", street.id});
  StreetProfile stored = *repository_.FindProfile(sql, street.id);
  transaction.Commit();
  return stored;
}

ReformProgress StreetService::GetReformProgress(const core::Actor& actor, std::int64_t org_id) const {
  core::RequirePermission(actor, "org:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, org_id);
  ReformProgress progress;
  progress.org_id = scope.RootId();
  progress.rows = repository_.ListReformProgress(session.sql(), scope);
  for (const ReformProgressRow& row : progress.rows) {
    ++progress.totals.streets;
    progress.totals.office_set_up += row.office_set_up ? 1 : 0;
    progress.totals.deputy_secretary_appointed += row.deputy_secretary_appointed ? 1 : 0;
    progress.totals.function_list_published += row.function_list_published ? 1 : 0;
    progress.totals.all_powers_granted += row.powers_granted == static_cast<std::int64_t>(kStreetPowers.size()) ? 1 : 0;
  }
  return progress;
}

}  // namespace liandong::street
