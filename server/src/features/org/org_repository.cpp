#include "features/org/org_repository.hpp"

#include <string_view>

namespace liandong::org {
namespace {

constexpr std::string_view kSelectOrg = R"sql(
  SELECT id, parent_id, path, level, depth, kind, name
  FROM org
  WHERE id = :id
)sql";

constexpr std::string_view kCountDescendantsByLevel = R"sql(
  SELECT level, COUNT(*)
  FROM org
  WHERE path > :scope AND path < :scope_end AND archived_at IS NULL
  GROUP BY level
  ORDER BY MIN(depth), level
)sql";

// The path needs the id, so an org is inserted with its parent's path and then completed.
constexpr std::string_view kInsertOrg = R"sql(
  INSERT INTO org (parent_id, path, level, depth, kind, name, created_at)
  VALUES (:parent_id, :path, :level, :depth, :kind, :name, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kUpdateOrgPath = "UPDATE org SET path = :path WHERE id = :id";

constexpr std::string_view kCountOrgs = "SELECT COUNT(*) FROM org";

}  // namespace

std::optional<Org> OrgRepository::Find(soci::session& sql, std::int64_t id) const {
  Org org;
  long long parent_id = 0;
  soci::indicator parent_indicator = soci::i_null;
  sql << kSelectOrg, soci::use(id, "id"), soci::into(org.id), soci::into(parent_id, parent_indicator),
      soci::into(org.path), soci::into(org.level), soci::into(org.depth), soci::into(org.kind), soci::into(org.name);
  if (!sql.got_data()) return std::nullopt;
  if (parent_indicator == soci::i_ok) org.parent_id = parent_id;
  return org;
}

std::vector<LevelCount> OrgRepository::CountDescendantsByLevel(soci::session& sql, const std::string& path) const {
  const std::string scope_end = SubtreeEnd(path);
  std::string level;
  long long count = 0;
  soci::statement statement = (sql.prepare << kCountDescendantsByLevel, soci::use(path, "scope"),
                               soci::use(scope_end, "scope_end"), soci::into(level), soci::into(count));
  statement.execute();
  std::vector<LevelCount> counts;
  while (statement.fetch()) counts.push_back(LevelCount{level, count});
  return counts;
}

Org OrgRepository::Insert(soci::session& sql, const NewOrg& new_org, const std::optional<Org>& parent,
                          std::int64_t now) const {
  Org org;
  org.parent_id = parent ? std::optional<std::int64_t>(parent->id) : std::nullopt;
  org.level = new_org.level;
  org.depth = parent ? parent->depth + 1 : 0;
  org.kind = new_org.kind;
  org.name = new_org.name;
  const std::string parent_path = parent ? parent->path : "/";
  long long parent_id = parent ? parent->id : 0;
  soci::indicator parent_indicator = parent ? soci::i_ok : soci::i_null;
  long long id = 0;
  long long created_at = now;
  sql << kInsertOrg, soci::use(parent_id, parent_indicator, "parent_id"), soci::use(parent_path, "path"),
      soci::use(org.level, "level"), soci::use(org.depth, "depth"), soci::use(org.kind, "kind"),
      soci::use(org.name, "name"), soci::use(created_at, "created_at"), soci::into(id);
  org.id = id;
  org.path = parent_path + std::to_string(id) + "/";
  sql << kUpdateOrgPath, soci::use(org.path, "path"), soci::use(id, "id");
  return org;
}

std::int64_t OrgRepository::CountAll(soci::session& sql) const {
  long long count = 0;
  sql << kCountOrgs, soci::into(count);
  return count;
}

}  // namespace liandong::org
