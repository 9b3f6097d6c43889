#include "features/key_enterprise/key_enterprise_service.hpp"

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/org_scope.hpp"
#include "core/text.hpp"

namespace liandong::key_enterprise {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxReasonLength = 200;
constexpr std::size_t kMaxTextLength = 2000;
constexpr std::int64_t kMaxPastDays = 366;  // a log entry may be written up to a year late

AppError Invalid(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kInvalidArgument, code);
  error.WithField(field);
  return error;
}

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length && core::IsCleanText(text);
}

std::string Link(std::int64_t id) { return "/key-enterprises/" + std::to_string(id); }

}  // namespace

KeyEnterprise KeyEnterpriseService::FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  std::optional<KeyEnterprise> found = repository_.Find(sql, id);
  if (!found) throw AppError(ErrorKind::kNotFound, "key_enterprise.not_found");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  if (!scope.Contains(found->street_path) && !scope.Contains(found->agency_path)) {
    throw core::OutOfScope("key_enterprise.not_found");
  }
  return std::move(*found);
}

void KeyEnterpriseService::TellOtherSide(soci::session& sql, const KeyEnterprise& enterprise, const std::string& side,
                                         const std::string& title, const std::string& body) const {
  const std::int64_t other = side == "street" ? enterprise.agency.id : enterprise.street.id;
  notification_service_.Notify(sql, {other, "key_enterprise", title, body, Link(enterprise.id)});
}

KeyEnterprise KeyEnterpriseService::Create(const core::Actor& actor, const NewKeyEnterprise& input) const {
  core::RequirePermission(actor, "key_enterprise:write");
  if (!IsValidText(input.reason, kMaxReasonLength)) throw Invalid("key_enterprise.invalid_reason", "reason");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const core::OrgScope own = core::OrgScope::Of(actor);
  const org::Org street = org_service_.RequireInScope(sql, own, input.street_org_id, "key_enterprise.street_not_found");
  if (street.level != "street" || street.archived) throw Invalid("key_enterprise.invalid_street", "street_org_id");
  const unit::Unit unit = unit_service_.RequireInScope(sql, own, input.unit_id, "key_enterprise.unit_not_found");
  if (unit.archived) throw AppError(ErrorKind::kNotFound, "key_enterprise.unit_not_found").WithField("unit_id");
  if (!unit.fields.key_enterprise) throw Invalid("key_enterprise.not_key_enterprise", "unit_id");
  if (!unit.org_path.starts_with(street.path)) throw Invalid("key_enterprise.unit_outside_street", "unit_id");
  if (!repository_.ServesStreet(sql, input.agency_org_id, street.id)) {
    throw Invalid("key_enterprise.agency_not_serving", "agency_org_id");
  }
  if (repository_.FindByUnit(sql, unit.id)) {
    throw AppError(ErrorKind::kConflict, "key_enterprise.already_listed").WithField("unit_id");
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id = repository_.Insert(sql, input, core::ChinaDate(now), actor.user_id, now);
  audit_.Record(sql, actor, {"key_enterprise.create", "key_enterprise", id});
  KeyEnterprise created = *repository_.Find(sql, id);
  notification_service_.Notify(
      sql, {created.agency.id, "key_enterprise", "重点企业纳入双向管理：" + created.unit.name,
            street.name + "将该企业纳入条块双向管理，贵单位为条上责任方。原因：" + input.reason, Link(id)});
  transaction.Commit();
  return created;
}

KeyEnterprisePage KeyEnterpriseService::List(const core::Actor& actor, const KeyEnterpriseFilter& filter) const {
  core::RequirePermission(actor, "key_enterprise:read");
  db::Session session(database_);
  KeyEnterpriseQuery query{org_service_.ScopeOf(session.sql(), actor, filter.org_id)};
  query.text = filter.text;
  query.open_issues_only = filter.open_issues_only;
  query.offset = filter.offset;
  query.limit = filter.limit;
  return repository_.List(session.sql(), query);
}

KeyEnterpriseDetail KeyEnterpriseService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "key_enterprise:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  KeyEnterpriseDetail detail;
  detail.enterprise = FindVisible(sql, actor, id);
  detail.entries = repository_.ListEntries(sql, id);
  detail.can_write = actor.Can("key_enterprise:write");
  return detail;
}

Entry KeyEnterpriseService::AddEntry(const core::Actor& actor, std::int64_t id, const NewEntry& input) const {
  core::RequirePermission(actor, "key_enterprise:write");
  if (input.kind != "visit" && input.kind != "issue") throw Invalid("key_enterprise.invalid_kind", "kind");
  if (!IsValidText(input.text, kMaxTextLength)) throw Invalid("key_enterprise.invalid_text", "text");
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  if (!core::IsIsoDate(input.happened_on) || input.happened_on > today ||
      core::DaysOfIsoDate(today) - core::DaysOfIsoDate(input.happened_on) > kMaxPastDays) {
    throw Invalid("key_enterprise.invalid_date", "happened_on");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const KeyEnterprise enterprise = FindVisible(sql, actor, id);
  // The street's side when the actor sees the street (a street user), the agency's otherwise.
  const std::string side = core::OrgScope::Of(actor).Contains(enterprise.street_path) ? "street" : "agency";
  const std::int64_t entry_id = repository_.InsertEntry(sql, id, input, side, actor.org_id, actor.user_id, now);
  audit_.Record(sql, actor, {"key_enterprise.entry", "key_enterprise", id, "ok", input.kind});
  Entry entry = *repository_.FindEntry(sql, entry_id);
  TellOtherSide(sql, enterprise, side,
                std::string(input.kind == "issue" ? "重点企业新增问题：" : "重点企业走访记录：") + enterprise.unit.name,
                entry.org.name + "（" + input.happened_on + "）：" + input.text);
  transaction.Commit();
  return entry;
}

Entry KeyEnterpriseService::Resolve(const core::Actor& actor, std::int64_t entry_id,
                                    const std::string& resolution) const {
  core::RequirePermission(actor, "key_enterprise:write");
  if (!IsValidText(resolution, kMaxTextLength)) throw Invalid("key_enterprise.invalid_resolution", "resolution");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::optional<Entry> found = repository_.FindEntry(sql, entry_id);
  if (!found) throw AppError(ErrorKind::kNotFound, "key_enterprise.not_found");
  const KeyEnterprise enterprise = FindVisible(sql, actor, found->key_enterprise_id);
  if (found->kind != "issue") throw AppError(ErrorKind::kConflict, "key_enterprise.not_an_issue");
  const std::int64_t now = clock_.NowSeconds();
  if (!repository_.Resolve(sql, entry_id, core::ChinaDate(now), resolution, actor.org_id)) {
    throw AppError(ErrorKind::kConflict, "key_enterprise.already_resolved");
  }
  const std::string side = core::OrgScope::Of(actor).Contains(enterprise.street_path) ? "street" : "agency";
  audit_.Record(sql, actor, {"key_enterprise.resolve", "key_enterprise_entry", entry_id});
  Entry resolved = *repository_.FindEntry(sql, entry_id);
  TellOtherSide(sql, enterprise, side, "重点企业问题已解决：" + enterprise.unit.name,
                resolved.org.name + "提出的问题已由" + resolved.resolved_by_org->name + "解决：" + resolution);
  transaction.Commit();
  return resolved;
}

}  // namespace liandong::key_enterprise
