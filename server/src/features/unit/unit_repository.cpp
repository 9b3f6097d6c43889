#include "features/unit/unit_repository.hpp"

#include <string_view>

#include "core/text_search.hpp"
#include "db/org_scope_binding.hpp"
#include "features/org/org_model.hpp"

namespace liandong::unit {
namespace {

// The coverage rule (see Coverage), written once and placed into the queries below that list,
// filter and count by coverage. On a LEFT JOIN without a unit it yields 'uncovered', counted 0.
constexpr std::string_view kCoverageOfUnit = R"sql(
  CASE WHEN u.eligible_for_org = 0 THEN 'not_eligible'
       WHEN u.own_org_id IS NOT NULL THEN 'own_org'
       WHEN u.joint_branch_org_id IS NOT NULL THEN 'joint_branch'
       WHEN u.instructor <> '' THEN 'work_only'
       ELSE 'uncovered' END
)sql";

constexpr std::string_view kSelectUnitColumns = R"sql(
  SELECT u.id, u.name, u.credit_code, u.unit_kind, u.industry, u.staff_count, u.legal_representative,
         u.org_id, o.name, o.path, u.eligible_for_org, u.own_org_id, own.name, u.joint_branch_org_id, branch.name,
         u.instructor, u.key_enterprise, u.archived_at,
)sql";

constexpr std::string_view kFromUnitWithOrgs = R"sql(
  FROM unit u
  JOIN org o ON o.id = u.org_id
  LEFT JOIN org own ON own.id = u.own_org_id
  LEFT JOIN org branch ON branch.id = u.joint_branch_org_id
)sql";

constexpr std::string_view kWhereId = " WHERE u.id = :id";
constexpr std::string_view kWhereCreditCode = " WHERE u.credit_code = :credit_code";

constexpr std::string_view kCountUnits = "SELECT COUNT(*) FROM unit u JOIN org o ON o.id = u.org_id";

constexpr std::string_view kWhereLiveInScope = R"sql(
  WHERE o.path >= :scope AND o.path < :scope_end AND u.archived_at IS NULL
)sql";
constexpr std::string_view kAndUnitKind = " AND u.unit_kind = :unit_kind";
constexpr std::string_view kAndEligible = " AND u.eligible_for_org = :eligible";
constexpr std::string_view kAndCoverageIs = " = :coverage";  // after " AND " + kCoverageOfUnit
// Name search: all grams of the query (core/text_search.hpp), one variant per database.
constexpr std::string_view kAndNameMatchesSqlite =
    " AND u.id IN (SELECT rowid FROM unit_search WHERE unit_search MATCH :query)";
constexpr std::string_view kAndNameMatchesPostgres =
    " AND to_tsvector('simple', u.name_grams) @@ plainto_tsquery('simple', :query)";
// A single character has no gram: a plain substring match over the names in scope.
constexpr std::string_view kAndNameContains = " AND u.name LIKE :pattern";
constexpr std::string_view kOrderAndPage = " ORDER BY u.id LIMIT :limit OFFSET :offset";

constexpr std::string_view kInsertUnit = R"sql(
  INSERT INTO unit (org_id, name, name_grams, credit_code, unit_kind, industry, staff_count, legal_representative,
                    eligible_for_org, own_org_id, joint_branch_org_id, instructor, key_enterprise, created_at,
                    updated_at)
  VALUES (:org_id, :name, :name_grams, :credit_code, :unit_kind, :industry, :staff_count, :legal_representative,
          :eligible_for_org, :own_org_id, :joint_branch_org_id, :instructor, :key_enterprise, :created_at,
          :updated_at)
  RETURNING id
)sql";

constexpr std::string_view kUpdateUnit = R"sql(
  UPDATE unit
  SET org_id = :org_id, name = :name, name_grams = :name_grams, credit_code = :credit_code, unit_kind = :unit_kind,
      industry = :industry, staff_count = :staff_count, legal_representative = :legal_representative,
      eligible_for_org = :eligible_for_org, own_org_id = :own_org_id, joint_branch_org_id = :joint_branch_org_id,
      instructor = :instructor, key_enterprise = :key_enterprise, updated_at = :updated_at
  WHERE id = :id
)sql";

constexpr std::string_view kArchiveUnit =
    "UPDATE unit SET archived_at = :archived_at, updated_at = :updated_at WHERE id = :id";

// SQLite keeps the grams in an FTS5 table beside the unit; PostgreSQL indexes unit.name_grams.
constexpr std::string_view kInsertUnitSearchSqlite = "INSERT INTO unit_search (rowid, grams) VALUES (:id, :grams)";
constexpr std::string_view kUpdateUnitSearchSqlite = "UPDATE unit_search SET grams = :grams WHERE rowid = :id";

constexpr std::string_view kUnitTable = "unit";
constexpr std::string_view kUnitSearchTable = "unit_search";  // SQLite's FTS5 index of unit names
// The columns UnitBulkLoad fills, in its order.
const std::vector<std::string> kBulkUnitColumns = {"id",
                                                   "org_id",
                                                   "name",
                                                   "name_grams",
                                                   "credit_code",
                                                   "unit_kind",
                                                   "industry",
                                                   "staff_count",
                                                   "legal_representative",
                                                   "eligible_for_org",
                                                   "own_org_id",
                                                   "joint_branch_org_id",
                                                   "instructor",
                                                   "key_enterprise",
                                                   "created_at",
                                                   "updated_at"};
const std::vector<std::string> kBulkUnitSearchColumns = {"rowid", "grams"};

// Live units at each org itself by coverage, for the coverage roll-up (migration 0015 counts the
// same): SELECT u.org_id, <coverage>, COUNT(*) …
constexpr std::string_view kCountCoverageByOrgHead = "SELECT u.org_id, ";
constexpr std::string_view kCountCoverageByOrgTail =
    ", COUNT(*) FROM unit u WHERE u.archived_at IS NULL GROUP BY u.org_id, 2";

std::string Concat(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (std::string_view part : parts) text += part;
  return text;
}

// The columns of kSelectUnitColumns + kCoverageOfUnit, read into named variables.
struct UnitColumns {
  long long id = 0;
  std::string name;
  std::string credit_code;
  std::string unit_kind;
  std::string industry;
  long long staff_count = 0;
  std::string legal_representative;
  long long org_id = 0;
  std::string org_name;
  std::string org_path;
  int eligible_for_org = 0;
  long long own_org_id = 0;
  soci::indicator own_org_id_indicator = soci::i_null;
  std::string own_org_name;
  soci::indicator own_org_name_indicator = soci::i_null;
  long long joint_branch_org_id = 0;
  soci::indicator joint_branch_org_id_indicator = soci::i_null;
  std::string joint_branch_org_name;
  soci::indicator joint_branch_org_name_indicator = soci::i_null;
  std::string instructor;
  int key_enterprise = 0;
  long long archived_at = 0;
  soci::indicator archived_at_indicator = soci::i_null;
  std::string coverage;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(credit_code));
    statement.exchange(soci::into(unit_kind));
    statement.exchange(soci::into(industry));
    statement.exchange(soci::into(staff_count));
    statement.exchange(soci::into(legal_representative));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_path));
    statement.exchange(soci::into(eligible_for_org));
    statement.exchange(soci::into(own_org_id, own_org_id_indicator));
    statement.exchange(soci::into(own_org_name, own_org_name_indicator));
    statement.exchange(soci::into(joint_branch_org_id, joint_branch_org_id_indicator));
    statement.exchange(soci::into(joint_branch_org_name, joint_branch_org_name_indicator));
    statement.exchange(soci::into(instructor));
    statement.exchange(soci::into(key_enterprise));
    statement.exchange(soci::into(archived_at, archived_at_indicator));
    statement.exchange(soci::into(coverage));
  }

  Unit ToUnit() const {
    Unit unit;
    unit.id = id;
    unit.fields.name = name;
    unit.fields.credit_code = credit_code;
    unit.fields.unit_kind = unit_kind;
    unit.fields.industry = industry;
    unit.fields.staff_count = staff_count;
    unit.fields.legal_representative = legal_representative;
    unit.fields.org_id = org_id;
    unit.fields.eligible_for_org = eligible_for_org != 0;
    if (own_org_id_indicator == soci::i_ok) {
      unit.fields.own_org_id = own_org_id;
      unit.own_org = OrgRef{own_org_id, own_org_name_indicator == soci::i_ok ? own_org_name : std::string()};
    }
    if (joint_branch_org_id_indicator == soci::i_ok) {
      unit.fields.joint_branch_org_id = joint_branch_org_id;
      unit.joint_branch_org =
          OrgRef{joint_branch_org_id, joint_branch_org_name_indicator == soci::i_ok ? joint_branch_org_name : ""};
    }
    unit.fields.instructor = instructor;
    unit.fields.key_enterprise = key_enterprise != 0;
    unit.org = OrgRef{org_id, org_name};
    unit.org_path = org_path;
    unit.coverage = ParseCoverage(coverage).value_or(Coverage::kNotEligible);
    unit.archived = archived_at_indicator == soci::i_ok;
    return unit;
  }
};

// The values of UnitFields as SOCI binds them: named lvalues, int for booleans, indicators for NULL.
struct UnitValues {
  explicit UnitValues(const UnitFields& fields)
      : org_id(fields.org_id),
        name_grams(core::SearchGrams(fields.name)),
        staff_count(fields.staff_count),
        eligible_for_org(fields.eligible_for_org ? 1 : 0),
        own_org_id(fields.own_org_id.value_or(0)),
        own_org_id_indicator(fields.own_org_id ? soci::i_ok : soci::i_null),
        joint_branch_org_id(fields.joint_branch_org_id.value_or(0)),
        joint_branch_org_id_indicator(fields.joint_branch_org_id ? soci::i_ok : soci::i_null),
        key_enterprise(fields.key_enterprise ? 1 : 0) {}

  long long org_id;
  std::string name_grams;
  long long staff_count;
  int eligible_for_org;
  long long own_org_id;
  soci::indicator own_org_id_indicator;
  long long joint_branch_org_id;
  soci::indicator joint_branch_org_id_indicator;
  int key_enterprise;
};

// Runs a SELECT of unit columns; `bind` adds the statement's use elements.
template <typename Bind>
std::vector<Unit> SelectUnits(soci::session& sql, const std::string& text, Bind bind) {
  UnitColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(text);
  statement.define_and_bind();
  statement.execute();
  std::vector<Unit> units;
  while (statement.fetch()) units.push_back(columns.ToUnit());
  return units;
}

// The condition a name search adds to the list, and the value it binds.
struct NameSearch {
  std::string_view condition;
  std::string placeholder;
  std::string value;
};

// nullopt when the text has nothing to search for (no letters or CJK characters).
std::optional<NameSearch> NameSearchFor(const std::string& text, db::Dialect dialect) {
  const std::vector<std::string> grams = core::QueryGrams(text);
  if (grams.empty()) return std::nullopt;
  // QueryGrams keeps a lone character as it is, without any wildcard the text may hold.
  if (core::IsSingleCharacterQuery(text)) return NameSearch{kAndNameContains, "pattern", "%" + grams.front() + "%"};
  NameSearch search{dialect == db::Dialect::kSqlite ? kAndNameMatchesSqlite : kAndNameMatchesPostgres, "query", ""};
  for (const std::string& gram : grams) {
    if (dialect == db::Dialect::kSqlite) {
      search.value += (search.value.empty() ? "\"" : " AND \"") + gram + "\"";  // "g1" AND "g2"
    } else {
      search.value += (search.value.empty() ? "" : " ") + gram;  // g1 g2
    }
  }
  return search;
}

std::string SelectUnitSql(std::string_view where) {
  return Concat({kSelectUnitColumns, kCoverageOfUnit, kFromUnitWithOrgs, where});
}

}  // namespace

std::optional<Unit> UnitRepository::Find(soci::session& sql, std::int64_t id) const {
  long long unit_id = id;
  auto units = SelectUnits(sql, SelectUnitSql(kWhereId),
                           [&](soci::statement& statement) { statement.exchange(soci::use(unit_id, "id")); });
  if (units.empty()) return std::nullopt;
  return std::move(units.front());
}

std::optional<Unit> UnitRepository::FindByCreditCode(soci::session& sql, const std::string& credit_code) const {
  auto units = SelectUnits(sql, SelectUnitSql(kWhereCreditCode), [&](soci::statement& statement) {
    statement.exchange(soci::use(credit_code, "credit_code"));
  });
  if (units.empty()) return std::nullopt;
  return std::move(units.front());
}

UnitPage UnitRepository::List(soci::session& sql, const core::OrgScope& scope, const UnitQuery& query) const {
  // The filters that are set add their condition and their value; the rest add nothing.
  std::string where(kWhereLiveInScope);
  if (query.unit_kind) where += kAndUnitKind;
  if (query.eligible_for_org) where += kAndEligible;
  if (query.coverage) where += Concat({" AND ", kCoverageOfUnit, kAndCoverageIs});
  const auto search = NameSearchFor(query.text, dialect_);
  if (search) where += search->condition;

  const std::string unit_kind = query.unit_kind.value_or("");
  const int eligible = query.eligible_for_org.value_or(false) ? 1 : 0;
  const std::string coverage(query.coverage ? ToString(*query.coverage) : "");
  const auto bind_filters = [&](soci::statement& statement) {
    db::BindScope(statement, scope);
    if (query.unit_kind) statement.exchange(soci::use(unit_kind, "unit_kind"));
    if (query.eligible_for_org) statement.exchange(soci::use(eligible, "eligible"));
    if (query.coverage) statement.exchange(soci::use(coverage, "coverage"));
    if (search) statement.exchange(soci::use(search->value, search->placeholder));
  };

  UnitPage page;
  page.page = query.page;
  page.page_size = query.page_size;
  {
    long long total = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    bind_filters(statement);
    statement.alloc();
    statement.prepare(Concat({kCountUnits, where}));
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  const long long limit = query.page_size;
  const long long offset = static_cast<long long>(query.page - 1) * query.page_size;
  page.items = SelectUnits(sql, SelectUnitSql(where + std::string(kOrderAndPage)), [&](soci::statement& statement) {
    bind_filters(statement);
    statement.exchange(soci::use(limit, "limit"));
    statement.exchange(soci::use(offset, "offset"));
  });
  return page;
}

std::int64_t UnitRepository::Insert(soci::session& sql, const UnitFields& fields, std::int64_t now) const {
  UnitValues values(fields);
  const long long created_at = now;
  long long id = 0;
  sql << kInsertUnit, soci::use(values.org_id, "org_id"), soci::use(fields.name, "name"),
      soci::use(values.name_grams, "name_grams"), soci::use(fields.credit_code, "credit_code"),
      soci::use(fields.unit_kind, "unit_kind"), soci::use(fields.industry, "industry"),
      soci::use(values.staff_count, "staff_count"), soci::use(fields.legal_representative, "legal_representative"),
      soci::use(values.eligible_for_org, "eligible_for_org"),
      soci::use(values.own_org_id, values.own_org_id_indicator, "own_org_id"),
      soci::use(values.joint_branch_org_id, values.joint_branch_org_id_indicator, "joint_branch_org_id"),
      soci::use(fields.instructor, "instructor"), soci::use(values.key_enterprise, "key_enterprise"),
      soci::use(created_at, "created_at"), soci::use(created_at, "updated_at"), soci::into(id);
  if (dialect_ == db::Dialect::kSqlite) {
    sql << kInsertUnitSearchSqlite, soci::use(id, "id"), soci::use(values.name_grams, "grams");
  }
  return id;
}

void UnitRepository::Update(soci::session& sql, std::int64_t id, const UnitFields& fields, std::int64_t now) const {
  UnitValues values(fields);
  const long long unit_id = id;
  const long long updated_at = now;
  sql << kUpdateUnit, soci::use(values.org_id, "org_id"), soci::use(fields.name, "name"),
      soci::use(values.name_grams, "name_grams"), soci::use(fields.credit_code, "credit_code"),
      soci::use(fields.unit_kind, "unit_kind"), soci::use(fields.industry, "industry"),
      soci::use(values.staff_count, "staff_count"), soci::use(fields.legal_representative, "legal_representative"),
      soci::use(values.eligible_for_org, "eligible_for_org"),
      soci::use(values.own_org_id, values.own_org_id_indicator, "own_org_id"),
      soci::use(values.joint_branch_org_id, values.joint_branch_org_id_indicator, "joint_branch_org_id"),
      soci::use(fields.instructor, "instructor"), soci::use(values.key_enterprise, "key_enterprise"),
      soci::use(updated_at, "updated_at"), soci::use(unit_id, "id");
  if (dialect_ == db::Dialect::kSqlite) {
    sql << kUpdateUnitSearchSqlite, soci::use(values.name_grams, "grams"), soci::use(unit_id, "id");
  }
}

void UnitRepository::Archive(soci::session& sql, std::int64_t id, std::int64_t now) const {
  const long long unit_id = id;
  const long long archived_at = now;
  sql << kArchiveUnit, soci::use(archived_at, "archived_at"), soci::use(archived_at, "updated_at"),
      soci::use(unit_id, "id");
}

std::vector<std::tuple<std::int64_t, std::string, std::int64_t>> UnitRepository::CountCoverageByOrg(
    soci::session& sql) const {
  std::vector<std::tuple<std::int64_t, std::string, std::int64_t>> counts;
  long long org_id = 0;
  std::string coverage;
  long long count = 0;
  soci::statement statement =
      (sql.prepare << Concat({kCountCoverageByOrgHead, kCoverageOfUnit, kCountCoverageByOrgTail}), soci::into(org_id),
       soci::into(coverage), soci::into(count));
  statement.execute();
  while (statement.fetch()) counts.emplace_back(org_id, coverage, count);
  return counts;
}

void UnitRepository::RefreshStatistics(db::Session& session) const {
  db::AnalyzeTables(session, {std::string(kUnitTable)});
}

UnitBulkLoad::UnitBulkLoad(db::Session& session, std::int64_t now)
    : session_(session),
      now_(now),
      units_(session, std::string(kUnitTable), kBulkUnitColumns),
      search_(session.dialect() == db::Dialect::kSqlite
                  ? std::make_unique<db::BulkInserter>(session, std::string(kUnitSearchTable), kBulkUnitSearchColumns)
                  : nullptr) {}

void UnitBulkLoad::Add(std::int64_t id, const UnitFields& fields) {
  const auto id_or_null = [](const std::optional<std::int64_t>& value) {
    return value ? db::BulkValue(*value) : db::BulkValue();
  };
  const std::string grams = core::SearchGrams(fields.name);
  units_.Add({id, fields.org_id, fields.name, grams, fields.credit_code, fields.unit_kind, fields.industry,
              fields.staff_count, fields.legal_representative, fields.eligible_for_org ? 1 : 0,
              id_or_null(fields.own_org_id), id_or_null(fields.joint_branch_org_id), fields.instructor,
              fields.key_enterprise ? 1 : 0, now_, now_});
  if (search_) search_->Add({id, grams});
}

void UnitBulkLoad::Finish() {
  units_.Finish();
  if (search_) search_->Finish();
  db::ResetIdSequences(session_, {std::string(kUnitTable)});
}

}  // namespace liandong::unit
