#include "features/duty/duty_repository.hpp"

#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::duty {
namespace {

constexpr std::string_view kSelectDepartments = "SELECT id, name FROM department ORDER BY sort_order, id";
constexpr std::string_view kSelectDepartment = "SELECT id, name FROM department WHERE id = :id";

// An item with its org and department: the head of every item query.
constexpr std::string_view kSelectItems = R"sql(
  SELECT d.id, o.id, o.name, o.level, o.path, d.year, d.level, d.responsibility_kind, d.description,
         p.id, p.name, d.sort_order
  FROM duty_item d
  JOIN org o ON o.id = d.org_id
  JOIN department p ON p.id = d.department_id
)sql";
constexpr std::string_view kWhereItemId = " WHERE d.id = :id";
constexpr std::string_view kWhereInSubtree = " WHERE ((o.path >= :scope AND o.path < :scope_end)";
constexpr std::string_view kOrderItems = " ORDER BY d.year DESC, o.path, d.sort_order, d.id";

constexpr std::string_view kInsertItem = R"sql(
  INSERT INTO duty_item (org_id, year, level, responsibility_kind, description, department_id, sort_order,
                         created_at, updated_at)
  VALUES (:org_id, :year, :level, :responsibility_kind, :description, :department_id, :sort_order,
          :created_at, :updated_at)
  RETURNING id
)sql";

constexpr std::string_view kUpdateItem = R"sql(
  UPDATE duty_item
  SET year = :year, level = :level, responsibility_kind = :responsibility_kind, description = :description,
      department_id = :department_id, sort_order = :sort_order, updated_at = :updated_at
  WHERE id = :id
)sql";

constexpr std::string_view kDeleteItem = "DELETE FROM duty_item WHERE id = :id";

constexpr std::string_view kCountLinks = R"sql(
  SELECT (SELECT COUNT(*) FROM task WHERE duty_item_id = :task_item)
       + (SELECT COUNT(*) FROM supervision WHERE duty_item_id = :supervision_item)
       + (SELECT COUNT(*) FROM accountability WHERE duty_item_id = :accountability_item)
)sql";

constexpr std::string_view kCountOfYear = "SELECT COUNT(*) FROM duty_item WHERE org_id = :org_id AND year = :year";

// The casts tell PostgreSQL the types of parameters that only appear in the select list.
constexpr std::string_view kCopyYear = R"sql(
  INSERT INTO duty_item (org_id, year, level, responsibility_kind, description, department_id, sort_order,
                         created_at, updated_at)
  SELECT org_id, CAST(:to_year AS INTEGER), level, responsibility_kind, description, department_id, sort_order,
         CAST(:created_at AS BIGINT), CAST(:updated_at AS BIGINT)
  FROM duty_item
  WHERE org_id = :org_id AND year = :from_year
  ORDER BY sort_order, id
)sql";

constexpr std::string_view kLevelInSubtree = R"sql(
  SELECT CASE WHEN EXISTS (
    SELECT 1 FROM org WHERE level = :level AND archived_at IS NULL AND path >= :scope AND path < :scope_end
  ) THEN 1 ELSE 0 END
)sql";

// The columns of kSelectItems, read into named variables.
struct ItemColumns {
  long long id = 0;
  long long org_id = 0;
  std::string org_name;
  std::string org_level;
  std::string org_path;
  long long year = 0;
  std::string level;
  std::string responsibility_kind;
  std::string description;
  long long department_id = 0;
  std::string department_name;
  long long sort_order = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_level));
    statement.exchange(soci::into(org_path));
    statement.exchange(soci::into(year));
    statement.exchange(soci::into(level));
    statement.exchange(soci::into(responsibility_kind));
    statement.exchange(soci::into(description));
    statement.exchange(soci::into(department_id));
    statement.exchange(soci::into(department_name));
    statement.exchange(soci::into(sort_order));
  }

  DutyItem ToItem() const {
    return DutyItem{id, OrgRef{org_id, org_name, org_level}, org_path,
                    DutyItemFields{year, level, responsibility_kind, description, department_id, sort_order},
                    Department{department_id, department_name}};
  }
};

// Runs kSelectItems followed by `where`; `bind` adds the use elements of `where`.
template <typename Bind>
std::vector<DutyItem> SelectItems(soci::session& sql, const std::string& where, Bind bind) {
  ItemColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelectItems) + where);
  statement.define_and_bind();
  statement.execute();
  std::vector<DutyItem> items;
  while (statement.fetch()) items.push_back(columns.ToItem());
  return items;
}

}  // namespace

std::vector<Department> DutyRepository::ListDepartments(soci::session& sql) const {
  long long id = 0;
  std::string name;
  soci::statement statement = (sql.prepare << kSelectDepartments, soci::into(id), soci::into(name));
  statement.execute();
  std::vector<Department> departments;
  while (statement.fetch()) departments.push_back(Department{id, name});
  return departments;
}

std::optional<Department> DutyRepository::FindDepartment(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  long long department_id = 0;
  std::string name;
  sql << kSelectDepartment, soci::use(key, "id"), soci::into(department_id), soci::into(name);
  if (!sql.got_data()) return std::nullopt;
  return Department{department_id, name};
}

std::optional<DutyItem> DutyRepository::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto items = SelectItems(sql, std::string(kWhereItemId),
                           [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
  if (items.empty()) return std::nullopt;
  return std::move(items.front());
}

std::vector<DutyItem> DutyRepository::List(soci::session& sql, const core::OrgScope& scope,
                                           const std::vector<std::int64_t>& ancestor_ids,
                                           const DutyFilter& filter) const {
  std::string where(kWhereInSubtree);
  if (!ancestor_ids.empty()) {
    // Ids taken from an org path, never user text.
    std::string list;
    for (const std::int64_t id : ancestor_ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    where += " OR d.org_id IN (" + list + ")";
  }
  where += ")";
  const long long year = filter.year.value_or(0);
  if (filter.year) where += " AND d.year = :year";
  if (filter.level) where += " AND d.level = :level";
  where += kOrderItems;
  return SelectItems(sql, where, [&](soci::statement& statement) {
    db::BindScope(statement, scope);
    if (filter.year) statement.exchange(soci::use(year, "year"));
    if (filter.level) statement.exchange(soci::use(*filter.level, "level"));
  });
}

std::int64_t DutyRepository::Insert(soci::session& sql, std::int64_t org_id, const DutyItemFields& fields,
                                    std::int64_t now) const {
  const long long owner = org_id;
  const long long year = fields.year;
  const long long department_id = fields.department_id;
  const long long sort_order = fields.sort_order;
  const long long created_at = now;
  long long id = 0;
  sql << kInsertItem, soci::use(owner, "org_id"), soci::use(year, "year"), soci::use(fields.level, "level"),
      soci::use(fields.responsibility_kind, "responsibility_kind"), soci::use(fields.description, "description"),
      soci::use(department_id, "department_id"), soci::use(sort_order, "sort_order"),
      soci::use(created_at, "created_at"), soci::use(created_at, "updated_at"), soci::into(id);
  return id;
}

void DutyRepository::Update(soci::session& sql, std::int64_t id, const DutyItemFields& fields, std::int64_t now) const {
  const long long key = id;
  const long long year = fields.year;
  const long long department_id = fields.department_id;
  const long long sort_order = fields.sort_order;
  const long long updated_at = now;
  sql << kUpdateItem, soci::use(year, "year"), soci::use(fields.level, "level"),
      soci::use(fields.responsibility_kind, "responsibility_kind"), soci::use(fields.description, "description"),
      soci::use(department_id, "department_id"), soci::use(sort_order, "sort_order"),
      soci::use(updated_at, "updated_at"), soci::use(key, "id");
}

void DutyRepository::Delete(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  sql << kDeleteItem, soci::use(key, "id");
}

std::int64_t DutyRepository::CountLinks(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  long long count = 0;
  sql << kCountLinks, soci::use(key, "task_item"), soci::use(key, "supervision_item"),
      soci::use(key, "accountability_item"), soci::into(count);
  return count;
}

std::int64_t DutyRepository::CountOfYear(soci::session& sql, std::int64_t org_id, std::int64_t year) const {
  const long long owner = org_id;
  const long long key = year;
  long long count = 0;
  sql << kCountOfYear, soci::use(owner, "org_id"), soci::use(key, "year"), soci::into(count);
  return count;
}

std::int64_t DutyRepository::CopyYear(soci::session& sql, std::int64_t org_id, const YearCopy& copy,
                                      std::int64_t now) const {
  const long long owner = org_id;
  const long long from_year = copy.from_year;
  const long long to_year = copy.to_year;
  const long long created_at = now;
  soci::statement statement =
      (sql.prepare << kCopyYear, soci::use(to_year, "to_year"), soci::use(created_at, "created_at"),
       soci::use(created_at, "updated_at"), soci::use(owner, "org_id"), soci::use(from_year, "from_year"));
  statement.execute(true);
  return statement.get_affected_rows();
}

bool DutyRepository::LevelInSubtree(soci::session& sql, const std::string& level, const core::OrgScope& scope) const {
  int found = 0;
  sql << kLevelInSubtree, soci::use(level, "level"), db::UseScope{scope}, soci::into(found);
  return found != 0;
}

}  // namespace liandong::duty
