#include "features/unit/unit_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "features/unit/unit_credit_code.hpp"
#include "features/unit/unit_validation.hpp"

namespace liandong::unit {
namespace {

using core::AppError;
using core::ErrorKind;

[[noreturn]] void Throw(const FieldError& error) {
  throw AppError(error.kind, error.code, error.field).WithField(error.field);
}

db::AuditEntry UnitEntry(const char* action, std::int64_t id, std::string detail = {}) {
  return db::AuditEntry{action, "unit", id, "ok", std::move(detail)};
}

}  // namespace

std::vector<FieldError> UnitService::CheckFields(soci::session& sql, const core::Actor& actor, UnitFields& fields,
                                                 const UnitFields* current) const {
  std::vector<FieldError> errors = CheckUnitValues(fields);
  // Linked orgs must exist and lie in the actor's subtree, so that no name from outside shows.
  // Their errors go before the instructor's, in the order of the fields.
  std::vector<FieldError> org_errors;
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const auto fail = [&org_errors](const char* field, const char* code, ErrorKind kind = ErrorKind::kInvalidArgument) {
    org_errors.push_back(FieldError{field, kind, code});
  };
  const auto check_org = [&](const char* field, std::optional<std::int64_t> id, std::optional<std::int64_t> stored,
                             const char* invalid_code, auto&& acceptable) {
    if (!id || (current != nullptr && id == stored)) return;
    // An org outside the subtree is answered as one that does not exist.
    const auto org = org_service_.FindOrg(sql, *id);
    if (!org || !scope.Contains(org->path)) {
      fail(field, invalid_code);
    } else if (org->archived || !acceptable(*org)) {
      fail(field, invalid_code);  // an archived org takes no new links
    }
  };
  const auto stored = [current](std::optional<std::int64_t> UnitFields::*link) {
    return current != nullptr ? current->*link : std::nullopt;
  };
  check_org("org_id", fields.org_id, current != nullptr ? std::optional(current->org_id) : std::nullopt,
            "unit.invalid_org", [](const org::Org& org) { return org.level == "street" || org.level == "community"; });
  check_org("own_org_id", fields.own_org_id, stored(&UnitFields::own_org_id), "unit.invalid_own_org",
            [](const org::Org&) { return true; });
  check_org("joint_branch_org_id", fields.joint_branch_org_id, stored(&UnitFields::joint_branch_org_id),
            "unit.invalid_joint_branch", [](const org::Org& org) { return org.kind == "joint_branch"; });
  const auto instructor =
      std::find_if(errors.begin(), errors.end(), [](const FieldError& error) { return error.field == "instructor"; });
  errors.insert(instructor, org_errors.begin(), org_errors.end());
  return errors;
}

Unit UnitService::RequireInScope(soci::session& sql, const core::OrgScope& scope, std::int64_t id,
                                 std::string_view not_found_code) const {
  return core::RequireInScope(scope, repository_.Find(sql, id), [](const Unit& unit) { return unit.org_path; },
                              not_found_code);
}

Unit UnitService::FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  return RequireInScope(sql, core::OrgScope::Of(actor), id);
}

UnitPage UnitService::ListUnits(const core::Actor& actor, std::optional<std::int64_t> org_id, UnitQuery query) const {
  core::RequirePermission(actor, "unit:read");
  db::Session session(database_);
  return repository_.List(session.sql(), org_service_.ScopeOf(session.sql(), actor, org_id), query);
}

namespace {

constexpr std::int64_t kMaxExportRows = 100000;

// The words of the import template (web/src/models/spreadsheet.ts), so that an export re-imports.
std::string KindWord(const std::string& kind) {
  static const std::map<std::string, std::string> words = {
      {"government_agency", "机关"},         {"public_institution", "事业单位"}, {"state_enterprise", "国有企业"},
      {"private_enterprise", "非公有制企业"}, {"social_organisation", "社会组织"}, {"other", "其他"}};
  const auto found = words.find(kind);
  return found == words.end() ? kind : found->second;
}

std::string CoverageWord(Coverage coverage) {
  static const std::map<std::string, std::string, std::less<>> words = {
      {"own_org", "单独建立党组织"}, {"joint_branch", "联合党支部覆盖"}, {"work_only", "工作覆盖（党建指导员）"},
      {"uncovered", "未覆盖"},       {"not_eligible", "不具备建党条件"}};
  const auto found = words.find(ToString(coverage));
  return found == words.end() ? std::string(ToString(coverage)) : found->second;
}

}  // namespace

std::string UnitService::ExportUnits(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                     UnitQuery query) const {
  query.page = 1;
  query.page_size = 1000;
  core::Sheet sheet{"驻区单位",
                    {"单位名称", "统一社会信用代码", "单位类型", "行业", "从业人数", "法定代表人", "所在组织ID",
                     "具备建党条件(是/否)", "党组织ID", "联合党支部ID", "党建指导员", "重点企业(是/否)", "所在组织",
                     "党组织", "联合党支部", "覆盖情况"},
                    {}};
  std::int64_t total = 0;
  for (;; ++query.page) {
    const UnitPage page = ListUnits(actor, org_id, query);
    total = page.total;
    if (total > kMaxExportRows) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "too many rows");
    for (const Unit& unit : page.items) {
      const UnitFields& f = unit.fields;
      sheet.rows.push_back({f.name, f.credit_code, KindWord(f.unit_kind), f.industry, std::to_string(f.staff_count),
                            f.legal_representative, std::to_string(unit.org.id), f.eligible_for_org ? "是" : "否",
                            unit.own_org ? std::to_string(unit.own_org->id) : "",
                            unit.joint_branch_org ? std::to_string(unit.joint_branch_org->id) : "", f.instructor,
                            f.key_enterprise ? "是" : "否", unit.org.name, unit.own_org ? unit.own_org->name : "",
                            unit.joint_branch_org ? unit.joint_branch_org->name : "", CoverageWord(unit.coverage)});
    }
    if (page.items.empty() || static_cast<std::int64_t>(sheet.rows.size()) >= total) break;
  }
  std::string workbook = core::WriteWorkbook(sheet);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_service_.Record(session.sql(), actor, {"unit.export", "org", org_id, "ok", std::to_string(total) + " rows"});
  transaction.Commit();
  return workbook;
}

Unit UnitService::GetUnit(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "unit:read");
  db::Session session(database_);
  return FindInScope(session.sql(), actor, id);
}

Unit UnitService::CreateUnit(const core::Actor& actor, UnitFields fields) const {
  core::RequirePermission(actor, "unit:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const auto errors = CheckFields(session.sql(), actor, fields, nullptr);
  if (!errors.empty()) Throw(errors.front());
  if (repository_.FindByCreditCode(session.sql(), fields.credit_code)) {
    throw AppError(ErrorKind::kConflict, "unit.credit_code_taken");
  }
  const std::int64_t id = repository_.Insert(session.sql(), fields, clock_.NowSeconds());
  CountUnit(session.sql(), fields, 1);
  audit_service_.Record(session.sql(), actor, UnitEntry("unit.create", id));
  Unit unit = *repository_.Find(session.sql(), id);
  transaction.Commit();
  return unit;
}

Unit UnitService::UpdateUnit(const core::Actor& actor, std::int64_t id, const UnitPatch& patch) const {
  core::RequirePermission(actor, "unit:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Unit current = FindInScope(session.sql(), actor, id);
  if (current.archived) throw AppError(ErrorKind::kConflict, "unit.archived");
  UnitFields fields = ApplyPatch(current.fields, patch);
  const auto errors = CheckFields(session.sql(), actor, fields, &current.fields);
  if (!errors.empty()) Throw(errors.front());
  if (fields.credit_code != current.fields.credit_code &&
      repository_.FindByCreditCode(session.sql(), fields.credit_code)) {
    throw AppError(ErrorKind::kConflict, "unit.credit_code_taken");
  }
  if (fields == current.fields) return current;
  repository_.Update(session.sql(), id, fields, clock_.NowSeconds());
  CountUnit(session.sql(), current.fields, -1);
  CountUnit(session.sql(), fields, 1);
  audit_service_.Record(session.sql(), actor, UnitEntry("unit.update", id));
  Unit unit = *repository_.Find(session.sql(), id);
  transaction.Commit();
  return unit;
}

Unit UnitService::ArchiveUnit(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "unit:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Unit current = FindInScope(session.sql(), actor, id);
  if (current.archived) throw AppError(ErrorKind::kConflict, "unit.archived");
  repository_.Archive(session.sql(), id, clock_.NowSeconds());
  CountUnit(session.sql(), current.fields, -1);
  audit_service_.Record(session.sql(), actor, UnitEntry("unit.archive", id));
  Unit unit = *repository_.Find(session.sql(), id);
  transaction.Commit();
  return unit;
}

ImportResult UnitService::ImportUnits(const core::Actor& actor, std::vector<ImportRow> rows) const {
  core::RequirePermission(actor, "unit:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  ImportResult result;
  std::set<std::string> seen_credit_codes;
  for (ImportRow& row : rows) {
    const auto report = [&](const FieldError& error) { result.errors.push_back(ImportError{row.row, error}); };
    if (!row.errors.empty()) {
      for (const FieldError& error : row.errors) report(error);
      continue;
    }
    // An existing unit in the actor's subtree is compared with the row and keeps its links.
    std::optional<Unit> existing;
    if (const auto code = NormaliseCreditCode(row.fields.credit_code))
      existing = repository_.FindByCreditCode(sql, *code);
    const bool existing_in_scope = existing && core::OrgScope::Of(actor).Contains(existing->org_path);
    auto errors = CheckFields(sql, actor, row.fields, existing_in_scope ? &existing->fields : nullptr);
    const bool valid_code = std::none_of(errors.begin(), errors.end(),
                                         [](const FieldError& error) { return error.field == "credit_code"; });
    if (valid_code && !seen_credit_codes.insert(row.fields.credit_code).second) {
      errors.push_back(FieldError{"credit_code", ErrorKind::kInvalidArgument, "unit.duplicate_in_import"});
    } else if (existing && !existing_in_scope) {
      errors.push_back(FieldError{"credit_code", ErrorKind::kConflict, "unit.credit_code_taken"});
    } else if (existing && existing->archived) {
      errors.push_back(FieldError{"credit_code", ErrorKind::kConflict, "unit.archived"});
    }
    if (!errors.empty()) {
      for (const FieldError& error : errors) report(error);
      continue;
    }
    if (!existing) {
      const std::int64_t id = repository_.Insert(sql, row.fields, now);
      CountUnit(sql, row.fields, 1);
      audit_service_.Record(sql, actor, UnitEntry("unit.create", id, "import"));
      ++result.created;
    } else if (existing->fields == row.fields) {
      ++result.unchanged;
    } else {
      repository_.Update(sql, existing->id, row.fields, now);
      CountUnit(sql, existing->fields, -1);
      CountUnit(sql, row.fields, 1);
      audit_service_.Record(sql, actor, UnitEntry("unit.update", existing->id, "import"));
      ++result.updated;
    }
  }
  transaction.Commit();
  return result;
}

OrgCoverage UnitService::GetCoverage(const core::Actor& actor, std::int64_t org_id) const {
  core::RequirePermission(actor, "unit:read");
  db::Session session(database_);
  const std::optional<org::Org> org =
      org_service_.RequireInScope(session.sql(), core::OrgScope::Of(actor), org_id);
  OrgCoverage coverage;
  coverage.org_id = org->id;
  for (const org::RollupCount& count : org_service_.ReadRollup(session.sql(), org->id, org::kRollupUnitCoverage)) {
    if (auto parsed = ParseCoverage(count.item)) coverage.counts.Add(*parsed, count.total);
  }
  for (const org::ChildRollup& child :
       org_service_.ReadChildRollups(session.sql(), org->id, org::kRollupUnitCoverage)) {
    if (child.level == kUnitOrgLevel) continue;
    ChildCoverage& entry = coverage.by_child.emplace_back(ChildCoverage{child.org_id, child.name, child.level, {}});
    for (const org::RollupCount& count : child.counts) {
      if (auto parsed = ParseCoverage(count.item)) entry.counts.Add(*parsed, count.total);
    }
  }
  return coverage;
}

Unit UnitService::SeedUnit(soci::session& sql, const UnitFields& fields, std::int64_t now) const {
  const std::int64_t id = repository_.Insert(sql, fields, now);
  CountUnit(sql, fields, 1);
  return *repository_.Find(sql, id);
}

void UnitService::CountUnit(soci::session& sql, const UnitFields& fields, std::int64_t delta) const {
  org_service_.AdjustRollup(sql, fields.org_id, org::kRollupUnitCoverage, std::string(ToString(CoverageOf(fields))),
                            delta);
}

void UnitService::RebuildCoverageRollup(db::Session& session) const {
  repository_.RefreshStatistics(session);  // the units were just loaded in bulk
  std::vector<org::OrgItemCount> counts;
  for (const auto& [org_id, coverage, count] : repository_.CountCoverageByOrg(session.sql())) {
    counts.push_back({org_id, coverage, count});
  }
  org_service_.RebuildRollup(session, org::kRollupUnitCoverage, counts);
}

}  // namespace liandong::unit
