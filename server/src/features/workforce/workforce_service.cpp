#include "features/workforce/workforce_service.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <unordered_map>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/xlsx.hpp"
#include "features/workforce/training_service.hpp"

namespace liandong::workforce {

using core::AppError;
using core::ErrorKind;

namespace {

constexpr int kMaxImportRows = 5000;
constexpr std::size_t kMaxNameCharacters = 50;

bool IsOneOf(const std::string& value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool IsEducation(const std::string& education) {
  return IsOneOf(education, {"high_school", "associate", "bachelor", "master", "doctor"});
}

bool IsAppraisalResult(const std::string& result) {
  return IsOneOf(result, {"excellent", "competent", "basically_competent", "incompetent"});
}

std::size_t Characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// An error about a field of the body, which clients mark.
AppError Failure(ErrorKind kind, const std::string& code, const std::string& field, const std::string& detail = {}) {
  AppError error(kind, code, detail);
  if (!field.empty()) error.WithField(field);
  return error;
}

AppError Invalid(const std::string& code, const std::string& field) {
  return Failure(ErrorKind::kInvalidArgument, code, field);
}

void CheckDate(const std::string& date, const std::string& latest, const std::string& field) {
  if (!core::IsIsoDate(date) || date < "1950-01-01" || date > latest) throw Invalid("workforce.invalid_date", field);
}

// The field an error code is about, for import reports.
std::string FieldOf(const AppError& error) {
  if (!error.field().empty()) return error.field();
  const std::string& code = error.code();
  if (code == "workforce.id_number_taken" || code == "workforce.worker_not_found") return "id_number";
  if (code == "workforce.appraisal_exists") return "year";
  if (code == "org.not_found") return "org_id";
  return "";
}

// The street at or above the scope's root, if any: a street's part of a run is found by it.
std::optional<std::int64_t> StreetOf(const std::map<std::int64_t, std::pair<std::string, std::string>>& streets,
                                     const core::OrgScope& scope) {
  for (const std::int64_t id : scope.Ids()) {
    if (streets.count(id) > 0) return id;
  }
  return std::nullopt;
}

bool Visible(const core::OrgScope& scope, const std::string& path) {
  return scope.Contains(path) || scope.IsWithinAncestorOf(path);
}

}  // namespace

const Scheme* ResolveScheme(const std::vector<Scheme>& schemes, const std::string& path, int year) {
  const std::vector<std::int64_t> ids = core::IdsOnPath(path);
  for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
    for (const Scheme& scheme : schemes) {
      if (scheme.org.id == *id && scheme.Covers(year)) return &scheme;
    }
  }
  return nullptr;
}

int WorkforceService::CurrentYear() const { return std::stoi(Today().substr(0, 4)); }

std::string WorkforceService::Today() const { return core::ChinaDate(clock_.NowSeconds()); }

void WorkforceService::ValidateDefinition(const SchemeDefinition& definition) const {
  if (definition.name.empty() || Characters(definition.name) > kMaxNameCharacters) {
    throw Invalid("workforce.invalid_scheme", "name");
  }
  if (definition.effective_from_year < 2000 || definition.effective_from_year > 2100 ||
      (definition.effective_to_year &&
       (*definition.effective_to_year < definition.effective_from_year || *definition.effective_to_year > 2100))) {
    throw Invalid("workforce.invalid_scheme", "effective_from_year");
  }
  if (definition.step_years < 1 || definition.step_years > 10) throw Invalid("workforce.invalid_scheme", "step_years");
  if (definition.early_after_excellent < 1 || definition.early_after_excellent > 10) {
    throw Invalid("workforce.invalid_scheme", "early_after_excellent");
  }
  if (definition.early_max < 0 || definition.early_max > 10) throw Invalid("workforce.invalid_scheme", "early_max");
  if (definition.delay_years < 0 || definition.delay_years > 10)
    throw Invalid("workforce.invalid_scheme", "delay_years");
  if (definition.posts.empty() || definition.posts.size() > 10) throw Invalid("workforce.invalid_scheme", "posts");
  static const std::regex kPostKey("[a-z][a-z_]{0,29}");
  std::set<std::string> posts;
  for (const SchemePost& post : definition.posts) {
    if (!std::regex_match(post.post, kPostKey) || !posts.insert(post.post).second || post.name.empty() ||
        Characters(post.name) > 20 || post.min_grade < 1 || post.max_grade < post.min_grade || post.max_grade > 60) {
      throw Invalid("workforce.invalid_scheme", "posts");
    }
  }
  std::set<std::string> degrees;
  for (const DegreeCredit& degree : definition.degrees) {
    if (!IsEducation(degree.degree) || !degrees.insert(degree.degree).second || degree.credited_years < 0 ||
        degree.credited_years > 20) {
      throw Invalid("workforce.invalid_scheme", "degrees");
    }
  }
  // Every (post, grade) the ranges need has exactly one cell, and no cell lies outside them.
  std::set<std::pair<std::string, int>> cells;
  for (const PayCell& cell : definition.pay) {
    const auto post = std::find_if(definition.posts.begin(), definition.posts.end(),
                                   [&](const SchemePost& candidate) { return candidate.post == cell.post; });
    if (post == definition.posts.end() || cell.grade < post->min_grade || cell.grade > post->max_grade) {
      throw Invalid("workforce.grade_out_of_range", "pay");
    }
    if (cell.base_pay < 0 || cell.allowance < 0 || cell.base_pay > 100'000'000 || cell.allowance > 100'000'000 ||
        !cells.emplace(cell.post, cell.grade).second) {
      throw Invalid("workforce.invalid_scheme", "pay");
    }
  }
  for (const SchemePost& post : definition.posts) {
    for (int grade = post.min_grade; grade <= post.max_grade; ++grade) {
      if (cells.count({post.post, grade}) == 0) {
        throw Failure(ErrorKind::kInvalidArgument, "workforce.pay_table_incomplete", "pay",
                      post.name + " " + std::to_string(grade) + "级");
      }
    }
  }
}

void WorkforceService::CheckOverlap(soci::session& sql, std::int64_t org_id, const SchemeDefinition& definition,
                                    std::int64_t except_id) const {
  const int from = definition.effective_from_year;
  const int to = definition.effective_to_year.value_or(9999);
  for (const Scheme& other : repository_.LoadSchemes(sql)) {
    if (other.org.id != org_id || other.id == except_id) continue;
    const int other_from = other.definition.effective_from_year;
    const int other_to = other.definition.effective_to_year.value_or(9999);
    if (from <= other_to && other_from <= to) {
      throw Failure(ErrorKind::kConflict, "workforce.scheme_overlap", "effective_from_year",
                    "overlaps version " + std::to_string(other.id));
    }
  }
}

std::vector<Scheme> WorkforceService::ListSchemes(const core::Actor& actor, std::optional<std::int64_t> org_id) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, org_id);
  std::vector<Scheme> visible;
  for (Scheme& scheme : repository_.LoadSchemes(session.sql())) {
    if (Visible(scope, scheme.org_path)) visible.push_back(std::move(scheme));
  }
  return visible;
}

Scheme WorkforceService::GetScheme(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  auto scheme = repository_.FindScheme(session.sql(), id);
  if (!scheme) throw AppError(ErrorKind::kNotFound, "workforce.scheme_not_found");
  if (!Visible(core::OrgScope::Of(actor), scheme->org_path)) throw core::OutOfScope("workforce.scheme_not_found");
  return *scheme;
}

Scheme WorkforceService::CreateScheme(const core::Actor& actor, std::int64_t org_id,
                                      const SchemeDefinition& definition) const {
  core::RequirePermission(actor, "workforce:manage");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  orgs_.RequireInScope(session.sql(), core::OrgScope::Of(actor), org_id);
  ValidateDefinition(definition);
  CheckOverlap(session.sql(), org_id, definition, 0);
  const std::int64_t id = repository_.InsertScheme(session.sql(), org_id, definition, clock_.NowSeconds());
  audit_.Record(session.sql(), actor, {"grade_scheme.create", "grade_scheme", id, "ok", definition.name});
  Scheme scheme = *repository_.FindScheme(session.sql(), id);
  transaction.Commit();
  return scheme;
}

Scheme WorkforceService::UpdateScheme(const core::Actor& actor, std::int64_t id,
                                      const SchemeDefinition& definition) const {
  core::RequirePermission(actor, "workforce:manage");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Scheme existing = core::RequireInScope(
      core::OrgScope::Of(actor), repository_.FindScheme(session.sql(), id),
      [](const Scheme& scheme) { return scheme.org_path; }, "workforce.scheme_not_found");
  ValidateDefinition(definition);
  CheckOverlap(session.sql(), existing.org.id, definition, id);
  repository_.ReplaceScheme(session.sql(), id, definition, clock_.NowSeconds());
  audit_.Record(session.sql(), actor, {"grade_scheme.update", "grade_scheme", id, "ok", definition.name});
  Scheme scheme = *repository_.FindScheme(session.sql(), id);
  transaction.Commit();
  return scheme;
}

WorkerRecord WorkforceService::BuildRecord(soci::session& sql, const core::Actor* actor,
                                           const WorkerInput& input) const {
  WorkerRecord record;
  const org::Org org = actor != nullptr ? orgs_.RequireInScope(sql, core::OrgScope::Of(*actor), input.org_id)
                                        : *orgs_.FindOrg(sql, input.org_id);
  if (org.level != "community" || org.archived) throw Invalid("workforce.invalid_org", "org_id");
  record.org_id = org.id;
  if (input.name.empty() || Characters(input.name) > kMaxNameCharacters)
    throw Invalid("workforce.invalid_name", "name");
  record.name = input.name;
  const auto id_number = core::NormaliseIdNumber(input.id_number);
  if (!id_number) throw Invalid("workforce.invalid_id_number", "id_number");
  record.birth_date = core::BirthDateOfIdNumber(*id_number);
  // The 17th character is odd for a man, even for a woman (GB 11643).
  record.gender = ((*id_number)[16] - '0') % 2 == 1 ? "male" : "female";
  record.id_number_cipher = cipher_.Encrypt(*id_number);
  record.id_number_index = cipher_.BlindIndex(*id_number);
  record.id_number_masked = core::MaskIdNumber(*id_number);
  if (!input.phone.empty()) {
    const auto phone = core::NormalisePhone(input.phone);
    if (!phone) throw Invalid("workforce.invalid_phone", "phone");
    record.phone_cipher = cipher_.Encrypt(*phone);
    record.phone_index = cipher_.BlindIndex(*phone);
    record.phone_masked = core::MaskPhone(*phone);
  }
  const std::string today = Today();
  CheckDate(input.service_start, today, "service_start");
  record.service_start = input.service_start;
  if (!IsEducation(input.education)) throw Invalid("workforce.invalid_education", "education");
  record.education = input.education;
  if (!IsOneOf(input.status, {"in_post", "left", "retired"})) throw Invalid("workforce.invalid_status", "status");
  record.status = input.status;
  const std::vector<Scheme> schemes = repository_.LoadSchemes(sql);
  const Scheme* scheme = ResolveScheme(schemes, org.path, CurrentYear());
  if (scheme == nullptr) throw Invalid("workforce.no_scheme", "org_id");
  const SchemePost* post = scheme->FindPost(input.post);
  if (post == nullptr) throw Invalid("workforce.invalid_post", "post");
  record.post = input.post;
  record.grade = input.grade.value_or(StartingGrade(*scheme, input.post, input.service_start, input.education, today));
  if (record.grade < post->min_grade || record.grade > post->max_grade) {
    throw Invalid("workforce.grade_out_of_range", "grade");
  }
  record.grade_since = input.grade_since.value_or(input.service_start);
  CheckDate(record.grade_since, today, "grade_since");
  if (input.member_id) {
    const auto member = repository_.FindMember(sql, *input.member_id);
    if (!member || (actor != nullptr && !core::OrgScope::Of(*actor).Contains(member->second))) {
      throw Failure(ErrorKind::kNotFound, "workforce.member_not_found", "member_id");
    }
  }
  record.member_id = input.member_id;
  return record;
}

Worker WorkforceService::FindWorkerInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  return core::RequireInScope(
      core::OrgScope::Of(actor), repository_.FindWorker(sql, id), [](const Worker& worker) { return worker.org_path; },
      "workforce.worker_not_found");
}

WorkerPage WorkforceService::ListWorkers(const core::Actor& actor, const WorkerFilter& filter) const {
  core::RequirePermission(actor, "workforce:read");
  if (!filter.status.empty() && !IsOneOf(filter.status, {"in_post", "left", "retired"})) {
    throw Invalid("workforce.invalid_status", "status");
  }
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, filter.org_id);
  auto [items, total] = repository_.ListWorkers(session.sql(), scope, filter);
  return WorkerPage{std::move(items), total, filter.page, filter.page_size};
}

Worker WorkforceService::GetWorker(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  Worker worker = FindWorkerInScope(session.sql(), actor, id);
  worker.events = repository_.ListEvents(session.sql(), id);
  worker.appraisals = repository_.ListAppraisals(session.sql(), id);
  const std::vector<Scheme> schemes = repository_.LoadSchemes(session.sql());
  if (const Scheme* scheme = ResolveScheme(schemes, worker.org_path, CurrentYear())) {
    if (const SchemePost* post = scheme->FindPost(worker.post)) worker.post_name = post->name;
    if (const PayCell* cell = scheme->FindPay(worker.post, worker.grade)) {
      worker.pay = Pay{cell->base_pay, cell->allowance, training_.QualificationAllowance(session.sql(), id, Today())};
    }
  }
  for (const WorkerQualification& held : training_.ListWorkerQualifications(session.sql(), id)) {
    worker.qualifications.push_back(HeldQualification{held.id, held.qualification.id, held.qualification.name,
                                                      held.qualification.allowance, held.issued_on, held.expires_on});
  }
  if (worker.status == "in_post") {
    const int year = CurrentYear();
    worker.training_completed = training_.HoursOfWorker(session.sql(), id, year);
    worker.training_required =
        RequiredHours(training_.LoadRequirements(session.sql()), worker.org_path, year, worker.post, worker.grade);
  }
  return worker;
}

Worker WorkforceService::CreateWorker(const core::Actor& actor, const WorkerInput& input) const {
  core::RequirePermission(actor, "workforce:write");
  std::int64_t id = 0;
  {
    db::Session session(database_);
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    const WorkerRecord record = BuildRecord(session.sql(), &actor, input);
    if (repository_.FindIdByIdNumberIndex(session.sql(), record.id_number_index)) {
      throw Failure(ErrorKind::kConflict, "workforce.id_number_taken", "id_number");
    }
    id = repository_.InsertWorker(session.sql(), record, clock_.NowSeconds());
    repository_.InsertEvent(session.sql(), id,
                            {0, "created", Today(), "", record.post + ":" + std::to_string(record.grade), {}, "", 0},
                            actor.user_id, clock_.NowSeconds());
    audit_.Record(session.sql(), actor, {"worker.create", "worker", id, "ok", ""});
    transaction.Commit();
  }
  return GetWorker(actor, id);
}

Worker WorkforceService::UpdateWorker(const core::Actor& actor, std::int64_t id, const WorkerChanges& changes) const {
  core::RequirePermission(actor, "workforce:write");
  db::Session session(database_);
  std::optional<db::Transaction> transaction(std::in_place, session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  FindWorkerInScope(sql, actor, id);
  WorkerRecord record = *repository_.FindRecord(sql, id);
  const std::string today = Today();
  const std::string effective_on = changes.effective_on.value_or(today);
  CheckDate(effective_on, std::to_string(CurrentYear() + 1) + "-12-31", "effective_on");
  std::vector<WorkerEvent> events;
  const auto change = [&](const std::string& kind, const std::string& from, const std::string& to) {
    if (from != to) events.push_back(WorkerEvent{0, kind, effective_on, from, to, {}, "", 0});
  };
  if (changes.name) {
    if (changes.name->empty() || Characters(*changes.name) > kMaxNameCharacters) {
      throw Invalid("workforce.invalid_name", "name");
    }
    change("name", record.name, *changes.name);
    record.name = *changes.name;
  }
  if (changes.phone) {
    if (changes.phone->empty()) {
      record.phone_cipher = record.phone_index = record.phone_masked = "";
    } else {
      const auto phone = core::NormalisePhone(*changes.phone);
      if (!phone) throw Invalid("workforce.invalid_phone", "phone");
      record.phone_cipher = cipher_.Encrypt(*phone);
      record.phone_index = cipher_.BlindIndex(*phone);
      record.phone_masked = core::MaskPhone(*phone);
    }
  }
  if (changes.org_id) {
    const org::Org org = orgs_.RequireInScope(sql, core::OrgScope::Of(actor), *changes.org_id);
    if (org.level != "community" || org.archived) throw Invalid("workforce.invalid_org", "org_id");
    change("org", std::to_string(record.org_id), std::to_string(org.id));
    record.org_id = org.id;
  }
  if (changes.education) {
    if (!IsEducation(*changes.education)) throw Invalid("workforce.invalid_education", "education");
    change("education", record.education, *changes.education);
    record.education = *changes.education;
  }
  if (changes.status) {
    if (!IsOneOf(*changes.status, {"in_post", "left", "retired"})) throw Invalid("workforce.invalid_status", "status");
    change("status", record.status, *changes.status);
    record.status = *changes.status;
  }
  if (changes.member_id) {
    if (*changes.member_id) {
      const auto member = repository_.FindMember(sql, **changes.member_id);
      if (!member || !core::OrgScope::Of(actor).Contains(member->second)) {
        throw Failure(ErrorKind::kNotFound, "workforce.member_not_found", "member_id");
      }
      change("member", record.member_id ? std::to_string(*record.member_id) : "", std::to_string(**changes.member_id));
    } else {
      change("member", record.member_id ? std::to_string(*record.member_id) : "", "");
    }
    record.member_id = *changes.member_id;
  }
  if (changes.post || changes.grade) {
    const std::string post = changes.post.value_or(record.post);
    const int grade = changes.grade.value_or(record.grade);
    const std::string org_path = orgs_.FindOrg(sql, record.org_id)->path;
    const std::vector<Scheme> schemes = repository_.LoadSchemes(sql);
    const Scheme* scheme = ResolveScheme(schemes, org_path, std::stoi(effective_on.substr(0, 4)));
    if (scheme == nullptr) throw Invalid("workforce.no_scheme", "org_id");
    const SchemePost* found = scheme->FindPost(post);
    if (found == nullptr) throw Invalid("workforce.invalid_post", "post");
    if (grade < found->min_grade || grade > found->max_grade) throw Invalid("workforce.grade_out_of_range", "grade");
    change("post", record.post, post);
    change("grade", std::to_string(record.grade), std::to_string(grade));
    if (post != record.post || grade != record.grade) record.grade_since = effective_on;
    record.post = post;
    record.grade = grade;
  }
  const std::int64_t now = clock_.NowSeconds();
  repository_.UpdateWorker(sql, id, record, now);
  for (const WorkerEvent& event : events) repository_.InsertEvent(sql, id, event, actor.user_id, now);
  audit_.Record(sql, actor, {"worker.update", "worker", id, "ok", ""});
  transaction->Commit();
  transaction.reset();
  return GetWorker(actor, id);
}

ImportResult WorkforceService::ImportWorkers(const core::Actor& actor, const std::vector<WorkerInput>& rows,
                                             const std::vector<ImportError>& parse_errors) const {
  core::RequirePermission(actor, "workforce:write");
  if (rows.size() > static_cast<std::size_t>(kMaxImportRows)) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "at most 5000 rows per import");
  }
  ImportResult result;
  result.errors = parse_errors;
  std::vector<bool> failed(rows.size(), false);
  for (const ImportError& error : parse_errors) {
    if (error.row >= 1 && static_cast<std::size_t>(error.row) <= rows.size()) failed[error.row - 1] = true;
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const std::int64_t now = clock_.NowSeconds();
  const core::OrgScope scope = core::OrgScope::Of(actor);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (failed[i]) continue;
    try {
      const WorkerRecord record = BuildRecord(sql, &actor, rows[i]);
      if (!seen.insert(record.id_number_index).second) {
        throw Failure(ErrorKind::kConflict, "workforce.id_number_taken", "id_number", "twice in this file");
      }
      const auto existing = repository_.FindIdByIdNumberIndex(sql, record.id_number_index);
      if (!existing) {
        const std::int64_t id = repository_.InsertWorker(sql, record, now);
        repository_.InsertEvent(
            sql, id, {0, "created", Today(), "", record.post + ":" + std::to_string(record.grade), {}, "", 0},
            actor.user_id, now);
        audit_.Record(sql, actor, {"worker.import_create", "worker", id, "ok", ""});
        ++result.created;
        continue;
      }
      const Worker stored_worker = *repository_.FindWorker(sql, *existing);
      if (!scope.Contains(stored_worker.org_path)) {
        throw Failure(ErrorKind::kConflict, "workforce.id_number_taken", "id_number", "registered outside the subtree");
      }
      const WorkerRecord stored = *repository_.FindRecord(sql, *existing);
      const bool same = stored.org_id == record.org_id && stored.name == record.name &&
                        stored.phone_index == record.phone_index && stored.post == record.post &&
                        stored.grade == record.grade && stored.service_start == record.service_start &&
                        stored.education == record.education && stored.status == record.status;
      if (same) {
        ++result.unchanged;
        continue;
      }
      WorkerRecord updated = record;
      updated.id_number_cipher = stored.id_number_cipher;
      updated.early_steps_used = stored.early_steps_used;
      updated.member_id = rows[i].member_id ? rows[i].member_id : stored.member_id;
      if (stored.phone_index == record.phone_index) updated.phone_cipher = stored.phone_cipher;
      if (stored.post == record.post && stored.grade == record.grade) updated.grade_since = stored.grade_since;
      repository_.UpdateWorker(sql, *existing, updated, now);
      if (stored.grade != updated.grade || stored.post != updated.post) {
        repository_.InsertEvent(sql, *existing,
                                {0,
                                 "grade",
                                 Today(),
                                 stored.post + ":" + std::to_string(stored.grade),
                                 updated.post + ":" + std::to_string(updated.grade),
                                 {},
                                 "导入更新",
                                 0},
                                actor.user_id, now);
      }
      audit_.Record(sql, actor, {"worker.import_update", "worker", *existing, "ok", ""});
      ++result.updated;
    } catch (const AppError& error) {
      if (error.kind() == ErrorKind::kInternal) throw;
      result.errors.push_back(ImportError{static_cast<int>(i + 1), FieldOf(error), error.code()});
    }
  }
  std::sort(result.errors.begin(), result.errors.end(),
            [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  transaction.Commit();
  return result;
}

void WorkforceService::AddAppraisalIn(soci::session& sql, const core::Actor& actor, std::int64_t worker_id,
                                      const Appraisal& appraisal) const {
  if (appraisal.year < 2000 || appraisal.year > CurrentYear()) throw Invalid("workforce.invalid_year", "year");
  if (!IsAppraisalResult(appraisal.result)) throw Invalid("workforce.invalid_appraisal", "result");
  if (repository_.HasAppraisal(sql, worker_id, appraisal.year)) {
    throw Failure(ErrorKind::kConflict, "workforce.appraisal_exists", "year");
  }
  const std::int64_t now = clock_.NowSeconds();
  repository_.InsertAppraisal(sql, worker_id, appraisal, actor.user_id, now);
  repository_.InsertEvent(sql, worker_id,
                          {0,
                           "appraisal",
                           std::to_string(appraisal.year) + "-12-31",
                           "",
                           appraisal.result,
                           {},
                           std::to_string(appraisal.year) + "年度考核" + AppraisalLabel(appraisal.result),
                           0},
                          actor.user_id, now);
}

Worker WorkforceService::AddAppraisal(const core::Actor& actor, std::int64_t worker_id,
                                      const Appraisal& appraisal) const {
  core::RequirePermission(actor, "workforce:appraise");
  {
    db::Session session(database_);
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    FindWorkerInScope(session.sql(), actor, worker_id);
    AddAppraisalIn(session.sql(), actor, worker_id, appraisal);
    audit_.Record(session.sql(), actor,
                  {"appraisal.create", "worker", worker_id, "ok", std::to_string(appraisal.year)});
    transaction.Commit();
  }
  return GetWorker(actor, worker_id);
}

ImportResult WorkforceService::ImportAppraisals(const core::Actor& actor, const std::vector<AppraisalInput>& rows,
                                                const std::vector<ImportError>& parse_errors) const {
  core::RequirePermission(actor, "workforce:appraise");
  if (rows.size() > static_cast<std::size_t>(kMaxImportRows)) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "at most 5000 rows per import");
  }
  ImportResult result;
  result.errors = parse_errors;
  std::vector<bool> failed(rows.size(), false);
  for (const ImportError& error : parse_errors) {
    if (error.row >= 1 && static_cast<std::size_t>(error.row) <= rows.size()) failed[error.row - 1] = true;
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const core::OrgScope scope = core::OrgScope::Of(actor);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (failed[i]) continue;
    try {
      const auto id_number = core::NormaliseIdNumber(rows[i].id_number);
      if (!id_number) throw Invalid("workforce.invalid_id_number", "id_number");
      const auto worker_id = repository_.FindIdByIdNumberIndex(sql, cipher_.BlindIndex(*id_number));
      // A worker outside the subtree is reported as unknown, as one that does not exist.
      if (!worker_id || !scope.Contains(repository_.FindWorker(sql, *worker_id)->org_path)) {
        throw Invalid("workforce.worker_not_found", "id_number");
      }
      AddAppraisalIn(sql, actor, *worker_id, Appraisal{rows[i].year, rows[i].result});
      ++result.created;
    } catch (const AppError& error) {
      if (error.kind() == ErrorKind::kInternal) throw;
      result.errors.push_back(ImportError{static_cast<int>(i + 1), FieldOf(error), error.code()});
    }
  }
  audit_.Record(sql, actor, {"appraisal.import", "org", actor.org_id, "ok", std::to_string(result.created) + " rows"});
  std::sort(result.errors.begin(), result.errors.end(),
            [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  transaction.Commit();
  return result;
}

RegradingRun WorkforceService::FindRunVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  auto run = repository_.FindRun(sql, id);
  if (!run) throw AppError(ErrorKind::kNotFound, "workforce.run_not_found");
  if (!Visible(core::OrgScope::Of(actor), run->org_path)) throw core::OutOfScope("workforce.run_not_found");
  return *run;
}

RegradingRun WorkforceService::Describe(soci::session& sql, const core::OrgScope& scope, RegradingRun run) const {
  // The actor's part: the whole run when the actor stands at or above it, else the actor's subtree.
  const bool whole = scope.Contains(run.org_path);
  const core::OrgScope part = whole ? *scope.Narrow(run.org_path) : scope;
  const auto streets = repository_.LoadStreets(sql);
  run.counts = repository_.CountProposals(sql, run.id, part, StreetOf(streets, part));
  for (StreetReview& street : repository_.ListStreets(sql, run.id)) {
    const auto found = streets.find(street.street.id);
    if (found == streets.end()) continue;
    if (part.Contains(found->second.second) || part.IsWithinAncestorOf(found->second.second)) {
      run.streets.push_back(std::move(street));
    }
  }
  return run;
}

std::vector<RegradingRun> WorkforceService::ListRuns(const core::Actor& actor,
                                                     std::optional<std::int64_t> org_id) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, org_id);
  return repository_.ListRuns(session.sql(), scope);
}

RegradingRun WorkforceService::GetRun(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  return Describe(session.sql(), core::OrgScope::Of(actor), FindRunVisible(session.sql(), actor, id));
}

RunSummary WorkforceService::Compute(db::Session& session, std::int64_t org_id, const std::string& org_path, int year,
                                     std::int64_t user_id, std::optional<std::int64_t> run_id) const {
  soci::session& sql = session.sql();
  const core::OrgScope scope =
      *core::OrgScope::WholeTree("/" + std::to_string(core::IdsOnPath(org_path).front()) + "/").Narrow(org_path);
  const std::vector<Scheme> schemes = repository_.LoadSchemes(sql);
  const auto streets = repository_.LoadStreets(sql);
  // Appraisals back to the oldest step interval any scheme can need.
  int longest = 1;
  for (const Scheme& scheme : schemes) {
    longest = std::max(longest, std::max(scheme.definition.step_years, scheme.definition.early_after_excellent) +
                                    scheme.definition.delay_years * 10);
  }
  const std::vector<RegradingRow> rows = repository_.LoadRegradingRows(sql, scope, year - longest - 1);
  std::unordered_map<std::int64_t, const Scheme*> scheme_of_org;
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> street_of_org;
  std::vector<ProposalRow> proposals;
  proposals.reserve(rows.size());
  RunSummary summary;
  for (const RegradingRow& row : rows) {
    auto scheme = scheme_of_org.find(row.org_id);
    if (scheme == scheme_of_org.end()) {
      scheme = scheme_of_org.emplace(row.org_id, ResolveScheme(schemes, row.org_path, year)).first;
      std::optional<std::int64_t> street;
      for (const std::int64_t id : core::IdsOnPath(row.org_path)) {
        if (streets.count(id) > 0) street = id;
      }
      street_of_org[row.org_id] = street;
    }
    ProposalRow proposal;
    proposal.worker_id = row.worker_id;
    proposal.street_id = street_of_org[row.org_id];
    proposal.from_grade = row.facts.grade;
    proposal.from_grade_since = row.facts.grade_since;
    proposal.from_early_steps_used = row.facts.early_steps_used;
    if (scheme->second == nullptr) {
      proposal.change = "held";
      proposal.to_grade = row.facts.grade;
      proposal.explanation = "不变：没有适用于" + std::to_string(year) + "年的等级序列";
    } else {
      proposal.scheme_id = scheme->second->id;
      RegradingOutcome outcome = ProposeRegrading(*scheme->second, row.facts, year);
      proposal.change = std::move(outcome.change);
      proposal.to_grade = outcome.to_grade;
      proposal.explanation = std::move(outcome.explanation);
    }
    ++summary.counts[proposal.change];
    proposals.push_back(std::move(proposal));
  }
  summary.workers = static_cast<std::int64_t>(proposals.size());
  const std::int64_t now = clock_.NowSeconds();
  if (!run_id) {
    summary.run_id = repository_.InsertRun(sql, org_id, year, user_id, now);
    repository_.ReplaceProposals(session, summary.run_id, proposals);
    return summary;
  }
  summary.run_id = *run_id;
  // Idempotent: the same facts give the same proposals, and then nothing (reviews included) changes.
  const std::vector<ProposalRow> stored = repository_.LoadProposals(sql, *run_id);
  std::vector<const ProposalRow*> sorted;
  for (const ProposalRow& proposal : proposals) sorted.push_back(&proposal);
  std::sort(sorted.begin(), sorted.end(),
            [](const ProposalRow* a, const ProposalRow* b) { return a->worker_id < b->worker_id; });
  bool same = stored.size() == sorted.size();
  for (std::size_t i = 0; same && i < stored.size(); ++i) {
    const ProposalRow& a = stored[i];
    const ProposalRow& b = *sorted[i];
    same = a.worker_id == b.worker_id && a.change == b.change && a.to_grade == b.to_grade &&
           a.from_grade == b.from_grade && a.explanation == b.explanation && a.street_id == b.street_id &&
           a.from_grade_since == b.from_grade_since && a.from_early_steps_used == b.from_early_steps_used;
  }
  if (same) return summary;
  repository_.ReplaceProposals(session, *run_id, proposals);
  repository_.ClearReviews(sql, *run_id);
  repository_.MarkComputed(sql, *run_id, user_id, now);
  return summary;
}

RegradingRun WorkforceService::ComputeRun(const core::Actor& actor, std::int64_t org_id, int year) const {
  core::RequirePermission(actor, "workforce:manage");
  if (year < 2000 || year > CurrentYear() + 1) throw Invalid("workforce.invalid_year", "year");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const org::Org org = orgs_.RequireInScope(sql, core::OrgScope::Of(actor), org_id);
  std::optional<std::int64_t> run_id;
  if (const auto existing = repository_.FindOverlappingRun(sql, year, org.path, false)) {
    if (existing->org.id != org.id) throw Failure(ErrorKind::kConflict, "workforce.run_overlap", "org_id");
    if (existing->status == "approved") throw AppError(ErrorKind::kConflict, "workforce.run_already_approved");
    run_id = existing->id;
  }
  const RunSummary summary = Compute(session, org.id, org.path, year, actor.user_id, run_id);
  audit_.Record(
      sql, actor,
      {"regrading.compute", "regrading_run", summary.run_id, "ok", std::to_string(summary.workers) + " workers"});
  RegradingRun run = Describe(sql, core::OrgScope::Of(actor), *repository_.FindRun(sql, summary.run_id));
  transaction.Commit();
  return run;
}

core::Page<Proposal> WorkforceService::ListProposals(const core::Actor& actor, std::int64_t run_id,
                                                     const std::string& change, const core::PageRequest& page) const {
  core::RequirePermission(actor, "workforce:read");
  if (!change.empty() && !IsOneOf(change, {"promoted", "early", "held"})) {
    throw Invalid("request.invalid_argument", "change");
  }
  db::Session session(database_);
  const RegradingRun run = FindRunVisible(session.sql(), actor, run_id);
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const core::OrgScope part = scope.Contains(run.org_path) ? *scope.Narrow(run.org_path) : scope;
  auto [items, total] =
      repository_.ListProposals(session.sql(), run.id, part, StreetOf(repository_.LoadStreets(session.sql()), part),
                                change, static_cast<int>(page.page), static_cast<int>(page.page_size));
  return core::Page<Proposal>{std::move(items), total, page};
}

RegradingRun WorkforceService::ReviewRun(const core::Actor& actor, std::int64_t run_id,
                                         std::optional<std::int64_t> street_id) const {
  core::RequirePermission(actor, "workforce:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const RegradingRun run = FindRunVisible(sql, actor, run_id);
  if (run.status == "approved") throw AppError(ErrorKind::kConflict, "workforce.run_already_approved");
  if (run.status == "reverted") throw AppError(ErrorKind::kConflict, "workforce.run_reverted");
  const std::int64_t street = street_id.value_or(actor.org_id);
  orgs_.RequireInScope(sql, core::OrgScope::Of(actor), street);
  const auto streets = repository_.ListStreets(sql, run.id);
  if (std::none_of(streets.begin(), streets.end(),
                   [&](const StreetReview& item) { return item.street.id == street; })) {
    throw Invalid("workforce.street_not_in_run", "street_id");
  }
  repository_.ReviewStreet(sql, run.id, street, actor.user_id, clock_.NowSeconds());
  audit_.Record(sql, actor, {"regrading.review", "regrading_run", run.id, "ok", "street " + std::to_string(street)});
  RegradingRun described = Describe(sql, core::OrgScope::Of(actor), *repository_.FindRun(sql, run.id));
  transaction.Commit();
  return described;
}

RegradingRun WorkforceService::ApproveRun(const core::Actor& actor, std::int64_t run_id) const {
  core::RequirePermission(actor, "workforce:manage");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const RegradingRun run = core::RequireInScope(
      core::OrgScope::Of(actor), repository_.FindRun(sql, run_id),
      [](const RegradingRun& found) { return found.org_path; }, "workforce.run_not_found");
  if (run.status == "approved") throw AppError(ErrorKind::kConflict, "workforce.run_already_approved");
  if (run.status == "reverted") throw AppError(ErrorKind::kConflict, "workforce.run_reverted");
  for (const StreetReview& street : repository_.ListStreets(sql, run.id)) {
    if (!street.reviewed_at) throw Failure(ErrorKind::kConflict, "workforce.run_not_reviewed", "", street.street.name);
  }
  repository_.ApproveRun(sql, run.id, run.year, actor.user_id, clock_.NowSeconds());
  audit_.Record(sql, actor, {"regrading.approve", "regrading_run", run.id, "ok", std::to_string(run.year)});
  RegradingRun described = Describe(sql, core::OrgScope::Of(actor), *repository_.FindRun(sql, run.id));
  transaction.Commit();
  return described;
}

RegradingRun WorkforceService::RevertRun(const core::Actor& actor, std::int64_t run_id,
                                         const std::string& reason) const {
  core::RequirePermission(actor, "workforce:manage");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const RegradingRun run = core::RequireInScope(
      core::OrgScope::Of(actor), repository_.FindRun(sql, run_id),
      [](const RegradingRun& found) { return found.org_path; }, "workforce.run_not_found");
  if (reason.empty() || Characters(reason) > 500) throw Invalid("workforce.invalid_reason", "reason");
  if (run.status != "approved") throw AppError(ErrorKind::kConflict, "workforce.run_not_approved");
  if (const auto later = repository_.FindOverlappingRun(sql, run.year, run.org_path, true)) {
    throw Failure(ErrorKind::kConflict, "workforce.run_has_later", "", std::to_string(later->year));
  }
  repository_.RevertRun(sql, run.id, run.year, reason, actor.user_id, clock_.NowSeconds());
  audit_.Record(sql, actor, {"regrading.revert", "regrading_run", run.id, "ok", reason});
  RegradingRun described = Describe(sql, core::OrgScope::Of(actor), *repository_.FindRun(sql, run.id));
  transaction.Commit();
  return described;
}

std::string WorkforceService::ExportPayRoster(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                              std::optional<int> requested_year) const {
  core::RequirePermission(actor, "workforce:read");
  const int year = requested_year.value_or(CurrentYear());
  if (year < 2000 || year > CurrentYear() + 1) throw Invalid("workforce.invalid_year", "year");
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, org_id);
  const org::Org root = *orgs_.FindOrg(session.sql(), scope.RootId());
  const std::vector<Scheme> schemes = repository_.LoadSchemes(session.sql());
  const auto streets = repository_.LoadStreets(session.sql());
  const std::vector<RosterRow> rows = repository_.ListRoster(session.sql(), scope);
  // The qualification allowances as of today for this year, else as of 1 January of the year.
  const auto qualification_allowances = training_.QualificationAllowances(
      session.sql(), scope, year == CurrentYear() ? Today() : std::to_string(year) + "-01-01");
  core::Sheet sheet{
      "薪酬花名册",
      {root.name + "社区工作者薪酬花名册（" + std::to_string(year) + "年）",
       "导出时间：" + core::ChinaDateTime(clock_.NowSeconds()) + "（北京时间）　共 " + std::to_string(rows.size()) +
           " 人；基本工资一律取自所适用等级序列的薪酬表（同工同酬），" + "金额单位：元；身份证号已脱敏"},
      {"街道", "社区", "姓名", "身份证号", "岗位", "等级", "基本工资", "岗位津贴", "资格津贴", "应发合计", "等级序列"},
      {}};
  std::int64_t total = 0;
  for (const RosterRow& row : rows) {
    std::string street_name;
    for (const std::int64_t id : core::IdsOnPath(row.org_path)) {
      if (auto found = streets.find(id); found != streets.end()) street_name = found->second.first;
    }
    const Scheme* scheme = ResolveScheme(schemes, row.org_path, year);
    const SchemePost* post = scheme != nullptr ? scheme->FindPost(row.post) : nullptr;
    const PayCell* cell = scheme != nullptr ? scheme->FindPay(row.post, row.grade) : nullptr;
    const std::string post_name = post != nullptr ? post->name : row.post;
    const std::string scheme_name =
        scheme != nullptr ? scheme->definition.name + "（" + scheme->org.name + "）" : "无适用等级序列";
    const auto held = qualification_allowances.find(row.worker_id);
    const std::int64_t qualification = held != qualification_allowances.end() ? held->second : 0;
    if (cell != nullptr) {
      const Pay pay{cell->base_pay, cell->allowance, qualification};
      sheet.rows.push_back({street_name, row.org_name, row.name, row.id_number_masked, post_name,
                            core::NumberCell(row.grade), core::NumberCell(pay.base_pay / 100.0),
                            core::NumberCell(pay.allowance / 100.0),
                            core::NumberCell(pay.qualification_allowance / 100.0),
                            core::NumberCell(pay.total() / 100.0), scheme_name});
      total += pay.total();
    } else {
      sheet.rows.push_back({street_name, row.org_name, row.name, row.id_number_masked, post_name,
                            core::NumberCell(row.grade), core::Cell{}, core::Cell{}, core::Cell{}, core::Cell{},
                            scheme_name});
    }
  }
  sheet.rows.push_back({"合计", "", "", "", "", core::Cell{}, core::Cell{}, core::Cell{}, core::Cell{},
                        core::NumberCell(total / 100.0), ""});
  std::string workbook = core::WriteWorkbook(sheet);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_.Record(session.sql(), actor,
                {"pay_roster.export", "org", scope.RootId(), "ok", std::to_string(rows.size()) + " rows"});
  transaction.Commit();
  return workbook;
}

std::vector<RunSummary> WorkforceService::ComputeRunsOfLevel(const std::string& level, int year) const {
  std::vector<std::pair<std::int64_t, std::string>> orgs;
  {
    db::Session session(database_);
    long long id = 0;
    std::string path;
    soci::statement statement = (session.sql().prepare << "SELECT id, path FROM org WHERE level = :level AND"
                                                          " archived_at IS NULL ORDER BY path",
                                 soci::use(level, "level"), soci::into(id), soci::into(path));
    statement.execute();
    while (statement.fetch()) orgs.emplace_back(id, path);
  }
  std::vector<RunSummary> summaries;
  for (const auto& [org_id, path] : orgs) {
    db::Session session(database_);
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    std::optional<std::int64_t> run_id;
    if (const auto existing = repository_.FindOverlappingRun(session.sql(), year, path, false)) {
      if (existing->org.id != org_id || existing->status == "approved") continue;
      run_id = existing->id;
    }
    summaries.push_back(Compute(session, org_id, path, year, 0, run_id));
    transaction.Commit();
  }
  return summaries;
}

std::int64_t WorkforceService::SeedScheme(soci::session& sql, std::int64_t org_id,
                                          const SchemeDefinition& definition) const {
  ValidateDefinition(definition);
  return repository_.InsertScheme(sql, org_id, definition, clock_.NowSeconds());
}

std::int64_t WorkforceService::SeedWorker(soci::session& sql, const WorkerInput& input, std::int64_t grade) const {
  WorkerInput with_grade = input;
  with_grade.grade = static_cast<int>(grade);
  const WorkerRecord record = BuildRecord(sql, nullptr, with_grade);
  const std::int64_t id = repository_.InsertWorker(sql, record, clock_.NowSeconds());
  repository_.InsertEvent(
      sql, id, {0, "created", record.service_start, "", record.post + ":" + std::to_string(record.grade), {}, "", 0}, 0,
      clock_.NowSeconds());
  return id;
}

void WorkforceService::SeedAppraisal(soci::session& sql, std::int64_t worker_id, const Appraisal& appraisal) const {
  core::Actor nobody;
  AddAppraisalIn(sql, nobody, worker_id, appraisal);
}

std::int64_t WorkforceService::ResealIdentifiers(soci::session& sql, const core::FieldCipher& from,
                                                 const core::FieldCipher& to) const {
  const auto workers = repository_.ListSealedIdentifiers(sql);
  for (const auto& [id, id_cipher, phone_cipher] : workers) {
    const core::Resealed id_number = core::Reseal(from, to, id_cipher);
    const core::Resealed phone = core::Reseal(from, to, phone_cipher);
    repository_.UpdateSealedIdentifiers(sql, id, id_number.sealed, id_number.blind_index, phone.sealed,
                                        phone.blind_index);
  }
  return static_cast<std::int64_t>(workers.size());
}

std::int64_t WorkforceService::SeedRun(db::Session& session, std::int64_t org_id, int year, Approve approve) const {
  const org::Org org = *orgs_.FindOrg(session.sql(), org_id);
  const RunSummary summary = Compute(session, org.id, org.path, year, 0, std::nullopt);
  const std::int64_t now = clock_.NowSeconds();
  for (const StreetReview& street : repository_.ListStreets(session.sql(), summary.run_id)) {
    repository_.ReviewStreet(session.sql(), summary.run_id, street.street.id, 0, now);
  }
  if (approve == Approve::kYes) repository_.ApproveRun(session.sql(), summary.run_id, year, 0, now);
  return summary.run_id;
}

}  // namespace liandong::workforce
