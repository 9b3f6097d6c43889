#include "features/org/org_repository.hpp"

#include <string_view>

#include "core/text_search.hpp"

namespace liandong::org {
namespace {

constexpr std::string_view kOrgColumns = R"sql(
  o.id, o.parent_id, o.path, o.level, o.depth, o.kind, o.name, o.secretary, o.contact, o.address, o.founded_on,
  o.sector, o.archived_at
)sql";

constexpr std::string_view kSelectOrg = "FROM org o WHERE o.id = :id";

constexpr std::string_view kSelectChildren = R"sql(
  , (SELECT COUNT(*) FROM org c WHERE c.parent_id = o.id AND c.archived_at IS NULL)
  FROM org o
  WHERE o.parent_id = :parent_id AND o.archived_at IS NULL
  ORDER BY o.id
)sql";

constexpr std::string_view kCountLiveChildren =
    "SELECT COUNT(*) FROM org WHERE parent_id = :id AND archived_at IS NULL";
constexpr std::string_view kCountLiveMembers = "SELECT COUNT(*) FROM member WHERE org_id = :id AND archived_at IS NULL";

constexpr std::string_view kCountDescendantsByLevel = R"sql(
  SELECT level, COUNT(*)
  FROM org
  WHERE path > :scope AND path < :scope_end AND archived_at IS NULL
  GROUP BY level
  ORDER BY MIN(depth), level
)sql";

constexpr std::string_view kSearchSqlite = R"sql(
  FROM org_search s JOIN org o ON o.id = s.rowid
  WHERE org_search MATCH :query AND o.path >= :scope AND o.path < :scope_end AND o.archived_at IS NULL
  ORDER BY o.depth, o.id
  LIMIT :limit
)sql";

constexpr std::string_view kSearchPostgres = R"sql(
  FROM org o
  WHERE to_tsvector('simple', o.name_grams) @@ plainto_tsquery('simple', :query)
    AND o.path >= :scope AND o.path < :scope_end AND o.archived_at IS NULL
  ORDER BY o.depth, o.id
  LIMIT :limit
)sql";

constexpr std::string_view kSearchOneCharacter = R"sql(
  FROM org o
  WHERE o.name LIKE :query AND o.path >= :scope AND o.path < :scope_end AND o.archived_at IS NULL
  ORDER BY o.depth, o.id
  LIMIT :limit
)sql";

// The path needs the id, so an org is inserted with its parent's path and then completed.
constexpr std::string_view kInsertOrg = R"sql(
  INSERT INTO org (parent_id, path, level, depth, kind, name, secretary, contact, address, founded_on, sector,
                   name_grams, created_at, updated_at)
  VALUES (:parent_id, :path, :level, :depth, :kind, :name, :secretary, :contact, :address, :founded_on, :sector,
          :name_grams, :created_at, :updated_at)
  RETURNING id
)sql";

constexpr std::string_view kUpdateOrgPath = "UPDATE org SET path = :path WHERE id = :id";

constexpr std::string_view kUpdateOrg = R"sql(
  UPDATE org
  SET level = :level, kind = :kind, name = :name, secretary = :secretary, contact = :contact, address = :address,
      founded_on = :founded_on, sector = :sector, name_grams = :name_grams, updated_at = :updated_at
  WHERE id = :id
)sql";

constexpr std::string_view kArchiveOrg = "UPDATE org SET archived_at = :now, updated_at = :now2 WHERE id = :id";

constexpr std::string_view kMoveSubtree = R"sql(
  UPDATE org
  SET path = :new_prefix || substr(path, :old_length), depth = depth + :depth_change, updated_at = :now
  WHERE path >= :old_path AND path < :old_end
)sql";

constexpr std::string_view kSetParent = "UPDATE org SET parent_id = :parent_id WHERE id = :id";

constexpr std::string_view kCountOrgs = "SELECT COUNT(*) FROM org";

constexpr std::string_view kInsertSearchRow = "INSERT INTO org_search (rowid, grams) VALUES (:id, :grams)";
constexpr std::string_view kDeleteSearchRow = "DELETE FROM org_search WHERE rowid = :id";

// Binds the columns of kOrgColumns into an Org; Fill() moves them in after each fetch.
struct OrgRow {
  Org org;
  long long parent_id = 0;
  soci::indicator parent_indicator = soci::i_null;
  std::string founded_on;
  soci::indicator founded_indicator = soci::i_null;
  long long archived_at = 0;
  soci::indicator archived_indicator = soci::i_null;

  // Adds the into() bindings to a statement being prepared (sql.prepare << …).
  void Bind(soci::details::prepare_temp_type& prepared) {
    prepared, soci::into(org.id), soci::into(parent_id, parent_indicator), soci::into(org.path), soci::into(org.level),
        soci::into(org.depth), soci::into(org.kind), soci::into(org.name), soci::into(org.secretary),
        soci::into(org.contact), soci::into(org.address), soci::into(founded_on, founded_indicator),
        soci::into(org.sector), soci::into(archived_at, archived_indicator);
  }

  Org Fill() const {
    Org result = org;
    result.parent_id = parent_indicator == soci::i_ok ? std::optional<std::int64_t>(parent_id) : std::nullopt;
    result.founded_on = founded_indicator == soci::i_ok ? std::optional<std::string>(founded_on) : std::nullopt;
    result.archived = archived_indicator == soci::i_ok;
    return result;
  }
};

std::string Select(std::string_view rest) { return "SELECT " + std::string(kOrgColumns) + std::string(rest); }

// The FTS5 query for grams: every gram, each quoted as a phrase.
std::string Fts5Query(const std::vector<std::string>& grams) {
  std::string query;
  for (const std::string& gram : grams) {
    if (!query.empty()) query += " AND ";
    query += "\"" + gram + "\"";
  }
  return query;
}

std::string JoinGrams(const std::vector<std::string>& grams) {
  std::string joined;
  for (const std::string& gram : grams) joined += (joined.empty() ? "" : " ") + gram;
  return joined;
}

}  // namespace

std::optional<Org> OrgRepository::Find(soci::session& sql, std::int64_t id) const {
  OrgRow row;
  auto prepared = (sql.prepare << Select(kSelectOrg), soci::use(id, "id"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  if (!statement.fetch()) return std::nullopt;
  return row.Fill();
}

std::vector<Org> OrgRepository::ListChildren(soci::session& sql, std::int64_t parent_id) const {
  OrgRow row;
  long long child_count = 0;
  auto prepared = (sql.prepare << Select(kSelectChildren), soci::use(parent_id, "parent_id"));
  row.Bind(prepared);
  prepared, soci::into(child_count);
  soci::statement statement(prepared);
  statement.execute();
  std::vector<Org> children;
  while (statement.fetch()) {
    children.push_back(row.Fill());
    children.back().child_count = child_count;
  }
  return children;
}

std::int64_t OrgRepository::CountLiveChildren(soci::session& sql, std::int64_t id) const {
  long long count = 0;
  sql << kCountLiveChildren, soci::use(id, "id"), soci::into(count);
  return count;
}

std::int64_t OrgRepository::CountLiveMembers(soci::session& sql, std::int64_t id) const {
  long long count = 0;
  sql << kCountLiveMembers, soci::use(id, "id"), soci::into(count);
  return count;
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

std::vector<Org> OrgRepository::Search(db::Session& session, const std::string& query_text,
                                       const std::string& scope_path, int limit) const {
  std::string query;
  std::string_view rest;
  if (core::IsSingleCharacterQuery(query_text)) {
    query = "%" + core::SearchGrams(query_text) + "%";
    rest = kSearchOneCharacter;
  } else {
    const auto grams = core::QueryGrams(query_text);
    if (grams.empty()) return {};
    const bool sqlite = session.dialect() == db::Dialect::kSqlite;
    query = sqlite ? Fts5Query(grams) : JoinGrams(grams);
    rest = sqlite ? kSearchSqlite : kSearchPostgres;
  }
  const std::string scope_end = SubtreeEnd(scope_path);
  OrgRow row;
  auto prepared = (session.sql().prepare << Select(rest), soci::use(query, "query"), soci::use(scope_path, "scope"),
                   soci::use(scope_end, "scope_end"), soci::use(limit, "limit"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  std::vector<Org> hits;
  while (statement.fetch()) hits.push_back(row.Fill());
  return hits;
}

void OrgRepository::IndexName(db::Session& session, std::int64_t id, const std::string& grams, bool replace) const {
  if (session.dialect() != db::Dialect::kSqlite) return;  // PostgreSQL indexes the column itself
  if (replace) session.sql() << kDeleteSearchRow, soci::use(id, "id");
  session.sql() << kInsertSearchRow, soci::use(id, "id"), soci::use(grams, "grams");
}

Org OrgRepository::Insert(db::Session& session, const NewOrg& new_org, const std::optional<Org>& parent,
                          std::int64_t now) const {
  Org org;
  org.parent_id = parent ? std::optional<std::int64_t>(parent->id) : std::nullopt;
  org.level = new_org.level;
  org.depth = parent ? parent->depth + 1 : 0;
  org.kind = new_org.kind;
  org.name = new_org.name;
  org.secretary = new_org.secretary;
  org.contact = new_org.contact;
  org.address = new_org.address;
  org.founded_on = new_org.founded_on;
  org.sector = new_org.sector;
  const std::string parent_path = parent ? parent->path : "/";
  long long parent_id = parent ? parent->id : 0;
  soci::indicator parent_indicator = parent ? soci::i_ok : soci::i_null;
  std::string founded_on = new_org.founded_on.value_or("");
  soci::indicator founded_indicator = new_org.founded_on ? soci::i_ok : soci::i_null;
  const std::string grams = core::SearchGrams(org.name);
  long long id = 0;
  long long created_at = now;
  session.sql() << kInsertOrg, soci::use(parent_id, parent_indicator, "parent_id"), soci::use(parent_path, "path"),
      soci::use(org.level, "level"), soci::use(org.depth, "depth"), soci::use(org.kind, "kind"),
      soci::use(org.name, "name"), soci::use(org.secretary, "secretary"), soci::use(org.contact, "contact"),
      soci::use(org.address, "address"), soci::use(founded_on, founded_indicator, "founded_on"),
      soci::use(org.sector, "sector"), soci::use(grams, "name_grams"), soci::use(created_at, "created_at"),
      soci::use(created_at, "updated_at"), soci::into(id);
  org.id = id;
  org.path = parent_path + std::to_string(id) + "/";
  session.sql() << kUpdateOrgPath, soci::use(org.path, "path"), soci::use(id, "id");
  IndexName(session, id, grams, false);
  return org;
}

void OrgRepository::Update(db::Session& session, const Org& org, std::int64_t now) const {
  std::string founded_on = org.founded_on.value_or("");
  soci::indicator founded_indicator = org.founded_on ? soci::i_ok : soci::i_null;
  const std::string grams = core::SearchGrams(org.name);
  long long updated_at = now;
  session.sql() << kUpdateOrg, soci::use(org.level, "level"), soci::use(org.kind, "kind"), soci::use(org.name, "name"),
      soci::use(org.secretary, "secretary"), soci::use(org.contact, "contact"), soci::use(org.address, "address"),
      soci::use(founded_on, founded_indicator, "founded_on"), soci::use(org.sector, "sector"),
      soci::use(grams, "name_grams"), soci::use(updated_at, "updated_at"), soci::use(org.id, "id");
  IndexName(session, org.id, grams, true);
}

void OrgRepository::Archive(soci::session& sql, std::int64_t id, std::int64_t now) const {
  sql << kArchiveOrg, soci::use(now, "now"), soci::use(now, "now2"), soci::use(id, "id");
}

void OrgRepository::MoveSubtree(soci::session& sql, const Org& org, const Org& new_parent, std::int64_t now) const {
  const std::string new_prefix = new_parent.path + std::to_string(org.id) + "/";
  // substr is 1-based: keep what follows the moved org's own path.
  const int old_length = static_cast<int>(org.path.size()) + 1;
  const int depth_change = new_parent.depth + 1 - org.depth;
  const std::string old_end = SubtreeEnd(org.path);
  sql << kMoveSubtree, soci::use(new_prefix, "new_prefix"), soci::use(old_length, "old_length"),
      soci::use(depth_change, "depth_change"), soci::use(now, "now"), soci::use(org.path, "old_path"),
      soci::use(old_end, "old_end");
  sql << kSetParent, soci::use(new_parent.id, "parent_id"), soci::use(org.id, "id");
}

std::int64_t OrgRepository::CountAll(soci::session& sql) const {
  long long count = 0;
  sql << kCountOrgs, soci::into(count);
  return count;
}

}  // namespace liandong::org
