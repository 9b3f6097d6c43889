#include "features/workforce/workforce_repository.hpp"

#include <string_view>

#include "db/bulk_insert.hpp"
#include "db/in_list.hpp"
#include "db/org_scope_binding.hpp"

namespace liandong::workforce {
namespace {

constexpr std::string_view kInsertScheme = R"sql(
  INSERT INTO grade_scheme (org_id, name, template, effective_from_year, effective_to_year, step_years,
                            early_after_excellent, early_max, delay_years, created_at, updated_at)
  VALUES (:org_id, :name, :template, :from_year, :to_year, :step_years, :early_after, :early_max, :delay_years,
          :now, :now2)
  RETURNING id
)sql";
constexpr std::string_view kUpdateScheme = R"sql(
  UPDATE grade_scheme
  SET name = :name, template = :template, effective_from_year = :from_year, effective_to_year = :to_year,
      step_years = :step_years, early_after_excellent = :early_after, early_max = :early_max,
      delay_years = :delay_years, updated_at = :now
  WHERE id = :id
)sql";
constexpr std::string_view kInsertPost = R"sql(
  INSERT INTO grade_scheme_post (scheme_id, post, name, min_grade, max_grade, sort_order)
  VALUES (:scheme_id, :post, :name, :min_grade, :max_grade, :sort_order)
)sql";
constexpr std::string_view kInsertDegree =
    "INSERT INTO grade_scheme_degree (scheme_id, degree, credited_years) VALUES (:scheme_id, :degree, :years)";
constexpr std::string_view kInsertPayCell = R"sql(
  INSERT INTO pay_cell (scheme_id, post, grade, base_pay, allowance)
  VALUES (:scheme_id, :post, :grade, :base_pay, :allowance)
)sql";
constexpr std::string_view kSelectSchemes = R"sql(
  SELECT s.id, s.org_id, o.name, o.path, s.name, s.template, s.effective_from_year, s.effective_to_year,
         s.step_years, s.early_after_excellent, s.early_max, s.delay_years, s.updated_at
  FROM grade_scheme s
  JOIN org o ON o.id = s.org_id
)sql";
constexpr std::string_view kSelectPosts =
    "SELECT scheme_id, post, name, min_grade, max_grade FROM grade_scheme_post ORDER BY scheme_id, sort_order";
constexpr std::string_view kSelectDegrees =
    "SELECT scheme_id, degree, credited_years FROM grade_scheme_degree ORDER BY scheme_id, credited_years";
constexpr std::string_view kSelectPayCells =
    "SELECT scheme_id, post, grade, base_pay, allowance FROM pay_cell ORDER BY scheme_id, post, grade";

constexpr std::string_view kWorkerColumns = R"sql(
  SELECT w.id, w.org_id, o.name, o.path, w.name, w.gender, w.birth_date, w.id_number_masked, w.phone_masked, w.post,
         w.grade, w.grade_since, w.early_steps_used, w.service_start, w.education, w.status, w.member_id, m.name
  FROM worker w
  JOIN org o ON o.id = w.org_id
  LEFT JOIN member m ON m.id = w.member_id
)sql";
constexpr std::string_view kInsertWorker = R"sql(
  INSERT INTO worker (org_id, name, gender, birth_date, id_number_cipher, id_number_index, id_number_masked,
                      phone_cipher, phone_index, phone_masked, post, grade, grade_since, early_steps_used,
                      service_start, education, status, member_id, created_at, updated_at)
  VALUES (:org_id, :name, :gender, :birth_date, :id_number_cipher, :id_number_index, :id_number_masked,
          :phone_cipher, :phone_index, :phone_masked, :post, :grade, :grade_since, :early_steps_used,
          :service_start, :education, :status, :member_id, :now, :now2)
  RETURNING id
)sql";
constexpr std::string_view kUpdateWorker = R"sql(
  UPDATE worker
  SET org_id = :org_id, name = :name, gender = :gender, birth_date = :birth_date,
      id_number_cipher = :id_number_cipher, id_number_index = :id_number_index, id_number_masked = :id_number_masked,
      phone_cipher = :phone_cipher, phone_index = :phone_index, phone_masked = :phone_masked, post = :post,
      grade = :grade, grade_since = :grade_since, early_steps_used = :early_steps_used,
      service_start = :service_start, education = :education, status = :status, member_id = :member_id,
      updated_at = :now
  WHERE id = :id
)sql";
constexpr std::string_view kSelectRecord = R"sql(
  SELECT org_id, name, gender, birth_date, id_number_cipher, id_number_index, id_number_masked, phone_cipher,
         phone_index, phone_masked, post, grade, grade_since, early_steps_used, service_start, education, status,
         member_id
  FROM worker
  WHERE id = :id
)sql";
constexpr std::string_view kCountWorkers = "SELECT COUNT(*) FROM worker w JOIN org o ON o.id = w.org_id";
constexpr std::string_view kScopeCondition = " WHERE o.path >= :scope AND o.path < :scope_end";

constexpr std::string_view kInsertEvent = R"sql(
  INSERT INTO worker_event (worker_id, kind, effective_on, from_value, to_value, regrading_run_id, explanation,
                            user_id, created_at)
  VALUES (:worker_id, :kind, :effective_on, :from_value, :to_value, :run_id, :explanation, :user_id, :now)
)sql";
constexpr std::string_view kSelectEvents = R"sql(
  SELECT id, kind, effective_on, from_value, to_value, regrading_run_id, explanation, created_at
  FROM worker_event
  WHERE worker_id = :worker_id
  ORDER BY id DESC
)sql";
constexpr std::string_view kInsertAppraisal = R"sql(
  INSERT INTO appraisal (worker_id, year, result, entered_by, entered_at)
  VALUES (:worker_id, :year, :result, :user_id, :now)
)sql";

constexpr std::string_view kRunColumns = R"sql(
  SELECT r.id, r.org_id, o.name, o.path, r.year, r.status, r.computed_at, r.approved_at, r.reverted_at,
         r.revert_reason
  FROM regrading_run r
  JOIN org o ON o.id = r.org_id
)sql";

constexpr std::string_view kSelectRegradingWorkers = R"sql(
  SELECT w.id, w.org_id, o.path, w.post, w.grade, w.grade_since, w.early_steps_used
  FROM worker w
  JOIN org o ON o.id = w.org_id
  WHERE o.path >= :scope AND o.path < :scope_end AND w.status = 'in_post'
)sql";
constexpr std::string_view kSelectRegradingAppraisals = R"sql(
  SELECT a.worker_id, a.year, a.result
  FROM appraisal a
  JOIN worker w ON w.id = a.worker_id
  JOIN org o ON o.id = w.org_id
  WHERE o.path >= :scope AND o.path < :scope_end AND w.status = 'in_post' AND a.year >= :first_year
)sql";
constexpr std::string_view kSelectProposalRows = R"sql(
  SELECT worker_id, street_id, scheme_id, change, from_grade, to_grade, from_grade_since, from_early_steps_used,
         explanation
  FROM regrading_proposal
  WHERE run_id = :run_id
  ORDER BY worker_id
)sql";
constexpr std::string_view kProposalColumns = R"sql(
  SELECT w.id, w.name, o.id, o.name, w.post, p.change, p.from_grade, p.to_grade, p.explanation
  FROM regrading_proposal p
  JOIN worker w ON w.id = p.worker_id
  JOIN org o ON o.id = w.org_id
  WHERE p.run_id = :run_id AND o.path >= :scope AND o.path < :scope_end
)sql";
constexpr std::string_view kCountProposals = R"sql(
  SELECT p.change, COUNT(*)
  FROM regrading_proposal p
  JOIN worker w ON w.id = p.worker_id
  JOIN org o ON o.id = w.org_id
  WHERE p.run_id = :run_id AND o.path >= :scope AND o.path < :scope_end
  GROUP BY p.change
)sql";
constexpr std::string_view kSelectStreets = R"sql(
  SELECT p.street_id, s.name, COUNT(*), SUM(CASE WHEN p.change = 'held' THEN 0 ELSE 1 END), MAX(v.reviewed_at)
  FROM regrading_proposal p
  JOIN org s ON s.id = p.street_id
  LEFT JOIN regrading_review v ON v.run_id = p.run_id AND v.street_id = p.street_id
  WHERE p.run_id = :run_id
  GROUP BY p.street_id, s.name, s.path
  ORDER BY s.path
)sql";
// Set-based, so that a district of thousands of workers is a handful of statements.
constexpr std::string_view kApplyRun = R"sql(
  UPDATE worker
  SET grade = (SELECT p.to_grade FROM regrading_proposal p WHERE p.run_id = :run_id AND p.worker_id = worker.id),
      early_steps_used = early_steps_used + (SELECT CASE WHEN p.change = 'early' THEN 1 ELSE 0 END
                                             FROM regrading_proposal p
                                             WHERE p.run_id = :run_id2 AND p.worker_id = worker.id),
      grade_since = :since, updated_at = :now
  WHERE id IN (SELECT worker_id FROM regrading_proposal WHERE run_id = :run_id3 AND change <> 'held')
)sql";
constexpr std::string_view kRegradingEvents = R"sql(
  INSERT INTO worker_event (worker_id, kind, effective_on, from_value, to_value, regrading_run_id, explanation,
                            user_id, created_at)
  SELECT worker_id, :kind, :effective_on, CAST(from_grade AS TEXT), CAST(to_grade AS TEXT), run_id, explanation,
         :user_id, :now
  FROM regrading_proposal
  WHERE run_id = :run_id AND change <> 'held'
)sql";
constexpr std::string_view kRevertEvents = R"sql(
  INSERT INTO worker_event (worker_id, kind, effective_on, from_value, to_value, regrading_run_id, explanation,
                            user_id, created_at)
  SELECT worker_id, 'regrading_reverted', :effective_on, CAST(to_grade AS TEXT), CAST(from_grade AS TEXT), run_id,
         :explanation, :user_id, :now
  FROM regrading_proposal
  WHERE run_id = :run_id AND change <> 'held'
)sql";
constexpr std::string_view kRestoreRun = R"sql(
  UPDATE worker
  SET grade = (SELECT p.from_grade FROM regrading_proposal p WHERE p.run_id = :run_id AND p.worker_id = worker.id),
      grade_since = (SELECT p.from_grade_since FROM regrading_proposal p
                     WHERE p.run_id = :run_id2 AND p.worker_id = worker.id),
      early_steps_used = (SELECT p.from_early_steps_used FROM regrading_proposal p
                          WHERE p.run_id = :run_id3 AND p.worker_id = worker.id),
      updated_at = :now
  WHERE id IN (SELECT worker_id FROM regrading_proposal WHERE run_id = :run_id4 AND change <> 'held')
)sql";

std::optional<int> OptionalInt(int value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<int>(value) : std::nullopt;
}

std::optional<std::int64_t> OptionalId(long long value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
}

// Appends " AND s.id IN (…)" style lists of ids, which come from org paths (digits only).
void InsertChildren(soci::session& sql, std::int64_t scheme_id, const SchemeDefinition& definition) {
  {
    std::string post, name;
    int min_grade = 0, max_grade = 0, sort_order = 0;
    soci::statement statement = (sql.prepare << kInsertPost, soci::use(scheme_id, "scheme_id"), soci::use(post, "post"),
                                 soci::use(name, "name"), soci::use(min_grade, "min_grade"),
                                 soci::use(max_grade, "max_grade"), soci::use(sort_order, "sort_order"));
    for (const SchemePost& item : definition.posts) {
      post = item.post;
      name = item.name;
      min_grade = item.min_grade;
      max_grade = item.max_grade;
      statement.execute(true);
      ++sort_order;
    }
  }
  {
    std::string degree;
    int years = 0;
    soci::statement statement = (sql.prepare << kInsertDegree, soci::use(scheme_id, "scheme_id"),
                                 soci::use(degree, "degree"), soci::use(years, "years"));
    for (const DegreeCredit& item : definition.degrees) {
      degree = item.degree;
      years = item.credited_years;
      statement.execute(true);
    }
  }
  std::string post;
  int grade = 0;
  long long base_pay = 0, allowance = 0;
  soci::statement statement =
      (sql.prepare << kInsertPayCell, soci::use(scheme_id, "scheme_id"), soci::use(post, "post"),
       soci::use(grade, "grade"), soci::use(base_pay, "base_pay"), soci::use(allowance, "allowance"));
  for (const PayCell& cell : definition.pay) {
    post = cell.post;
    grade = cell.grade;
    base_pay = cell.base_pay;
    allowance = cell.allowance;
    statement.execute(true);
  }
}

void DeleteChildren(soci::session& sql, std::int64_t scheme_id) {
  sql << "DELETE FROM grade_scheme_post WHERE scheme_id = :id", soci::use(scheme_id, "id");
  sql << "DELETE FROM grade_scheme_degree WHERE scheme_id = :id", soci::use(scheme_id, "id");
  sql << "DELETE FROM pay_cell WHERE scheme_id = :id", soci::use(scheme_id, "id");
}

std::vector<Scheme> SelectSchemes(soci::session& sql, const std::string& condition, std::int64_t id) {
  std::vector<Scheme> schemes;
  std::map<std::int64_t, std::size_t> index;
  {
    Scheme scheme;
    int to_year = 0;
    soci::indicator to_indicator = soci::i_null;
    auto prepared =
        (sql.prepare << std::string(kSelectSchemes) + condition + " ORDER BY s.org_id, s.effective_from_year");
    if (id != 0) prepared, soci::use(id, "id");
    prepared, soci::into(scheme.id), soci::into(scheme.org.id), soci::into(scheme.org.name),
        soci::into(scheme.org_path), soci::into(scheme.definition.name), soci::into(scheme.definition.template_key),
        soci::into(scheme.definition.effective_from_year), soci::into(to_year, to_indicator),
        soci::into(scheme.definition.step_years), soci::into(scheme.definition.early_after_excellent),
        soci::into(scheme.definition.early_max), soci::into(scheme.definition.delay_years),
        soci::into(scheme.updated_at);
    soci::statement statement(prepared);
    statement.execute();
    while (statement.fetch()) {
      Scheme copy = scheme;
      copy.definition.effective_to_year = OptionalInt(to_year, to_indicator);
      index[copy.id] = schemes.size();
      schemes.push_back(std::move(copy));
    }
  }
  if (schemes.empty()) return schemes;
  const std::string only = id != 0 ? " WHERE scheme_id = " + std::to_string(id) : "";
  const auto with_filter = [&](std::string_view query) {
    std::string text(query);
    const auto order = text.find(" ORDER BY");
    return text.substr(0, order) + only + text.substr(order);
  };
  {
    long long scheme_id = 0;
    SchemePost post;
    soci::statement statement = (sql.prepare << with_filter(kSelectPosts), soci::into(scheme_id), soci::into(post.post),
                                 soci::into(post.name), soci::into(post.min_grade), soci::into(post.max_grade));
    statement.execute();
    while (statement.fetch()) {
      if (auto found = index.find(scheme_id); found != index.end())
        schemes[found->second].definition.posts.push_back(post);
    }
  }
  {
    long long scheme_id = 0;
    DegreeCredit degree;
    soci::statement statement = (sql.prepare << with_filter(kSelectDegrees), soci::into(scheme_id),
                                 soci::into(degree.degree), soci::into(degree.credited_years));
    statement.execute();
    while (statement.fetch()) {
      if (auto found = index.find(scheme_id); found != index.end()) {
        schemes[found->second].definition.degrees.push_back(degree);
      }
    }
  }
  long long scheme_id = 0;
  PayCell cell;
  long long base_pay = 0, allowance = 0;
  soci::statement statement =
      (sql.prepare << with_filter(kSelectPayCells), soci::into(scheme_id), soci::into(cell.post),
       soci::into(cell.grade), soci::into(base_pay), soci::into(allowance));
  statement.execute();
  while (statement.fetch()) {
    cell.base_pay = base_pay;
    cell.allowance = allowance;
    if (auto found = index.find(scheme_id); found != index.end()) schemes[found->second].definition.pay.push_back(cell);
  }
  return schemes;
}

// Binds the columns of kWorkerColumns.
struct WorkerRow {
  Worker worker;
  long long member_id = 0;
  std::string member_name;
  soci::indicator member_indicator = soci::i_null, member_name_indicator = soci::i_null;

  void Bind(soci::details::prepare_temp_type& prepared) {
    prepared, soci::into(worker.id), soci::into(worker.org.id), soci::into(worker.org.name),
        soci::into(worker.org_path), soci::into(worker.name), soci::into(worker.gender), soci::into(worker.birth_date),
        soci::into(worker.id_number_masked), soci::into(worker.phone_masked), soci::into(worker.post),
        soci::into(worker.grade), soci::into(worker.grade_since), soci::into(worker.early_steps_used),
        soci::into(worker.service_start), soci::into(worker.education), soci::into(worker.status),
        soci::into(member_id, member_indicator), soci::into(member_name, member_name_indicator);
  }

  Worker Fill() const {
    Worker result = worker;
    if (member_indicator == soci::i_ok) {
      result.member = Reference{member_id, member_name_indicator == soci::i_ok ? member_name : ""};
    }
    return result;
  }
};

// Binds every column of a worker record; the values must outlive the statement.
struct RecordBinding {
  explicit RecordBinding(const WorkerRecord& record)
      : member_id(record.member_id.value_or(0)), member_indicator(record.member_id ? soci::i_ok : soci::i_null) {}

  void Bind(soci::details::once_temp_type& once, const WorkerRecord& record) {
    once, soci::use(record.org_id, "org_id"), soci::use(record.name, "name"), soci::use(record.gender, "gender"),
        soci::use(record.birth_date, "birth_date"), soci::use(record.id_number_cipher, "id_number_cipher"),
        soci::use(record.id_number_index, "id_number_index"), soci::use(record.id_number_masked, "id_number_masked"),
        soci::use(record.phone_cipher, "phone_cipher"), soci::use(record.phone_index, "phone_index"),
        soci::use(record.phone_masked, "phone_masked"), soci::use(record.post, "post"),
        soci::use(record.grade, "grade"), soci::use(record.grade_since, "grade_since"),
        soci::use(record.early_steps_used, "early_steps_used"), soci::use(record.service_start, "service_start"),
        soci::use(record.education, "education"), soci::use(record.status, "status"),
        soci::use(member_id, member_indicator, "member_id");
  }

  long long member_id;
  soci::indicator member_indicator;
};

struct RunRow {
  RegradingRun run;
  long long approved_at = 0, reverted_at = 0;
  soci::indicator approved_indicator = soci::i_null, reverted_indicator = soci::i_null;

  void Bind(soci::details::prepare_temp_type& prepared) {
    prepared, soci::into(run.id), soci::into(run.org.id), soci::into(run.org.name), soci::into(run.org_path),
        soci::into(run.year), soci::into(run.status), soci::into(run.computed_at),
        soci::into(approved_at, approved_indicator), soci::into(reverted_at, reverted_indicator),
        soci::into(run.revert_reason);
  }

  RegradingRun Fill() const {
    RegradingRun result = run;
    result.approved_at = OptionalId(approved_at, approved_indicator);
    result.reverted_at = OptionalId(reverted_at, reverted_indicator);
    return result;
  }
};

}  // namespace

std::int64_t WorkforceRepository::InsertScheme(soci::session& sql, std::int64_t org_id,
                                               const SchemeDefinition& definition, std::int64_t now) const {
  long long id = 0;
  const int to_year = definition.effective_to_year.value_or(0);
  soci::indicator to_indicator = definition.effective_to_year ? soci::i_ok : soci::i_null;
  sql << kInsertScheme, soci::use(org_id, "org_id"), soci::use(definition.name, "name"),
      soci::use(definition.template_key, "template"), soci::use(definition.effective_from_year, "from_year"),
      soci::use(to_year, to_indicator, "to_year"), soci::use(definition.step_years, "step_years"),
      soci::use(definition.early_after_excellent, "early_after"), soci::use(definition.early_max, "early_max"),
      soci::use(definition.delay_years, "delay_years"), soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
  InsertChildren(sql, id, definition);
  return id;
}

void WorkforceRepository::ReplaceScheme(soci::session& sql, std::int64_t id, const SchemeDefinition& definition,
                                        std::int64_t now) const {
  const int to_year = definition.effective_to_year.value_or(0);
  soci::indicator to_indicator = definition.effective_to_year ? soci::i_ok : soci::i_null;
  sql << kUpdateScheme, soci::use(definition.name, "name"), soci::use(definition.template_key, "template"),
      soci::use(definition.effective_from_year, "from_year"), soci::use(to_year, to_indicator, "to_year"),
      soci::use(definition.step_years, "step_years"), soci::use(definition.early_after_excellent, "early_after"),
      soci::use(definition.early_max, "early_max"), soci::use(definition.delay_years, "delay_years"),
      soci::use(now, "now"), soci::use(id, "id");
  DeleteChildren(sql, id);
  InsertChildren(sql, id, definition);
}

std::optional<Scheme> WorkforceRepository::FindScheme(soci::session& sql, std::int64_t id) const {
  std::vector<Scheme> schemes = SelectSchemes(sql, " WHERE s.id = :id", id);
  if (schemes.empty()) return std::nullopt;
  return std::move(schemes.front());
}

std::vector<Scheme> WorkforceRepository::LoadSchemes(soci::session& sql) const { return SelectSchemes(sql, "", 0); }

std::int64_t WorkforceRepository::InsertWorker(soci::session& sql, const WorkerRecord& record, std::int64_t now) const {
  RecordBinding binding(record);
  long long id = 0;
  {
    auto once = (sql << kInsertWorker);
    binding.Bind(once, record);
    once, soci::use(now, "now"), soci::use(now, "now2"), soci::into(id);
  }
  return id;
}

void WorkforceRepository::UpdateWorker(soci::session& sql, std::int64_t id, const WorkerRecord& record,
                                       std::int64_t now) const {
  RecordBinding binding(record);
  auto once = (sql << kUpdateWorker);
  binding.Bind(once, record);
  once, soci::use(now, "now"), soci::use(id, "id");
}

std::optional<Worker> WorkforceRepository::FindWorker(soci::session& sql, std::int64_t id) const {
  WorkerRow row;
  auto prepared = (sql.prepare << std::string(kWorkerColumns) + " WHERE w.id = :id", soci::use(id, "id"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  if (!statement.fetch()) return std::nullopt;
  return row.Fill();
}

std::optional<WorkerRecord> WorkforceRepository::FindRecord(soci::session& sql, std::int64_t id) const {
  WorkerRecord record;
  long long member_id = 0;
  soci::indicator member_indicator = soci::i_null;
  sql << kSelectRecord, soci::use(id, "id"), soci::into(record.org_id), soci::into(record.name),
      soci::into(record.gender), soci::into(record.birth_date), soci::into(record.id_number_cipher),
      soci::into(record.id_number_index), soci::into(record.id_number_masked), soci::into(record.phone_cipher),
      soci::into(record.phone_index), soci::into(record.phone_masked), soci::into(record.post),
      soci::into(record.grade), soci::into(record.grade_since), soci::into(record.early_steps_used),
      soci::into(record.service_start), soci::into(record.education), soci::into(record.status),
      soci::into(member_id, member_indicator);
  if (!sql.got_data()) return std::nullopt;
  record.member_id = OptionalId(member_id, member_indicator);
  return record;
}

std::optional<std::int64_t> WorkforceRepository::FindIdByIdNumberIndex(soci::session& sql,
                                                                       const std::string& index) const {
  long long id = 0;
  sql << "SELECT id FROM worker WHERE id_number_index = :index", soci::use(index, "index"), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

std::pair<std::vector<Worker>, std::int64_t> WorkforceRepository::ListWorkers(soci::session& sql,
                                                                              const core::OrgScope& scope,
                                                                              const WorkerFilter& filter) const {
  std::string conditions(kScopeCondition);
  const std::string like = "%" + filter.query + "%";
  if (!filter.query.empty()) conditions += " AND w.name LIKE :query";
  if (!filter.status.empty()) conditions += " AND w.status = :status";
  if (!filter.post.empty()) conditions += " AND w.post = :post";
  const auto bind = [&](soci::details::prepare_temp_type& prepared) {
    prepared, db::UseScope{scope};
    if (!filter.query.empty()) prepared, soci::use(like, "query");
    if (!filter.status.empty()) prepared, soci::use(filter.status, "status");
    if (!filter.post.empty()) prepared, soci::use(filter.post, "post");
  };
  long long total = 0;
  {
    auto prepared = (sql.prepare << std::string(kCountWorkers) + conditions);
    bind(prepared);
    prepared, soci::into(total);
    soci::statement statement(prepared);
    statement.execute(true);
  }
  const int limit = filter.page_size;
  const long long offset = static_cast<long long>(filter.page - 1) * filter.page_size;
  std::vector<Worker> workers;
  WorkerRow row;
  auto prepared =
      (sql.prepare << std::string(kWorkerColumns) + conditions + " ORDER BY o.path, w.id LIMIT :limit OFFSET :offset");
  bind(prepared);
  prepared, soci::use(limit, "limit"), soci::use(offset, "offset");
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) workers.push_back(row.Fill());
  return {std::move(workers), total};
}

void WorkforceRepository::InsertEvent(soci::session& sql, std::int64_t worker_id, const WorkerEvent& event,
                                      std::int64_t user_id, std::int64_t now) const {
  const long long run_id = event.regrading_run_id.value_or(0);
  soci::indicator run_indicator = event.regrading_run_id ? soci::i_ok : soci::i_null;
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << kInsertEvent, soci::use(worker_id, "worker_id"), soci::use(event.kind, "kind"),
      soci::use(event.effective_on, "effective_on"), soci::use(event.from_value, "from_value"),
      soci::use(event.to_value, "to_value"), soci::use(run_id, run_indicator, "run_id"),
      soci::use(event.explanation, "explanation"), soci::use(user, user_indicator, "user_id"), soci::use(now, "now");
}

std::vector<WorkerEvent> WorkforceRepository::ListEvents(soci::session& sql, std::int64_t worker_id) const {
  std::vector<WorkerEvent> events;
  WorkerEvent event;
  long long run_id = 0;
  soci::indicator run_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << kSelectEvents, soci::use(worker_id, "worker_id"), soci::into(event.id), soci::into(event.kind),
       soci::into(event.effective_on), soci::into(event.from_value), soci::into(event.to_value),
       soci::into(run_id, run_indicator), soci::into(event.explanation), soci::into(event.created_at));
  statement.execute();
  while (statement.fetch()) {
    WorkerEvent copy = event;
    copy.regrading_run_id = OptionalId(run_id, run_indicator);
    events.push_back(std::move(copy));
  }
  return events;
}

bool WorkforceRepository::HasAppraisal(soci::session& sql, std::int64_t worker_id, int year) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM appraisal WHERE worker_id = :worker_id AND year = :year",
      soci::use(worker_id, "worker_id"), soci::use(year, "year"), soci::into(count);
  return count > 0;
}

void WorkforceRepository::InsertAppraisal(soci::session& sql, std::int64_t worker_id, const Appraisal& appraisal,
                                          std::int64_t user_id, std::int64_t now) const {
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << kInsertAppraisal, soci::use(worker_id, "worker_id"), soci::use(appraisal.year, "year"),
      soci::use(appraisal.result, "result"), soci::use(user, user_indicator, "user_id"), soci::use(now, "now");
}

std::vector<Appraisal> WorkforceRepository::ListAppraisals(soci::session& sql, std::int64_t worker_id) const {
  std::vector<Appraisal> appraisals;
  Appraisal appraisal;
  soci::statement statement =
      (sql.prepare << "SELECT year, result FROM appraisal WHERE worker_id = :worker_id ORDER BY year DESC",
       soci::use(worker_id, "worker_id"), soci::into(appraisal.year), soci::into(appraisal.result));
  statement.execute();
  while (statement.fetch()) appraisals.push_back(appraisal);
  return appraisals;
}

std::vector<RosterRow> WorkforceRepository::ListRoster(soci::session& sql, const core::OrgScope& scope) const {
  std::vector<RosterRow> rows;
  RosterRow row;
  soci::statement statement =
      (sql.prepare << "SELECT w.id, w.name, w.id_number_masked, w.post, w.grade, o.name, o.path FROM worker w"
                      " JOIN org o ON o.id = w.org_id WHERE o.path >= :scope AND o.path < :scope_end"
                      " AND w.status = 'in_post' ORDER BY o.path, w.id",
       db::UseScope{scope}, soci::into(row.worker_id), soci::into(row.name), soci::into(row.id_number_masked),
       soci::into(row.post), soci::into(row.grade), soci::into(row.org_name), soci::into(row.org_path));
  statement.execute();
  while (statement.fetch()) rows.push_back(row);
  return rows;
}

std::optional<std::pair<std::string, std::string>> WorkforceRepository::FindMember(soci::session& sql,
                                                                                   std::int64_t member_id) const {
  std::string name, path;
  sql << "SELECT m.name, o.path FROM member m JOIN org o ON o.id = m.org_id WHERE m.id = :id AND m.archived_at IS NULL",
      soci::use(member_id, "id"), soci::into(name), soci::into(path);
  if (!sql.got_data()) return std::nullopt;
  return std::make_pair(name, path);
}

std::vector<std::tuple<std::int64_t, std::string, std::string>> WorkforceRepository::ListSealedIdentifiers(
    soci::session& sql) const {
  std::vector<std::tuple<std::int64_t, std::string, std::string>> sealed;
  long long id = 0;
  std::string id_cipher, phone_cipher;
  soci::statement statement = (sql.prepare << "SELECT id, id_number_cipher, phone_cipher FROM worker ORDER BY id",
                               soci::into(id), soci::into(id_cipher), soci::into(phone_cipher));
  statement.execute();
  while (statement.fetch()) sealed.emplace_back(id, id_cipher, phone_cipher);
  return sealed;
}

void WorkforceRepository::UpdateSealedIdentifiers(soci::session& sql, std::int64_t id, const std::string& id_cipher,
                                                  const std::string& id_index, const std::string& phone_cipher,
                                                  const std::string& phone_index) const {
  sql << "UPDATE worker SET id_number_cipher = :id_cipher, id_number_index = :id_index, phone_cipher = :phone_cipher,"
         " phone_index = :phone_index WHERE id = :id",
      soci::use(id_cipher, "id_cipher"), soci::use(id_index, "id_index"), soci::use(phone_cipher, "phone_cipher"),
      soci::use(phone_index, "phone_index"), soci::use(id, "id");
}

std::map<std::int64_t, std::pair<std::string, std::string>> WorkforceRepository::LoadStreets(soci::session& sql) const {
  std::map<std::int64_t, std::pair<std::string, std::string>> streets;
  long long id = 0;
  std::string name, path;
  soci::statement statement = (sql.prepare << "SELECT id, name, path FROM org WHERE level = 'street'", soci::into(id),
                               soci::into(name), soci::into(path));
  statement.execute();
  while (statement.fetch()) streets.emplace(id, std::make_pair(name, path));
  return streets;
}

std::int64_t WorkforceRepository::InsertRun(soci::session& sql, std::int64_t org_id, int year, std::int64_t user_id,
                                            std::int64_t now) const {
  long long id = 0;
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO regrading_run (org_id, year, status, computed_at, computed_by, created_at)"
         " VALUES (:org_id, :year, 'draft', :now, :user_id, :now2) RETURNING id",
      soci::use(org_id, "org_id"), soci::use(year, "year"), soci::use(now, "now"),
      soci::use(user, user_indicator, "user_id"), soci::use(now, "now2"), soci::into(id);
  return id;
}

std::optional<RegradingRun> WorkforceRepository::FindRun(soci::session& sql, std::int64_t id) const {
  RunRow row;
  auto prepared = (sql.prepare << std::string(kRunColumns) + " WHERE r.id = :id", soci::use(id, "id"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  if (!statement.fetch()) return std::nullopt;
  return row.Fill();
}

std::vector<RegradingRun> WorkforceRepository::ListRuns(soci::session& sql, const core::OrgScope& scope) const {
  std::vector<RegradingRun> runs;
  RunRow row;
  auto prepared =
      (sql.prepare << std::string(kRunColumns) + " WHERE (o.path >= :scope AND o.path < :scope_end) OR r.org_id IN " +
                          db::InList(scope.Ids()) + " ORDER BY r.year DESC, r.id DESC LIMIT 200",
       db::UseScope{scope});
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) runs.push_back(row.Fill());
  return runs;
}

std::optional<RegradingRun> WorkforceRepository::FindOverlappingRun(soci::session& sql, int year,
                                                                    const std::string& path,
                                                                    bool approved_later) const {
  // Runs whose jurisdiction holds `path`, or lies in its subtree.
  std::string end = path;
  end.back() = '0';  // "/1/17/" → "/1/170": the subtree's upper bound, as OrgScope computes it
  std::vector<std::int64_t> ancestors = core::IdsOnPath(path);
  const std::string condition = approved_later ? " WHERE r.year > :year AND r.status = 'approved'"
                                               : " WHERE r.year = :year AND r.status <> 'reverted'";
  RunRow row;
  auto prepared = (sql.prepare << std::string(kRunColumns) + condition + " AND ((o.path >= :path AND o.path < :end)" +
                                      " OR r.org_id IN " + db::InList(ancestors) + ") ORDER BY r.year LIMIT 1",
                   soci::use(year, "year"), soci::use(path, "path"), soci::use(end, "end"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  if (!statement.fetch()) return std::nullopt;
  return row.Fill();
}

std::vector<RegradingRow> WorkforceRepository::LoadRegradingRows(soci::session& sql, const core::OrgScope& scope,
                                                                 int first_year) const {
  std::vector<RegradingRow> rows;
  std::map<std::int64_t, std::size_t> index;
  {
    RegradingRow row;
    soci::statement statement =
        (sql.prepare << kSelectRegradingWorkers, db::UseScope{scope}, soci::into(row.worker_id), soci::into(row.org_id),
         soci::into(row.org_path), soci::into(row.facts.post), soci::into(row.facts.grade),
         soci::into(row.facts.grade_since), soci::into(row.facts.early_steps_used));
    statement.execute();
    while (statement.fetch()) {
      index[row.worker_id] = rows.size();
      rows.push_back(row);
    }
  }
  long long worker_id = 0;
  int year = 0;
  std::string result;
  soci::statement statement =
      (sql.prepare << kSelectRegradingAppraisals, db::UseScope{scope}, soci::use(first_year, "first_year"),
       soci::into(worker_id), soci::into(year), soci::into(result));
  statement.execute();
  while (statement.fetch()) {
    if (auto found = index.find(worker_id); found != index.end()) rows[found->second].facts.appraisals[year] = result;
  }
  return rows;
}

std::vector<ProposalRow> WorkforceRepository::LoadProposals(soci::session& sql, std::int64_t run_id) const {
  std::vector<ProposalRow> proposals;
  ProposalRow row;
  long long street_id = 0, scheme_id = 0;
  soci::indicator street_indicator = soci::i_null, scheme_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << kSelectProposalRows, soci::use(run_id, "run_id"), soci::into(row.worker_id),
       soci::into(street_id, street_indicator), soci::into(scheme_id, scheme_indicator), soci::into(row.change),
       soci::into(row.from_grade), soci::into(row.to_grade), soci::into(row.from_grade_since),
       soci::into(row.from_early_steps_used), soci::into(row.explanation));
  statement.execute();
  while (statement.fetch()) {
    ProposalRow copy = row;
    copy.street_id = OptionalId(street_id, street_indicator);
    copy.scheme_id = OptionalId(scheme_id, scheme_indicator);
    proposals.push_back(std::move(copy));
  }
  return proposals;
}

void WorkforceRepository::ReplaceProposals(db::Session& session, std::int64_t run_id,
                                           const std::vector<ProposalRow>& proposals) const {
  session.sql() << "DELETE FROM regrading_proposal WHERE run_id = :run_id", soci::use(run_id, "run_id");
  db::BulkInserter inserter(session, "regrading_proposal",
                            {"run_id", "worker_id", "street_id", "scheme_id", "change", "from_grade", "to_grade",
                             "from_grade_since", "from_early_steps_used", "explanation"});
  for (const ProposalRow& row : proposals) {
    inserter.Add({run_id, row.worker_id, row.street_id ? db::BulkValue(*row.street_id) : db::BulkValue(),
                  row.scheme_id ? db::BulkValue(*row.scheme_id) : db::BulkValue(), row.change, row.from_grade,
                  row.to_grade, row.from_grade_since, row.from_early_steps_used, row.explanation});
  }
  inserter.Finish();
}

void WorkforceRepository::MarkComputed(soci::session& sql, std::int64_t run_id, std::int64_t user_id,
                                       std::int64_t now) const {
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << "UPDATE regrading_run SET computed_at = :now, computed_by = :user_id WHERE id = :id", soci::use(now, "now"),
      soci::use(user, user_indicator, "user_id"), soci::use(run_id, "id");
}

std::pair<std::vector<Proposal>, std::int64_t> WorkforceRepository::ListProposals(
    soci::session& sql, std::int64_t run_id, const core::OrgScope& scope, std::optional<std::int64_t> street_id,
    const std::string& change, int page, int page_size) const {
  std::string condition = change.empty() ? "" : " AND p.change = :change";
  const long long street = street_id.value_or(0);
  if (street_id) condition += " AND p.street_id = :street_id";
  long long total = 0;
  {
    auto prepared = (sql.prepare << "SELECT COUNT(*) FROM regrading_proposal p JOIN worker w ON w.id = p.worker_id"
                                    " JOIN org o ON o.id = w.org_id WHERE p.run_id = :run_id"
                                    " AND o.path >= :scope AND o.path < :scope_end" +
                                        condition,
                     soci::use(run_id, "run_id"), db::UseScope{scope});
    if (!change.empty()) prepared, soci::use(change, "change");
    if (street_id) prepared, soci::use(street, "street_id");
    prepared, soci::into(total);
    soci::statement statement(prepared);
    statement.execute(true);
  }
  std::vector<Proposal> proposals;
  Proposal row;
  const long long offset = static_cast<long long>(page - 1) * page_size;
  auto prepared =
      (sql.prepare << std::string(kProposalColumns) + condition + " ORDER BY o.path, w.id LIMIT :limit OFFSET :offset",
       soci::use(run_id, "run_id"), db::UseScope{scope});
  if (!change.empty()) prepared, soci::use(change, "change");
  if (street_id) prepared, soci::use(street, "street_id");
  prepared, soci::use(page_size, "limit"), soci::use(offset, "offset"), soci::into(row.worker.id),
      soci::into(row.worker.name), soci::into(row.org.id), soci::into(row.org.name), soci::into(row.post),
      soci::into(row.change), soci::into(row.from_grade), soci::into(row.to_grade), soci::into(row.explanation);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) proposals.push_back(row);
  return {std::move(proposals), total};
}

std::map<std::string, int> WorkforceRepository::CountProposals(soci::session& sql, std::int64_t run_id,
                                                               const core::OrgScope& scope,
                                                               std::optional<std::int64_t> street_id) const {
  std::map<std::string, int> counts{{"promoted", 0}, {"early", 0}, {"held", 0}};
  std::string change;
  long long count = 0;
  const long long street = street_id.value_or(0);
  std::string query(kCountProposals);
  if (street_id) query.replace(query.find("  GROUP BY"), 0, "  AND p.street_id = :street_id\n");
  auto prepared = (sql.prepare << query, soci::use(run_id, "run_id"), db::UseScope{scope});
  if (street_id) prepared, soci::use(street, "street_id");
  prepared, soci::into(change), soci::into(count);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) counts[change] = static_cast<int>(count);
  return counts;
}

std::vector<StreetReview> WorkforceRepository::ListStreets(soci::session& sql, std::int64_t run_id) const {
  std::vector<StreetReview> streets;
  StreetReview row;
  long long proposals = 0, changes = 0, reviewed_at = 0;
  soci::indicator reviewed_indicator = soci::i_null;
  soci::statement statement = (sql.prepare << kSelectStreets, soci::use(run_id, "run_id"), soci::into(row.street.id),
                               soci::into(row.street.name), soci::into(proposals), soci::into(changes),
                               soci::into(reviewed_at, reviewed_indicator));
  statement.execute();
  while (statement.fetch()) {
    StreetReview copy = row;
    copy.proposals = static_cast<int>(proposals);
    copy.changes = static_cast<int>(changes);
    copy.reviewed_at = OptionalId(reviewed_at, reviewed_indicator);
    streets.push_back(std::move(copy));
  }
  return streets;
}

void WorkforceRepository::ReviewStreet(soci::session& sql, std::int64_t run_id, std::int64_t street_id,
                                       std::int64_t user_id, std::int64_t now) const {
  sql << "DELETE FROM regrading_review WHERE run_id = :run_id AND street_id = :street_id", soci::use(run_id, "run_id"),
      soci::use(street_id, "street_id");
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO regrading_review (run_id, street_id, reviewed_by, reviewed_at)"
         " VALUES (:run_id, :street_id, :user_id, :now)",
      soci::use(run_id, "run_id"), soci::use(street_id, "street_id"), soci::use(user, user_indicator, "user_id"),
      soci::use(now, "now");
}

void WorkforceRepository::ClearReviews(soci::session& sql, std::int64_t run_id) const {
  sql << "DELETE FROM regrading_review WHERE run_id = :run_id", soci::use(run_id, "run_id");
}

void WorkforceRepository::ApproveRun(soci::session& sql, std::int64_t run_id, int year, std::int64_t user_id,
                                     std::int64_t now) const {
  const std::string since = std::to_string(year) + "-01-01";
  const std::string kind = "regrading";
  const long long user = user_id;
  soci::indicator user_indicator = user_id > 0 ? soci::i_ok : soci::i_null;
  sql << kRegradingEvents, soci::use(kind, "kind"), soci::use(since, "effective_on"),
      soci::use(user, user_indicator, "user_id"), soci::use(now, "now"), soci::use(run_id, "run_id");
  sql << kApplyRun, soci::use(run_id, "run_id"), soci::use(run_id, "run_id2"), soci::use(since, "since"),
      soci::use(now, "now"), soci::use(run_id, "run_id3");
  sql << "UPDATE regrading_run SET status = 'approved', approved_at = :now, approved_by = :user_id WHERE id = :id",
      soci::use(now, "now"), soci::use(user, user_indicator, "user_id"), soci::use(run_id, "id");
}

void WorkforceRepository::RevertRun(soci::session& sql, std::int64_t run_id, int year, const std::string& reason,
                                    std::int64_t user_id, std::int64_t now) const {
  const std::string since = std::to_string(year) + "-01-01";
  const std::string explanation = "撤销" + std::to_string(year) + "年调级：" + reason;
  sql << kRevertEvents, soci::use(since, "effective_on"), soci::use(explanation, "explanation"),
      soci::use(user_id, "user_id"), soci::use(now, "now"), soci::use(run_id, "run_id");
  sql << kRestoreRun, soci::use(run_id, "run_id"), soci::use(run_id, "run_id2"), soci::use(run_id, "run_id3"),
      soci::use(now, "now"), soci::use(run_id, "run_id4");
  sql << "UPDATE regrading_run SET status = 'reverted', reverted_at = :now, reverted_by = :user_id,"
         " revert_reason = :reason WHERE id = :id",
      soci::use(now, "now"), soci::use(user_id, "user_id"), soci::use(reason, "reason"), soci::use(run_id, "id");
}

}  // namespace liandong::workforce
