#include "features/workforce/training_repository.hpp"

#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::workforce {
namespace {

constexpr std::string_view kSelectOwners =
    "SELECT part, department, permission FROM workforce_owner ORDER BY sort_order";
constexpr std::string_view kSelectQualifications = "SELECT id, name, allowance, sort_order FROM qualification";
constexpr std::string_view kWorkerQualificationColumns = R"sql(
  SELECT q.id, w.id, w.name, o.id, o.name, o.path, k.id, k.name, k.allowance, k.sort_order, q.issued_on, q.expires_on
  FROM worker_qualification q
  JOIN worker w ON w.id = q.worker_id
  JOIN org o ON o.id = w.org_id
  JOIN qualification k ON k.id = q.qualification_id
)sql";
constexpr std::string_view kAllowances = R"sql(
  SELECT q.worker_id, MAX(k.allowance)
  FROM worker_qualification q
  JOIN qualification k ON k.id = q.qualification_id
  JOIN worker w ON w.id = q.worker_id
  JOIN org o ON o.id = w.org_id
  WHERE o.path >= :scope AND o.path < :scope_end AND q.issued_on <= :day
    AND (q.expires_on IS NULL OR q.expires_on >= :day2)
  GROUP BY q.worker_id
)sql";
constexpr std::string_view kAllowance = R"sql(
  SELECT COALESCE(MAX(k.allowance), 0)
  FROM worker_qualification q
  JOIN qualification k ON k.id = q.qualification_id
  WHERE q.worker_id = :worker_id AND q.issued_on <= :day AND (q.expires_on IS NULL OR q.expires_on >= :day2)
)sql";
constexpr std::string_view kSelectCourses = R"sql(
  SELECT c.id, c.org_id, o.name, o.level, o.path, c.name, c.hours
  FROM course c
  JOIN org o ON o.id = c.org_id
)sql";
constexpr std::string_view kRecordColumns = R"sql(
  SELECT r.id, w.id, w.name, o.id, o.name, c.id, c.name, r.completed_on, r.hours
  FROM training_record r
  JOIN worker w ON w.id = r.worker_id
  JOIN org o ON o.id = w.org_id
  JOIN course c ON c.id = r.course_id
)sql";
constexpr std::string_view kRecordCondition =
    " WHERE o.path >= :scope AND o.path < :scope_end AND r.completed_on >= :first AND r.completed_on <= :last";
constexpr std::string_view kHoursByWorker = R"sql(
  SELECT r.worker_id, SUM(r.hours)
  FROM training_record r
  JOIN worker w ON w.id = r.worker_id
  JOIN org o ON o.id = w.org_id
  WHERE o.path >= :scope AND o.path < :scope_end AND w.status = 'in_post'
    AND r.completed_on >= :first AND r.completed_on <= :last
  GROUP BY r.worker_id
)sql";
constexpr std::string_view kInPost = R"sql(
  SELECT w.id, w.name, o.id, o.name, o.path, w.post, w.grade
  FROM worker w
  JOIN org o ON o.id = w.org_id
  WHERE o.path >= :scope AND o.path < :scope_end AND w.status = 'in_post'
  ORDER BY o.path, w.id
)sql";
constexpr std::string_view kGuaranteeColumns = R"sql(
  SELECT g.org_id, g.year, g.households, g.population, g.office_space, g.service_space, g.operating_funds,
         g.service_funds
  FROM community_guarantee g
)sql";
// The communities of the scope first (workers sit only there), then their workers in post from
// worker_org_status alone (CROSS JOIN keeps SQLite to that order: grouping by org_id, it would
// otherwise walk every worker of the city by worker_org, 0.34 s a district).
constexpr std::string_view kInPostCounts = R"sql(
  SELECT w.org_id, COUNT(*)
  FROM org o
  CROSS JOIN worker w
  WHERE w.org_id = o.id AND o.level = 'community' AND o.path >= :scope AND o.path < :scope_end
    AND w.status = 'in_post'
  GROUP BY w.org_id
)sql";
constexpr std::string_view kSelectNorms = R"sql(
  SELECT n.id, n.org_id, o.name, o.path, n.name, n.effective_from_year, n.step_from, n.step_households,
         n.max_headcount
  FROM staffing_norm n
  JOIN org o ON o.id = n.org_id
  ORDER BY n.org_id, n.effective_from_year
)sql";

std::optional<std::string> OptionalText(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
}

struct GuaranteeRow {
  Guarantee guarantee;
  long long org_id = 0, operating = 0, service = 0;
  void Bind(soci::details::prepare_temp_type& prepared) {
    prepared, soci::into(org_id), soci::into(guarantee.year), soci::into(guarantee.households),
        soci::into(guarantee.population), soci::into(guarantee.office_space), soci::into(guarantee.service_space),
        soci::into(operating), soci::into(service);
  }
  Guarantee Fill() const {
    Guarantee copy = guarantee;
    copy.org_id = org_id;
    copy.operating_funds = operating;
    copy.service_funds = service;
    return copy;
  }
};

void InsertBands(soci::session& sql, const StaffingNorm& norm) {
  int from = 0, headcount = 0;
  soci::statement statement =
      (sql.prepare << "INSERT INTO staffing_norm_band (norm_id, from_households, headcount)"
                      " VALUES (:norm_id, :from_households, :headcount)",
       soci::use(norm.id, "norm_id"), soci::use(from, "from_households"), soci::use(headcount, "headcount"));
  for (const NormBand& band : norm.bands) {
    from = band.from_households;
    headcount = band.headcount;
    statement.execute(true);
  }
}

}  // namespace

std::vector<Owner> TrainingRepository::ListOwners(soci::session& sql) const {
  std::vector<Owner> owners;
  Owner owner;
  soci::statement statement = (sql.prepare << kSelectOwners, soci::into(owner.part), soci::into(owner.department),
                               soci::into(owner.permission));
  statement.execute();
  while (statement.fetch()) owners.push_back(owner);
  return owners;
}

std::vector<Qualification> TrainingRepository::ListQualifications(soci::session& sql) const {
  std::vector<Qualification> items;
  Qualification item;
  long long id = 0, allowance = 0;
  soci::statement statement =
      (sql.prepare << std::string(kSelectQualifications) + " ORDER BY sort_order, id", soci::into(id),
       soci::into(item.name), soci::into(allowance), soci::into(item.sort_order));
  statement.execute();
  while (statement.fetch()) {
    item.id = id;
    item.allowance = allowance;
    items.push_back(item);
  }
  return items;
}

std::optional<Qualification> TrainingRepository::FindQualification(soci::session& sql, std::int64_t id) const {
  for (Qualification& item : ListQualifications(sql)) {
    if (item.id == id) return std::move(item);
  }
  return std::nullopt;
}

std::optional<std::int64_t> TrainingRepository::FindQualificationByName(soci::session& sql,
                                                                        const std::string& name) const {
  long long id = 0;
  sql << "SELECT id FROM qualification WHERE name = :name", soci::use(name, "name"), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

std::int64_t TrainingRepository::InsertQualification(soci::session& sql, const Qualification& qualification,
                                                     std::int64_t now) const {
  long long id = 0;
  const long long allowance = qualification.allowance;
  sql << "INSERT INTO qualification (name, allowance, sort_order, created_at, updated_at)"
         " VALUES (:name, :allowance, :sort_order, :now, :now2) RETURNING id",
      soci::use(qualification.name, "name"), soci::use(allowance, "allowance"),
      soci::use(qualification.sort_order, "sort_order"), soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
  return id;
}

void TrainingRepository::UpdateQualification(soci::session& sql, const Qualification& qualification,
                                             std::int64_t now) const {
  const long long allowance = qualification.allowance;
  sql << "UPDATE qualification SET name = :name, allowance = :allowance, sort_order = :sort_order,"
         " updated_at = :now WHERE id = :id",
      soci::use(qualification.name, "name"), soci::use(allowance, "allowance"),
      soci::use(qualification.sort_order, "sort_order"), soci::use(now, "now"), soci::use(qualification.id, "id");
}

bool TrainingRepository::HasWorkerQualification(soci::session& sql, std::int64_t worker_id,
                                                std::int64_t qualification_id, const std::string& issued_on) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM worker_qualification WHERE worker_id = :worker_id"
         " AND qualification_id = :qualification_id AND issued_on = :issued_on",
      soci::use(worker_id, "worker_id"), soci::use(qualification_id, "qualification_id"),
      soci::use(issued_on, "issued_on"), soci::into(count);
  return count > 0;
}

std::int64_t TrainingRepository::InsertWorkerQualification(soci::session& sql, std::int64_t worker_id,
                                                           std::int64_t qualification_id, const std::string& issued_on,
                                                           const std::optional<std::string>& expires_on,
                                                           std::int64_t user_id, std::int64_t now) const {
  long long id = 0;
  const std::string expires = expires_on.value_or("");
  soci::indicator expires_indicator = expires_on ? soci::i_ok : soci::i_null;
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO worker_qualification (worker_id, qualification_id, issued_on, expires_on, entered_by, created_at)"
         " VALUES (:worker_id, :qualification_id, :issued_on, :expires_on, :user_id, :now) RETURNING id",
      soci::use(worker_id, "worker_id"), soci::use(qualification_id, "qualification_id"),
      soci::use(issued_on, "issued_on"), soci::use(expires, expires_indicator, "expires_on"),
      soci::use(user, user_indicator, "user_id"), soci::use(now, "now"), soci::into(id);
  return id;
}

namespace {

struct WorkerQualificationRow {
  WorkerQualification item;
  long long id = 0, worker_id = 0, org_id = 0, qualification_id = 0, allowance = 0;
  std::string expires;
  soci::indicator expires_indicator = soci::i_null;
  void Bind(soci::details::prepare_temp_type& prepared) {
    prepared, soci::into(id), soci::into(worker_id), soci::into(item.worker.name), soci::into(org_id),
        soci::into(item.org.name), soci::into(item.street.name), soci::into(qualification_id),
        soci::into(item.qualification.name), soci::into(allowance), soci::into(item.qualification.sort_order),
        soci::into(item.issued_on), soci::into(expires, expires_indicator);
  }
  WorkerQualification Fill() const {
    WorkerQualification copy = item;
    copy.id = id;
    copy.worker.id = worker_id;
    copy.org.id = org_id;
    copy.qualification.id = qualification_id;
    copy.qualification.allowance = allowance;
    copy.expires_on = OptionalText(expires, expires_indicator);
    return copy;
  }
};

}  // namespace

std::vector<WorkerQualification> TrainingRepository::ListWorkerQualifications(soci::session& sql,
                                                                              std::int64_t worker_id) const {
  std::vector<WorkerQualification> items;
  WorkerQualificationRow row;
  auto prepared = (sql.prepare << std::string(kWorkerQualificationColumns) +
                                      " WHERE q.worker_id = :worker_id ORDER BY q.issued_on DESC, q.id DESC",
                   soci::use(worker_id, "worker_id"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) items.push_back(row.Fill());
  return items;
}

core::Page<WorkerQualification> TrainingRepository::ListExpiring(soci::session& sql, const core::OrgScope& scope,
                                                                 const std::string& from, const std::string& to,
                                                                 const core::PageRequest& page) const {
  core::Page<WorkerQualification> expiring;
  expiring.request = page;
  // The scope's communities (workers sit only there), then each one's expiring qualifications
  // through (org_id, expires_on), which migration 0044 keeps equal to the worker's org.
  constexpr std::string_view kFrom =
      " FROM org o JOIN worker_qualification q ON q.org_id = o.id JOIN worker w ON w.id = q.worker_id";
  constexpr std::string_view kExpiring =
      " WHERE o.level = 'community' AND o.path >= :scope AND o.path < :scope_end AND w.status = 'in_post'"
      " AND q.expires_on >= :from AND q.expires_on <= :to";
  long long total = 0;
  sql << "SELECT COUNT(*)" + std::string(kFrom) + std::string(kExpiring), db::UseScope{scope}, soci::use(from, "from"),
      soci::use(to, "to"), soci::into(total);
  expiring.total = total;
  if (total <= page.Offset()) return expiring;
  const long long limit = page.Limit(), offset = page.Offset();
  WorkerQualificationRow row;
  auto prepared = (sql.prepare << "SELECT q.id, w.id, w.name, o.id, o.name, o.path, k.id, k.name, k.allowance,"
                                  " k.sort_order, q.issued_on, q.expires_on" +
                                      std::string(kFrom) + " JOIN qualification k ON k.id = q.qualification_id" +
                                      std::string(kExpiring) +
                                      " ORDER BY q.expires_on, o.path, w.id, q.id LIMIT :limit OFFSET :offset",
                   db::UseScope{scope}, soci::use(from, "from"), soci::use(to, "to"), soci::use(limit, "limit"),
                   soci::use(offset, "offset"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) expiring.items.push_back(row.Fill());
  return expiring;
}

std::map<std::int64_t, std::int64_t> TrainingRepository::QualificationAllowances(soci::session& sql,
                                                                                 const core::OrgScope& scope,
                                                                                 const std::string& day) const {
  std::map<std::int64_t, std::int64_t> allowances;
  long long worker_id = 0, allowance = 0;
  soci::statement statement = (sql.prepare << kAllowances, db::UseScope{scope}, soci::use(day, "day"),
                               soci::use(day, "day2"), soci::into(worker_id), soci::into(allowance));
  statement.execute();
  while (statement.fetch()) allowances[worker_id] = allowance;
  return allowances;
}

std::int64_t TrainingRepository::QualificationAllowance(soci::session& sql, std::int64_t worker_id,
                                                        const std::string& day) const {
  long long allowance = 0;
  sql << kAllowance, soci::use(worker_id, "worker_id"), soci::use(day, "day"), soci::use(day, "day2"),
      soci::into(allowance);
  return allowance;
}

std::vector<Course> TrainingRepository::LoadCourses(soci::session& sql) const {
  std::vector<Course> courses;
  Course course;
  long long id = 0, org_id = 0;
  soci::statement statement = (sql.prepare << std::string(kSelectCourses) + " ORDER BY o.path, c.id", soci::into(id),
                               soci::into(org_id), soci::into(course.org.name), soci::into(course.org_level),
                               soci::into(course.org_path), soci::into(course.name), soci::into(course.hours));
  statement.execute();
  while (statement.fetch()) {
    course.id = id;
    course.org.id = org_id;
    courses.push_back(course);
  }
  return courses;
}

std::optional<Course> TrainingRepository::FindCourse(soci::session& sql, std::int64_t id) const {
  Course course;
  long long course_id = 0, org_id = 0;
  sql << std::string(kSelectCourses) + " WHERE c.id = :id", soci::use(id, "id"), soci::into(course_id),
      soci::into(org_id), soci::into(course.org.name), soci::into(course.org_level), soci::into(course.org_path),
      soci::into(course.name), soci::into(course.hours);
  if (!sql.got_data()) return std::nullopt;
  course.id = course_id;
  course.org.id = org_id;
  return course;
}

std::int64_t TrainingRepository::InsertCourse(soci::session& sql, std::int64_t org_id, const std::string& name,
                                              int hours, std::int64_t now) const {
  long long id = 0;
  sql << "INSERT INTO course (org_id, name, hours, created_at, updated_at)"
         " VALUES (:org_id, :name, :hours, :now, :now2) RETURNING id",
      soci::use(org_id, "org_id"), soci::use(name, "name"), soci::use(hours, "hours"), soci::use(now, "now"),
      soci::use(now, "now2"), soci::into(id);
  return id;
}

void TrainingRepository::UpdateCourse(soci::session& sql, std::int64_t id, const std::string& name, int hours,
                                      std::int64_t now) const {
  sql << "UPDATE course SET name = :name, hours = :hours, updated_at = :now WHERE id = :id", soci::use(name, "name"),
      soci::use(hours, "hours"), soci::use(now, "now"), soci::use(id, "id");
}

std::vector<RequirementSet> TrainingRepository::LoadRequirements(soci::session& sql) const {
  std::vector<RequirementSet> sets;
  long long org_id = 0;
  std::string org_name;
  int year = 0;
  TrainingRequirement item;
  soci::statement statement =
      (sql.prepare << "SELECT r.org_id, o.name, r.year, r.post, r.min_grade, r.max_grade, r.hours"
                      " FROM training_requirement r JOIN org o ON o.id = r.org_id"
                      " ORDER BY r.org_id, r.year, r.post, r.min_grade",
       soci::into(org_id), soci::into(org_name), soci::into(year), soci::into(item.post), soci::into(item.min_grade),
       soci::into(item.max_grade), soci::into(item.hours));
  statement.execute();
  while (statement.fetch()) {
    if (sets.empty() || sets.back().org.id != org_id || sets.back().year != year) {
      sets.push_back(RequirementSet{Reference{org_id, org_name}, year, {}});
    }
    sets.back().items.push_back(item);
  }
  return sets;
}

void TrainingRepository::ReplaceRequirements(soci::session& sql, std::int64_t org_id, int year,
                                             const std::vector<TrainingRequirement>& items) const {
  sql << "DELETE FROM training_requirement WHERE org_id = :org_id AND year = :year", soci::use(org_id, "org_id"),
      soci::use(year, "year");
  TrainingRequirement item;
  soci::statement statement =
      (sql.prepare << "INSERT INTO training_requirement (org_id, year, post, min_grade, max_grade, hours)"
                      " VALUES (:org_id, :year, :post, :min_grade, :max_grade, :hours)",
       soci::use(org_id, "org_id"), soci::use(year, "year"), soci::use(item.post, "post"),
       soci::use(item.min_grade, "min_grade"), soci::use(item.max_grade, "max_grade"), soci::use(item.hours, "hours"));
  for (const TrainingRequirement& requirement : items) {
    item = requirement;
    statement.execute(true);
  }
}

bool TrainingRepository::HasRecord(soci::session& sql, std::int64_t worker_id, std::int64_t course_id,
                                   const std::string& completed_on) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM training_record WHERE worker_id = :worker_id AND course_id = :course_id"
         " AND completed_on = :completed_on",
      soci::use(worker_id, "worker_id"), soci::use(course_id, "course_id"), soci::use(completed_on, "completed_on"),
      soci::into(count);
  return count > 0;
}

std::int64_t TrainingRepository::InsertRecord(soci::session& sql, std::int64_t worker_id, std::int64_t course_id,
                                              const std::string& completed_on, int hours, std::int64_t user_id,
                                              std::int64_t now) const {
  long long id = 0;
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO training_record (worker_id, course_id, completed_on, hours, entered_by, created_at)"
         " VALUES (:worker_id, :course_id, :completed_on, :hours, :user_id, :now) RETURNING id",
      soci::use(worker_id, "worker_id"), soci::use(course_id, "course_id"), soci::use(completed_on, "completed_on"),
      soci::use(hours, "hours"), soci::use(user, user_indicator, "user_id"), soci::use(now, "now"), soci::into(id);
  return id;
}

std::pair<std::vector<TrainingRecord>, std::int64_t> TrainingRepository::ListRecords(
    soci::session& sql, const core::OrgScope& scope, int year, std::optional<std::int64_t> worker_id, int page,
    int page_size) const {
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  std::string conditions(kRecordCondition);
  const long long worker = worker_id.value_or(0);
  if (worker_id) conditions += " AND r.worker_id = :worker_id";
  const auto bind = [&](soci::details::prepare_temp_type& prepared) {
    prepared, db::UseScope{scope}, soci::use(first, "first"), soci::use(last, "last");
    if (worker_id) prepared, soci::use(worker, "worker_id");
  };
  long long total = 0;
  {
    auto prepared = (sql.prepare << "SELECT COUNT(*) FROM training_record r JOIN worker w ON w.id = r.worker_id"
                                    " JOIN org o ON o.id = w.org_id" +
                                        conditions);
    bind(prepared);
    prepared, soci::into(total);
    soci::statement statement(prepared);
    statement.execute(true);
  }
  std::vector<TrainingRecord> records;
  TrainingRecord record;
  long long id = 0, record_worker = 0, org_id = 0, course_id = 0;
  const long long offset = static_cast<long long>(page - 1) * page_size;
  auto prepared = (sql.prepare << std::string(kRecordColumns) + conditions +
                                      " ORDER BY r.completed_on DESC, r.id DESC LIMIT :limit OFFSET :offset");
  bind(prepared);
  prepared, soci::use(page_size, "limit"), soci::use(offset, "offset"), soci::into(id), soci::into(record_worker),
      soci::into(record.worker.name), soci::into(org_id), soci::into(record.org.name), soci::into(course_id),
      soci::into(record.course.name), soci::into(record.completed_on), soci::into(record.hours);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) {
    record.id = id;
    record.worker.id = record_worker;
    record.org.id = org_id;
    record.course.id = course_id;
    records.push_back(record);
  }
  return {std::move(records), total};
}

std::map<std::int64_t, int> TrainingRepository::HoursByWorker(soci::session& sql, const core::OrgScope& scope,
                                                              int year) const {
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  std::map<std::int64_t, int> hours;
  long long worker_id = 0, sum = 0;
  soci::statement statement = (sql.prepare << kHoursByWorker, db::UseScope{scope}, soci::use(first, "first"),
                               soci::use(last, "last"), soci::into(worker_id), soci::into(sum));
  statement.execute();
  while (statement.fetch()) hours[worker_id] = static_cast<int>(sum);
  return hours;
}

int TrainingRepository::HoursOfWorker(soci::session& sql, std::int64_t worker_id, int year) const {
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  long long sum = 0;
  sql << "SELECT COALESCE(SUM(hours), 0) FROM training_record WHERE worker_id = :worker_id"
         " AND completed_on >= :first AND completed_on <= :last",
      soci::use(worker_id, "worker_id"), soci::use(first, "first"), soci::use(last, "last"), soci::into(sum);
  return static_cast<int>(sum);
}

std::vector<InPostWorker> TrainingRepository::ListInPost(soci::session& sql, const core::OrgScope& scope) const {
  std::vector<InPostWorker> workers;
  InPostWorker worker;
  long long id = 0, org_id = 0;
  soci::statement statement =
      (sql.prepare << kInPost, db::UseScope{scope}, soci::into(id), soci::into(worker.name), soci::into(org_id),
       soci::into(worker.org_name), soci::into(worker.org_path), soci::into(worker.post), soci::into(worker.grade));
  statement.execute();
  while (statement.fetch()) {
    worker.id = id;
    worker.org_id = org_id;
    workers.push_back(worker);
  }
  return workers;
}

void TrainingRepository::SaveGuarantee(soci::session& sql, const Guarantee& guarantee, bool funds,
                                       std::int64_t now) const {
  const long long operating = guarantee.operating_funds, service = guarantee.service_funds;
  if (!FindGuarantee(sql, guarantee.org_id, guarantee.year)) {
    sql << "INSERT INTO community_guarantee (org_id, year, households, population, office_space, service_space,"
           " operating_funds, service_funds, updated_at) VALUES (:org_id, :year, :households, :population,"
           " :office_space, :service_space, :operating, :service, :now)",
        soci::use(guarantee.org_id, "org_id"), soci::use(guarantee.year, "year"),
        soci::use(guarantee.households, "households"), soci::use(guarantee.population, "population"),
        soci::use(guarantee.office_space, "office_space"), soci::use(guarantee.service_space, "service_space"),
        soci::use(operating, "operating"), soci::use(service, "service"), soci::use(now, "now");
    return;
  }
  if (funds) {
    sql << "UPDATE community_guarantee SET operating_funds = :operating, service_funds = :service, updated_at = :now"
           " WHERE org_id = :org_id AND year = :year",
        soci::use(operating, "operating"), soci::use(service, "service"), soci::use(now, "now"),
        soci::use(guarantee.org_id, "org_id"), soci::use(guarantee.year, "year");
  } else {
    sql << "UPDATE community_guarantee SET households = :households, population = :population,"
           " office_space = :office_space, service_space = :service_space, updated_at = :now"
           " WHERE org_id = :org_id AND year = :year",
        soci::use(guarantee.households, "households"), soci::use(guarantee.population, "population"),
        soci::use(guarantee.office_space, "office_space"), soci::use(guarantee.service_space, "service_space"),
        soci::use(now, "now"), soci::use(guarantee.org_id, "org_id"), soci::use(guarantee.year, "year");
  }
}

std::optional<Guarantee> TrainingRepository::FindGuarantee(soci::session& sql, std::int64_t org_id, int year) const {
  GuaranteeRow row;
  auto prepared = (sql.prepare << std::string(kGuaranteeColumns) + " WHERE g.org_id = :org_id AND g.year = :year",
                   soci::use(org_id, "org_id"), soci::use(year, "year"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  if (!statement.fetch()) return std::nullopt;
  return row.Fill();
}

std::map<std::int64_t, Guarantee> TrainingRepository::LoadGuarantees(soci::session& sql, const core::OrgScope& scope,
                                                                     int year) const {
  std::map<std::int64_t, Guarantee> guarantees;
  GuaranteeRow row;
  auto prepared = (sql.prepare << std::string(kGuaranteeColumns) +
                                      " JOIN org o ON o.id = g.org_id WHERE o.level = 'community'"
                                      " AND o.path >= :scope AND o.path < :scope_end AND g.year = :year",
                   db::UseScope{scope}, soci::use(year, "year"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) guarantees[row.org_id] = row.Fill();
  return guarantees;
}

std::vector<CommunityRow> TrainingRepository::ListCommunities(soci::session& sql, const core::OrgScope& scope) const {
  std::vector<CommunityRow> communities;
  CommunityRow row;
  long long id = 0;
  soci::statement statement =
      (sql.prepare << "SELECT id, name, path FROM org WHERE path >= :scope AND path < :scope_end"
                      " AND level = 'community' AND archived_at IS NULL ORDER BY path",
       db::UseScope{scope}, soci::into(id), soci::into(row.name), soci::into(row.path));
  statement.execute();
  while (statement.fetch()) {
    row.id = id;
    communities.push_back(row);
  }
  return communities;
}

std::map<std::int64_t, int> TrainingRepository::InPostCounts(soci::session& sql, const core::OrgScope& scope) const {
  std::map<std::int64_t, int> counts;
  long long org_id = 0, count = 0;
  soci::statement statement =
      (sql.prepare << kInPostCounts, db::UseScope{scope}, soci::into(org_id), soci::into(count));
  statement.execute();
  while (statement.fetch()) counts[org_id] = static_cast<int>(count);
  return counts;
}

std::vector<StaffingNorm> TrainingRepository::LoadNorms(soci::session& sql) const {
  std::vector<StaffingNorm> norms;
  {
    StaffingNorm norm;
    long long id = 0, org_id = 0;
    soci::statement statement =
        (sql.prepare << kSelectNorms, soci::into(id), soci::into(org_id), soci::into(norm.org.name),
         soci::into(norm.org_path), soci::into(norm.name), soci::into(norm.effective_from_year),
         soci::into(norm.step_from), soci::into(norm.step_households), soci::into(norm.max_headcount));
    statement.execute();
    while (statement.fetch()) {
      norm.id = id;
      norm.org.id = org_id;
      norms.push_back(norm);
    }
  }
  long long norm_id = 0;
  NormBand band;
  soci::statement statement = (sql.prepare << "SELECT norm_id, from_households, headcount FROM staffing_norm_band"
                                              " ORDER BY norm_id, from_households",
                               soci::into(norm_id), soci::into(band.from_households), soci::into(band.headcount));
  statement.execute();
  while (statement.fetch()) {
    for (StaffingNorm& norm : norms) {
      if (norm.id == norm_id) norm.bands.push_back(band);
    }
  }
  return norms;
}

std::int64_t TrainingRepository::InsertNorm(soci::session& sql, const StaffingNorm& norm, std::int64_t now) const {
  long long id = 0;
  sql << "INSERT INTO staffing_norm (org_id, name, effective_from_year, step_from, step_households, max_headcount,"
         " created_at, updated_at) VALUES (:org_id, :name, :from_year, :step_from, :step_households, :max_headcount,"
         " :now, :now2) RETURNING id",
      soci::use(norm.org.id, "org_id"), soci::use(norm.name, "name"), soci::use(norm.effective_from_year, "from_year"),
      soci::use(norm.step_from, "step_from"), soci::use(norm.step_households, "step_households"),
      soci::use(norm.max_headcount, "max_headcount"), soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
  StaffingNorm stored = norm;
  stored.id = id;
  InsertBands(sql, stored);
  return id;
}

void TrainingRepository::ReplaceNorm(soci::session& sql, const StaffingNorm& norm, std::int64_t now) const {
  sql << "UPDATE staffing_norm SET name = :name, effective_from_year = :from_year, step_from = :step_from,"
         " step_households = :step_households, max_headcount = :max_headcount, updated_at = :now WHERE id = :id",
      soci::use(norm.name, "name"), soci::use(norm.effective_from_year, "from_year"),
      soci::use(norm.step_from, "step_from"), soci::use(norm.step_households, "step_households"),
      soci::use(norm.max_headcount, "max_headcount"), soci::use(now, "now"), soci::use(norm.id, "id");
  sql << "DELETE FROM staffing_norm_band WHERE norm_id = :id", soci::use(norm.id, "id");
  InsertBands(sql, norm);
}

void TrainingRepository::SaveQuota(soci::session& sql, const EstablishmentQuota& quota, std::int64_t now) const {
  sql << "DELETE FROM establishment_quota WHERE org_id = :org_id AND year = :year AND kind = :kind",
      soci::use(quota.org.id, "org_id"), soci::use(quota.year, "year"), soci::use(quota.kind, "kind");
  sql << "INSERT INTO establishment_quota (org_id, year, kind, allotted, used, updated_at)"
         " VALUES (:org_id, :year, :kind, :allotted, :used, :now)",
      soci::use(quota.org.id, "org_id"), soci::use(quota.year, "year"), soci::use(quota.kind, "kind"),
      soci::use(quota.allotted, "allotted"), soci::use(quota.used, "used"), soci::use(now, "now");
}

std::vector<EstablishmentQuota> TrainingRepository::ListQuotas(soci::session& sql, const core::OrgScope& scope,
                                                               int year) const {
  std::vector<EstablishmentQuota> quotas;
  EstablishmentQuota quota;
  long long org_id = 0;
  soci::statement statement =
      (sql.prepare << "SELECT q.org_id, o.name, q.year, q.kind, q.allotted, q.used FROM establishment_quota q"
                      " JOIN org o ON o.id = q.org_id"
                      " WHERE o.level = 'street' AND o.path >= :scope AND o.path < :scope_end AND q.year = :year"
                      " ORDER BY o.path, q.kind",
       db::UseScope{scope}, soci::use(year, "year"), soci::into(org_id), soci::into(quota.org.name),
       soci::into(quota.year), soci::into(quota.kind), soci::into(quota.allotted), soci::into(quota.used));
  statement.execute();
  while (statement.fetch()) {
    quota.org.id = org_id;
    quotas.push_back(quota);
  }
  return quotas;
}

}  // namespace liandong::workforce
