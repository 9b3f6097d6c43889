#include "features/duty/duty_service.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace liandong::duty {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxDescriptionLength = 2000;  // characters
constexpr std::int64_t kFirstYear = 2000;
constexpr std::int64_t kLastYear = 2100;
constexpr std::int64_t kMaxSortOrder = 100000;

bool IsValidYear(std::int64_t year) { return year >= kFirstYear && year <= kLastYear; }

}  // namespace

bool VisibleFrom(const std::string& item_org_path, const core::OrgScope& scope) {
  return scope.Contains(item_org_path) || scope.IsWithinAncestorOf(item_org_path);
}

DutyItem DutyService::FindOwnItem(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  auto item = repository_.Find(sql, id);
  if (!item) throw AppError(ErrorKind::kNotFound, "duty.not_found");
  if (!VisibleFrom(item->org_path, core::OrgScope::Of(actor))) throw core::OutOfScope("duty.not_found");
  if (item->org.id != actor.org_id) {
    throw AppError(ErrorKind::kPermissionDenied, "duty.not_owner", "the item belongs to another org's list");
  }
  return std::move(*item);
}

void DutyService::CheckItem(soci::session& sql, const core::Actor& actor, const DutyItemFields& fields) const {
  if (!IsValidYear(fields.year)) throw AppError(ErrorKind::kInvalidArgument, "duty.invalid_year");
  if (!org::IsValidLevel(fields.level) || !repository_.LevelInSubtree(sql, fields.level, core::OrgScope::Of(actor))) {
    throw AppError(ErrorKind::kInvalidArgument, "duty.invalid_level", fields.level);
  }
  if (!IsResponsibilityKind(fields.responsibility_kind)) {
    throw AppError(ErrorKind::kInvalidArgument, "duty.invalid_kind");
  }
  if (fields.description.empty() || core::CharacterCount(fields.description) > kMaxDescriptionLength) {
    throw AppError(ErrorKind::kInvalidArgument, "duty.invalid_description");
  }
  if (fields.sort_order < 0 || fields.sort_order > kMaxSortOrder) {
    throw AppError(ErrorKind::kInvalidArgument, "duty.invalid_sort_order");
  }
  if (!repository_.FindDepartment(sql, fields.department_id)) {
    throw AppError(ErrorKind::kInvalidArgument, "duty.invalid_department");
  }
}

std::vector<Department> DutyService::ListDepartments(const core::Actor& actor) const {
  core::RequirePermission(actor, "duty:read");
  db::Session session(database_);
  return repository_.ListDepartments(session.sql());
}

std::vector<DutyItem> DutyService::ListItems(const core::Actor& actor, const DutyFilter& filter) const {
  core::RequirePermission(actor, "duty:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, filter.org_id);
  std::vector<std::int64_t> ancestors = scope.Ids();
  ancestors.pop_back();  // the org itself is in its subtree
  return repository_.List(session.sql(), scope, ancestors, filter);
}

DutyItem DutyService::CreateItem(const core::Actor& actor, const NewDutyItem& input) const {
  core::RequirePermission(actor, "duty:write");
  const auto kind = input.responsibility_kind ? input.responsibility_kind : DefaultKindOfLevel(input.level);
  const DutyItemFields fields{input.year,        input.level,         kind.value_or(""),
                              input.description, input.department_id, input.sort_order};
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  CheckItem(sql, actor, fields);  // a level without a default kind needs one: duty.invalid_kind
  const std::int64_t id = repository_.Insert(sql, actor.org_id, fields, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"duty.create", "duty_item", id});
  DutyItem item = *repository_.Find(sql, id);
  transaction.Commit();
  return item;
}

DutyItem DutyService::UpdateItem(const core::Actor& actor, std::int64_t id, const DutyItemPatch& patch) const {
  core::RequirePermission(actor, "duty:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const DutyItem current = FindOwnItem(sql, actor, id);
  const DutyItemFields fields = ApplyPatch(current.fields, patch);
  CheckItem(sql, actor, fields);
  if (fields == current.fields) return current;
  repository_.Update(sql, id, fields, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"duty.update", "duty_item", id});
  DutyItem item = *repository_.Find(sql, id);
  transaction.Commit();
  return item;
}

void DutyService::DeleteItem(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "duty:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  FindOwnItem(sql, actor, id);
  if (repository_.CountLinks(sql, id) > 0) throw AppError(ErrorKind::kConflict, "duty.in_use");
  repository_.Delete(sql, id);
  audit_service_.Record(sql, actor, {"duty.delete", "duty_item", id});
  transaction.Commit();
}

std::int64_t DutyService::CopyYear(const core::Actor& actor, const YearCopy& copy) const {
  core::RequirePermission(actor, "duty:write");
  if (!IsValidYear(copy.from_year) || !IsValidYear(copy.to_year) || copy.from_year == copy.to_year) {
    throw AppError(ErrorKind::kInvalidArgument, "duty.invalid_year");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  if (repository_.CountOfYear(sql, actor.org_id, copy.to_year) > 0) {
    throw AppError(ErrorKind::kConflict, "duty.year_exists");
  }
  const std::int64_t created = repository_.CopyYear(sql, actor.org_id, copy, clock_.NowSeconds());
  audit_service_.Record(
      sql, actor,
      {"duty.copy", "org", actor.org_id, "ok",
       std::to_string(copy.from_year) + "→" + std::to_string(copy.to_year) + ": " + std::to_string(created)});
  transaction.Commit();
  return created;
}

}  // namespace liandong::duty
