#include "features/bulletin/bulletin_repository.hpp"

#include <string_view>

#include "db/in_list.hpp"
#include "db/org_scope_binding.hpp"

namespace liandong::bulletin {
namespace {

constexpr std::string_view kInsert = R"sql(
  INSERT INTO bulletin (org_id, title, period_from, period_to, as_of, figures, state, created_by, created_at)
  VALUES (:org_id, :title, :period_from, :period_to, :as_of, :figures, 'draft', :created_by, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kSelect = R"sql(
  SELECT b.id, o.id, o.name, o.level, o.path, b.title, b.period_from, b.period_to, b.as_of, b.figures, b.state,
         b.created_at, b.published_at
  FROM bulletin b JOIN org o ON o.id = b.org_id
)sql";

constexpr std::string_view kChildren = R"sql(
  SELECT id, name, level, path FROM org WHERE parent_id = :org_id AND archived_at IS NULL ORDER BY path
)sql";

// The executing nodes of orgs in the subtree whose deadline falls in the period, as of a time:
// each task counts once for each org that carries it out, not again for the district and street
// nodes that only relayed it down (a node that had children at as_of is a relay). The issuers'
// roots are not counted either.
constexpr std::string_view kCountNodes = R"sql(
  SELECT COUNT(*),
         COALESCE(SUM(CASE WHEN a.completed_at IS NOT NULL AND a.completed_at <= :as_of1 THEN 1 ELSE 0 END), 0),
         COALESCE(SUM(CASE WHEN a.completed_at IS NOT NULL AND a.completed_at <= :as_of2
                            AND a.completed_on <= a.deadline THEN 1 ELSE 0 END), 0),
         COALESCE(SUM(CASE WHEN (a.completed_at IS NULL OR a.completed_at > :as_of3) AND a.deadline < :as_of_date
                           THEN 1 ELSE 0 END), 0),
         COALESCE(SUM(a.progress), 0)
  FROM task_assignment a JOIN org o ON o.id = a.org_id
  WHERE o.path >= :scope AND o.path < :scope_end AND a.parent_id IS NOT NULL
    AND a.deadline >= :period_from AND a.deadline <= :period_to AND a.created_at <= :as_of4
    AND NOT EXISTS (SELECT 1 FROM task_assignment c WHERE c.parent_id = a.id AND c.created_at <= :as_of5)
)sql";

constexpr std::string_view kCountOpenSupervisions = R"sql(
  SELECT COUNT(*) FROM supervision s JOIN org t ON t.id = s.target_org_id
  WHERE t.path >= :scope AND t.path < :scope_end AND s.created_at <= :as_of1
    AND (s.closed_at IS NULL OR s.closed_at > :as_of2)
)sql";

constexpr std::string_view kOverdueItems = R"sql(
  SELECT a.id, t.title, o.id, o.name, o.level, a.deadline, a.progress
  FROM task_assignment a JOIN org o ON o.id = a.org_id JOIN task t ON t.id = a.task_id
  WHERE o.path > :scope AND o.path < :scope_end AND a.parent_id IS NOT NULL
    AND a.deadline >= :period_from AND a.deadline <= :period_to AND a.created_at <= :as_of1
    AND (a.completed_at IS NULL OR a.completed_at > :as_of2) AND a.deadline < :as_of_date
    AND NOT EXISTS (SELECT 1 FROM task_assignment c WHERE c.parent_id = a.id AND c.created_at <= :as_of3)
  ORDER BY a.deadline, o.path
  LIMIT :limit
)sql";

constexpr std::string_view kOpenSupervisions = R"sql(
  SELECT s.id, s.title, t.id, t.name, t.level, s.deadline, s.state
  FROM supervision s JOIN org t ON t.id = s.target_org_id
  WHERE t.path > :scope AND t.path < :scope_end AND s.created_at <= :as_of1
    AND (s.closed_at IS NULL OR s.closed_at > :as_of2)
  ORDER BY s.deadline, s.id
  LIMIT :limit
)sql";

struct Columns {
  long long id = 0;
  long long org_id = 0;
  std::string org_name;
  std::string org_level;
  std::string org_path;
  std::string title;
  std::string period_from;
  std::string period_to;
  long long as_of = 0;
  std::string figures;
  std::string state;
  long long created_at = 0;
  long long published_at = 0;
  soci::indicator published_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_level));
    statement.exchange(soci::into(org_path));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(period_from));
    statement.exchange(soci::into(period_to));
    statement.exchange(soci::into(as_of));
    statement.exchange(soci::into(figures));
    statement.exchange(soci::into(state));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(published_at, published_indicator));
  }

  Bulletin ToBulletin() const {
    Bulletin b{id,        org_id, org_name, org_level, org_path,   title,       period_from,
               period_to, as_of,  figures,  state,     created_at, std::nullopt};
    if (published_indicator == soci::i_ok) b.published_at = published_at;
    return b;
  }
};

}  // namespace

std::int64_t BulletinRepository::Insert(soci::session& sql, const Bulletin& bulletin, std::int64_t user_id) const {
  const long long org_id = bulletin.org_id;
  const long long as_of = bulletin.as_of;
  const long long user = user_id;
  const long long created_at = bulletin.created_at;
  long long id = 0;
  sql << kInsert, soci::use(org_id, "org_id"), soci::use(bulletin.title, "title"),
      soci::use(bulletin.period_from, "period_from"), soci::use(bulletin.period_to, "period_to"),
      soci::use(as_of, "as_of"), soci::use(bulletin.figures, "figures"), soci::use(user, "created_by"),
      soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

std::optional<Bulletin> BulletinRepository::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  Columns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  statement.exchange(soci::use(key, "id"));
  statement.alloc();
  statement.prepare(std::string(kSelect) + " WHERE b.id = :id");
  statement.define_and_bind();
  if (!statement.execute(true)) return std::nullopt;
  return columns.ToBulletin();
}

std::vector<Bulletin> BulletinRepository::List(soci::session& sql, const core::OrgScope& scope,
                                               const std::vector<std::int64_t>& ancestor_ids, std::int64_t offset,
                                               std::int64_t limit, std::int64_t& total) const {
  // Ancestor ids are integers parsed from a stored path, never user text.
  const std::string where =
      " WHERE (o.path >= :scope AND o.path < :scope_end)" +
      (ancestor_ids.empty() ? std::string()
                            : " OR (b.state = 'published' AND b.org_id IN " + db::InList(ancestor_ids) + ")");
  {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM bulletin b JOIN org o ON o.id = b.org_id" + where, db::UseScope{scope},
        soci::into(count);
    total = count;
  }
  Columns columns;
  const long long page_offset = offset;
  const long long page_limit = limit;
  soci::statement statement(sql);
  columns.Into(statement);
  db::BindScope(statement, scope);
  statement.exchange(soci::use(page_limit, "limit"));
  statement.exchange(soci::use(page_offset, "offset"));
  statement.alloc();
  statement.prepare(std::string(kSelect) + where + " ORDER BY b.id DESC LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  statement.execute();
  std::vector<Bulletin> rows;
  while (statement.fetch()) rows.push_back(columns.ToBulletin());
  return rows;
}

void BulletinRepository::Publish(soci::session& sql, std::int64_t id, std::int64_t now) const {
  const long long key = id;
  const long long at = now;
  sql << "UPDATE bulletin SET state = 'published', published_at = :at WHERE id = :id", soci::use(at, "at"),
      soci::use(key, "id");
}

void BulletinRepository::Delete(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  sql << "DELETE FROM bulletin WHERE id = :id", soci::use(key, "id");
}

std::vector<ChildOrg> BulletinRepository::Children(soci::session& sql, std::int64_t org_id) const {
  const long long key = org_id;
  ChildOrg row;
  long long id = 0;
  soci::statement statement = (sql.prepare << kChildren, soci::use(key, "org_id"), soci::into(id), soci::into(row.name),
                               soci::into(row.level), soci::into(row.path));
  statement.execute();
  std::vector<ChildOrg> children;
  while (statement.fetch()) {
    row.id = id;
    children.push_back(row);
  }
  return children;
}

NodeCounts BulletinRepository::CountNodes(soci::session& sql, const core::OrgScope& scope, const std::string& from,
                                          const std::string& to, std::int64_t as_of,
                                          const std::string& as_of_date) const {
  const long long at = as_of;
  long long assignments = 0, done = 0, on_time = 0, overdue = 0, progress = 0;
  sql << kCountNodes, soci::use(at, "as_of1"), soci::use(at, "as_of2"), soci::use(at, "as_of3"),
      soci::use(as_of_date, "as_of_date"), db::UseScope{scope}, soci::use(from, "period_from"),
      soci::use(to, "period_to"), soci::use(at, "as_of4"), soci::use(at, "as_of5"), soci::into(assignments),
      soci::into(done), soci::into(on_time), soci::into(overdue), soci::into(progress);
  return NodeCounts{assignments, done, on_time, overdue, progress};
}

std::int64_t BulletinRepository::CountOpenSupervisions(soci::session& sql, const core::OrgScope& scope,
                                                       std::int64_t as_of) const {
  const long long at = as_of;
  long long count = 0;
  sql << kCountOpenSupervisions, db::UseScope{scope}, soci::use(at, "as_of1"), soci::use(at, "as_of2"),
      soci::into(count);
  return count;
}

std::vector<OverdueItem> BulletinRepository::OverdueItems(soci::session& sql, const core::OrgScope& scope,
                                                          const std::string& from, const std::string& to,
                                                          std::int64_t as_of, const std::string& as_of_date,
                                                          std::int64_t limit) const {
  const long long at = as_of;
  const long long max = limit;
  OverdueItem row;
  long long id = 0;
  long long org_id = 0;
  soci::statement statement =
      (sql.prepare << kOverdueItems, db::UseScope{scope}, soci::use(from, "period_from"), soci::use(to, "period_to"),
       soci::use(at, "as_of1"), soci::use(at, "as_of2"), soci::use(at, "as_of3"), soci::use(as_of_date, "as_of_date"),
       soci::use(max, "limit"), soci::into(id), soci::into(row.task_title), soci::into(org_id),
       soci::into(row.org_name), soci::into(row.org_level), soci::into(row.deadline), soci::into(row.progress));
  statement.execute();
  std::vector<OverdueItem> items;
  while (statement.fetch()) {
    row.id = id;
    row.org_id = org_id;
    items.push_back(row);
  }
  return items;
}

std::vector<OpenSupervision> BulletinRepository::OpenSupervisions(soci::session& sql, const core::OrgScope& scope,
                                                                  std::int64_t as_of, std::int64_t limit) const {
  const long long at = as_of;
  const long long max = limit;
  OpenSupervision row;
  long long id = 0;
  long long target_id = 0;
  soci::statement statement =
      (sql.prepare << kOpenSupervisions, db::UseScope{scope}, soci::use(at, "as_of1"), soci::use(at, "as_of2"),
       soci::use(max, "limit"), soci::into(id), soci::into(row.title), soci::into(target_id),
       soci::into(row.target_name), soci::into(row.target_level), soci::into(row.deadline), soci::into(row.state));
  statement.execute();
  std::vector<OpenSupervision> items;
  while (statement.fetch()) {
    row.id = id;
    row.target_id = target_id;
    items.push_back(row);
  }
  return items;
}

}  // namespace liandong::bulletin
