#include "features/workforce/training_service.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"

namespace liandong::workforce {

using core::AppError;
using core::ErrorKind;

namespace {

constexpr int kMaxImportRows = 5000;

std::size_t Characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

AppError Invalid(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kInvalidArgument, code);
  if (!field.empty()) error.WithField(field);
  return error;
}

AppError Conflict(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kConflict, code);
  if (!field.empty()) error.WithField(field);
  return error;
}

bool Visible(const core::OrgScope& scope, const std::string& path) {
  return scope.Contains(path) || scope.IsWithinAncestorOf(path);
}

void CheckQualification(const Qualification& input) {
  if (input.name.empty() || Characters(input.name) > 30) throw Invalid("workforce.invalid_qualification", "name");
  if (input.allowance < 0 || input.allowance > 10'000'000) {
    throw Invalid("workforce.invalid_qualification", "allowance");
  }
}

void CheckCourse(const std::string& name, int hours) {
  if (name.empty() || Characters(name) > 100) throw Invalid("workforce.invalid_course", "name");
  if (hours < 1 || hours > 200) throw Invalid("workforce.invalid_course", "hours");
}

}  // namespace

int RequiredHours(const std::vector<RequirementSet>& sets, const std::string& path, int year, const std::string& post,
                  int grade) {
  const std::vector<std::int64_t> ids = core::IdsOnPath(path);
  for (auto id = ids.rbegin(); id != ids.rend(); ++id) {
    for (const RequirementSet& set : sets) {
      if (set.org.id != *id || set.year != year) continue;
      for (const TrainingRequirement& item : set.items) {
        if (item.post == post && item.min_grade <= grade && grade <= item.max_grade) return item.hours;
      }
      return 0;
    }
  }
  return 0;
}

Reference StreetOnPath(const std::map<std::int64_t, std::pair<std::string, std::string>>& streets,
                       const std::string& path) {
  Reference street;
  for (const std::int64_t id : core::IdsOnPath(path)) {
    if (auto found = streets.find(id); found != streets.end()) street = Reference{id, found->second.first};
  }
  return street;
}

int TrainingService::CurrentYear() const { return std::stoi(Today().substr(0, 4)); }

std::string TrainingService::Today() const { return core::ChinaDate(clock_.NowSeconds()); }

std::vector<Owner> TrainingService::ListOwners(const core::Actor& actor) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  return repository_.ListOwners(session.sql());
}

std::vector<Qualification> TrainingService::ListQualifications(const core::Actor& actor) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  return repository_.ListQualifications(session.sql());
}

Qualification TrainingService::CreateQualification(const core::Actor& actor, const Qualification& input) const {
  core::RequirePermission(actor, "workforce:qualify");
  CheckQualification(input);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  if (orgs_.FindOrg(sql, actor.org_id)->level != "city") {
    throw AppError(ErrorKind::kPermissionDenied, "workforce.catalogue_city_only");
  }
  if (repository_.FindQualificationByName(sql, input.name)) throw Conflict("workforce.qualification_taken", "name");
  const std::int64_t id = repository_.InsertQualification(sql, input, clock_.NowSeconds());
  audit_.Record(sql, actor, {"qualification.create", "qualification", id, "ok", input.name});
  Qualification created = *repository_.FindQualification(sql, id);
  transaction.Commit();
  return created;
}

Qualification TrainingService::UpdateQualification(const core::Actor& actor, std::int64_t id,
                                                   const Qualification& input) const {
  core::RequirePermission(actor, "workforce:qualify");
  CheckQualification(input);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  if (orgs_.FindOrg(sql, actor.org_id)->level != "city") {
    throw AppError(ErrorKind::kPermissionDenied, "workforce.catalogue_city_only");
  }
  if (!repository_.FindQualification(sql, id))
    throw AppError(ErrorKind::kNotFound, "workforce.qualification_not_found");
  if (const auto other = repository_.FindQualificationByName(sql, input.name); other && *other != id) {
    throw Conflict("workforce.qualification_taken", "name");
  }
  Qualification changed = input;
  changed.id = id;
  repository_.UpdateQualification(sql, changed, clock_.NowSeconds());
  audit_.Record(sql, actor, {"qualification.update", "qualification", id, "ok", input.name});
  Qualification updated = *repository_.FindQualification(sql, id);
  transaction.Commit();
  return updated;
}

WorkerQualification TrainingService::AddWorkerQualification(const core::Actor& actor, std::int64_t worker_id,
                                                            const QualificationInput& input) const {
  core::RequirePermission(actor, "workforce:qualify");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  core::RequireInScope(
      core::OrgScope::Of(actor), workers_.FindWorker(sql, worker_id),
      [](const Worker& worker) { return worker.org_path; }, "workforce.worker_not_found");
  const auto qualification = repository_.FindQualification(sql, input.qualification_id);
  if (!qualification) {
    AppError error(ErrorKind::kNotFound, "workforce.qualification_not_found");
    error.WithField("qualification_id");
    throw error;
  }
  const std::string today = Today();
  if (!core::IsIsoDate(input.issued_on) || input.issued_on < "1980-01-01" || input.issued_on > today) {
    throw Invalid("workforce.invalid_qualification_dates", "issued_on");
  }
  if (input.expires_on && (!core::IsIsoDate(*input.expires_on) || *input.expires_on <= input.issued_on)) {
    throw Invalid("workforce.invalid_qualification_dates", "expires_on");
  }
  if (repository_.HasWorkerQualification(sql, worker_id, input.qualification_id, input.issued_on)) {
    throw Conflict("workforce.qualification_exists", "issued_on");
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id = repository_.InsertWorkerQualification(sql, worker_id, input.qualification_id, input.issued_on,
                                                                input.expires_on, actor.user_id, now);
  workers_.InsertEvent(sql, worker_id,
                       {0,
                        "qualification",
                        input.issued_on,
                        "",
                        qualification->name,
                        {},
                        "取得" + qualification->name + (input.expires_on ? "，有效期至" + *input.expires_on : ""),
                        0},
                       actor.user_id, now);
  audit_.Record(sql, actor, {"worker_qualification.create", "worker", worker_id, "ok", qualification->name});
  WorkerQualification added;
  for (WorkerQualification& item : repository_.ListWorkerQualifications(sql, worker_id)) {
    if (item.id == id) added = std::move(item);
  }
  added.street = StreetOnPath(workers_.LoadStreets(sql), added.street.name);
  transaction.Commit();
  return added;
}

core::Page<WorkerQualification> TrainingService::ListExpiring(const core::Actor& actor,
                                                              std::optional<std::int64_t> org_id, int within_days,
                                                              const core::PageRequest& page) const {
  core::RequirePermission(actor, "workforce:read");
  if (within_days < 1 || within_days > 3650) throw Invalid("request.invalid_argument", "within_days");
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, org_id);
  const std::string today = Today();
  core::Page<WorkerQualification> expiring =
      repository_.ListExpiring(session.sql(), scope, today, core::AddDays(today, within_days), page);
  if (expiring.items.empty()) return expiring;
  const auto streets = workers_.LoadStreets(session.sql());
  for (WorkerQualification& item : expiring.items) item.street = StreetOnPath(streets, item.street.name);
  return expiring;
}

std::vector<Course> TrainingService::ListCourses(const core::Actor& actor, std::optional<std::int64_t> org_id) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, org_id);
  std::vector<Course> visible;
  for (Course& course : repository_.LoadCourses(session.sql())) {
    if (Visible(scope, course.org_path)) visible.push_back(std::move(course));
  }
  return visible;
}

Course TrainingService::CreateCourse(const core::Actor& actor, std::int64_t org_id, const std::string& name,
                                     int hours) const {
  core::RequirePermission(actor, "workforce:train");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  orgs_.RequireInScope(sql, core::OrgScope::Of(actor), org_id);
  CheckCourse(name, hours);
  const std::int64_t id = repository_.InsertCourse(sql, org_id, name, hours, clock_.NowSeconds());
  audit_.Record(sql, actor, {"course.create", "course", id, "ok", name});
  Course course = *repository_.FindCourse(sql, id);
  transaction.Commit();
  return course;
}

Course TrainingService::UpdateCourse(const core::Actor& actor, std::int64_t id, const std::string& name,
                                     int hours) const {
  core::RequirePermission(actor, "workforce:train");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  core::RequireInScope(
      core::OrgScope::Of(actor), repository_.FindCourse(sql, id), [](const Course& course) { return course.org_path; },
      "workforce.course_not_found");
  CheckCourse(name, hours);
  repository_.UpdateCourse(sql, id, name, hours, clock_.NowSeconds());
  audit_.Record(sql, actor, {"course.update", "course", id, "ok", name});
  Course course = *repository_.FindCourse(sql, id);
  transaction.Commit();
  return course;
}

std::vector<RequirementSet> TrainingService::ListRequirements(const core::Actor& actor,
                                                              std::optional<std::int64_t> org_id, int year) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, org_id);
  std::vector<RequirementSet> visible;
  for (RequirementSet& set : repository_.LoadRequirements(session.sql())) {
    if (set.year != year) continue;
    const auto org = orgs_.FindOrg(session.sql(), set.org.id);
    if (org && Visible(scope, org->path)) visible.push_back(std::move(set));
  }
  return visible;
}

RequirementSet TrainingService::SetRequirements(const core::Actor& actor, std::int64_t org_id, int year,
                                                const std::vector<TrainingRequirement>& items) const {
  core::RequirePermission(actor, "workforce:train");
  if (year < 2000 || year > CurrentYear() + 1) throw Invalid("workforce.invalid_year", "year");
  static const std::regex kPostKey("[a-z][a-z_]{0,29}");
  if (items.size() > 60) throw Invalid("workforce.invalid_requirement", "items");
  for (const TrainingRequirement& item : items) {
    if (!std::regex_match(item.post, kPostKey) || item.min_grade < 1 || item.max_grade < item.min_grade ||
        item.max_grade > 60 || item.hours < 0 || item.hours > 500) {
      throw Invalid("workforce.invalid_requirement", "items");
    }
    for (const TrainingRequirement& other : items) {
      if (&other != &item && other.post == item.post && other.min_grade <= item.max_grade &&
          item.min_grade <= other.max_grade) {
        throw Invalid("workforce.requirement_overlap", "items");
      }
    }
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const org::Org org = orgs_.RequireInScope(sql, core::OrgScope::Of(actor), org_id);
  repository_.ReplaceRequirements(sql, org.id, year, items);
  audit_.Record(sql, actor,
                {"training_requirement.set", "org", org.id, "ok",
                 std::to_string(year) + ": " + std::to_string(items.size()) + " bands"});
  RequirementSet set{Reference{org.id, org.name}, year, {}};
  for (RequirementSet& stored : repository_.LoadRequirements(sql)) {
    if (stored.org.id == org.id && stored.year == year) set = std::move(stored);
  }
  transaction.Commit();
  return set;
}

TrainingRecord TrainingService::AddRecordIn(soci::session& sql, const core::Actor& actor,
                                            const TrainingRecordInput& input,
                                            const std::vector<Course>& courses) const {
  std::optional<std::int64_t> worker_id = input.worker_id;
  const core::OrgScope scope = core::OrgScope::Of(actor);
  if (!worker_id) {
    const auto id_number = core::NormaliseIdNumber(input.id_number);
    if (!id_number) throw Invalid("workforce.invalid_id_number", "id_number");
    worker_id = workers_.FindIdByIdNumberIndex(sql, cipher_.BlindIndex(*id_number));
    if (!worker_id) throw Invalid("workforce.worker_not_found", "id_number");
  }
  const auto worker = workers_.FindWorker(sql, *worker_id);
  // A worker outside the subtree is reported as one that does not exist.
  if (!worker || !scope.Contains(worker->org_path)) {
    AppError error(ErrorKind::kNotFound, "workforce.worker_not_found");
    error.WithField(input.worker_id ? "worker_id" : "id_number");
    throw error;
  }
  // The course: by id or by name, offered on the worker's path.
  const Course* course = nullptr;
  for (const Course& candidate : courses) {
    const bool named = input.course_id ? candidate.id == *input.course_id : candidate.name == input.course_name;
    if (named && worker->org_path.starts_with(candidate.org_path)) {
      if (course == nullptr || candidate.org_path.size() > course->org_path.size()) course = &candidate;
    }
  }
  if (course == nullptr) {
    AppError error(ErrorKind::kNotFound, "workforce.course_not_found");
    error.WithField(input.course_id ? "course_id" : "course");
    throw error;
  }
  if (!core::IsIsoDate(input.completed_on) || input.completed_on < "2000-01-01") {
    throw Invalid("workforce.invalid_date", "completed_on");
  }
  if (input.completed_on > Today()) throw Invalid("workforce.training_in_future", "completed_on");
  const int hours = input.hours.value_or(course->hours);
  if (hours < 1 || hours > 200) throw Invalid("workforce.invalid_hours", "hours");
  if (repository_.HasRecord(sql, *worker_id, course->id, input.completed_on)) {
    throw Conflict("workforce.training_record_exists", "completed_on");
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id =
      repository_.InsertRecord(sql, *worker_id, course->id, input.completed_on, hours, actor.user_id, now);
  return TrainingRecord{
      id,   Reference{worker->id, worker->name}, worker->org, Reference{course->id, course->name}, input.completed_on,
      hours};
}

TrainingRecord TrainingService::AddRecord(const core::Actor& actor, const TrainingRecordInput& input) const {
  core::RequirePermission(actor, "workforce:train");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  soci::session& sql = session.sql();
  const TrainingRecord record = AddRecordIn(sql, actor, input, repository_.LoadCourses(sql));
  audit_.Record(sql, actor, {"training_record.create", "worker", record.worker.id, "ok", record.course.name});
  transaction.Commit();
  return record;
}

ImportResult TrainingService::ImportRecords(const core::Actor& actor, const std::vector<TrainingRecordInput>& rows,
                                            const std::vector<ImportError>& parse_errors) const {
  core::RequirePermission(actor, "workforce:train");
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
  const std::vector<Course> courses = repository_.LoadCourses(sql);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (failed[i]) continue;
    try {
      AddRecordIn(sql, actor, rows[i], courses);
      ++result.created;
    } catch (const AppError& error) {
      if (error.kind() == ErrorKind::kInternal) throw;
      result.errors.push_back(ImportError{static_cast<int>(i + 1), error.field(), error.code()});
    }
  }
  audit_.Record(sql, actor,
                {"training_record.import", "org", actor.org_id, "ok", std::to_string(result.created) + " rows"});
  std::sort(result.errors.begin(), result.errors.end(),
            [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  transaction.Commit();
  return result;
}

RecordPage TrainingService::ListRecords(const core::Actor& actor, std::optional<std::int64_t> org_id, int year,
                                        std::optional<std::int64_t> worker_id, const core::PageRequest& page) const {
  core::RequirePermission(actor, "workforce:read");
  db::Session session(database_);
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, org_id);
  auto [items, total] = repository_.ListRecords(session.sql(), scope, year, worker_id, static_cast<int>(page.page),
                                                static_cast<int>(page.page_size));
  return RecordPage{std::move(items), total, static_cast<int>(page.page), static_cast<int>(page.page_size)};
}

HoursPage TrainingService::ListHours(const core::Actor& actor, const HoursFilter& filter) const {
  core::RequirePermission(actor, "workforce:read");
  if (filter.year < 2000 || filter.year > CurrentYear() + 1) throw Invalid("workforce.invalid_year", "year");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const core::OrgScope scope = orgs_.ScopeOf(sql, actor, filter.org_id);
  const std::vector<RequirementSet> sets = repository_.LoadRequirements(sql);
  const std::map<std::int64_t, int> hours = repository_.HoursByWorker(sql, scope, filter.year);
  const auto streets = workers_.LoadStreets(sql);
  HoursPage page;
  page.page = filter.page;
  page.page_size = filter.page_size;
  std::vector<TrainingHours> kept;
  for (const InPostWorker& worker : repository_.ListInPost(sql, scope)) {
    TrainingHours line;
    line.worker = Reference{worker.id, worker.name};
    line.org = Reference{worker.org_id, worker.org_name};
    line.post = worker.post;
    line.grade = worker.grade;
    line.required = RequiredHours(sets, worker.org_path, filter.year, worker.post, worker.grade);
    if (const auto found = hours.find(worker.id); found != hours.end()) line.completed = found->second;
    ++page.workers;
    if (line.shortfall() > 0) ++page.short_workers;
    if (filter.shortfall_only && line.shortfall() == 0) continue;
    line.street = StreetOnPath(streets, worker.org_path);
    kept.push_back(std::move(line));
  }
  if (filter.shortfall_only) {
    std::stable_sort(kept.begin(), kept.end(),
                     [](const TrainingHours& a, const TrainingHours& b) { return a.shortfall() > b.shortfall(); });
  }
  page.total = static_cast<std::int64_t>(kept.size());
  const std::size_t first = static_cast<std::size_t>(filter.page - 1) * static_cast<std::size_t>(filter.page_size);
  for (std::size_t i = first; i < kept.size() && i < first + static_cast<std::size_t>(filter.page_size); ++i) {
    page.items.push_back(std::move(kept[i]));
  }
  return page;
}

std::int64_t TrainingService::SeedCourse(soci::session& sql, std::int64_t org_id, const std::string& name,
                                         int hours) const {
  return repository_.InsertCourse(sql, org_id, name, hours, clock_.NowSeconds());
}

void TrainingService::SeedRequirements(soci::session& sql, std::int64_t org_id, int year,
                                       const std::vector<TrainingRequirement>& items) const {
  repository_.ReplaceRequirements(sql, org_id, year, items);
}

void TrainingService::SeedRecord(soci::session& sql, std::int64_t worker_id, std::int64_t course_id,
                                 const std::string& completed_on, int hours) const {
  repository_.InsertRecord(sql, worker_id, course_id, completed_on, hours, 0, clock_.NowSeconds());
}

void TrainingService::SeedWorkerQualification(soci::session& sql, std::int64_t worker_id, std::int64_t qualification_id,
                                              const std::string& issued_on,
                                              const std::optional<std::string>& expires_on) const {
  repository_.InsertWorkerQualification(sql, worker_id, qualification_id, issued_on, expires_on, 0,
                                        clock_.NowSeconds());
}

}  // namespace liandong::workforce
