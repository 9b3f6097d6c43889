#include "features/org/org_repository.hpp"

#include <string_view>
#include <tuple>

#include "core/text_search.hpp"
#include "db/bulk_insert.hpp"

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
  SELECT item, SUM(total)
  FROM org_rollup
  WHERE org_id = :id AND measure = :measure AND total <> 0
  GROUP BY item
  ORDER BY MIN(relative_depth), item
)sql";

constexpr std::string_view kAdjustRollup = R"sql(
  INSERT INTO org_rollup (org_id, measure, item, relative_depth, total)
  VALUES (:org_id, :measure, :item, :relative_depth, :delta)
  ON CONFLICT (org_id, measure, item, relative_depth) DO UPDATE SET total = org_rollup.total + excluded.total
)sql";

constexpr std::string_view kSelectRollupRows = R"sql(
  SELECT measure, item, relative_depth, total
  FROM org_rollup
  WHERE org_id = :id AND total <> 0
)sql";

constexpr std::string_view kSelectRollup = R"sql(
  SELECT item, SUM(total)
  FROM org_rollup
  WHERE org_id = :id AND measure = :measure AND total <> 0
  GROUP BY item
  ORDER BY item
)sql";

constexpr std::string_view kSelectChildRollups = R"sql(
  SELECT c.id, c.name, c.level, r.item, r.total
  FROM org c
  LEFT JOIN org_rollup r ON r.org_id = c.id AND r.measure = :measure AND r.total <> 0
  WHERE c.parent_id = :id AND c.archived_at IS NULL
  ORDER BY c.id, r.item
)sql";

constexpr std::string_view kDeleteRollup = "DELETE FROM org_rollup WHERE measure = :measure";

// The same count as migration 0015, for data loaded in bulk.
constexpr std::string_view kRebuildLevelRollup = R"sql(
  INSERT INTO org_rollup (org_id, measure, item, relative_depth, total)
  SELECT a.id, :measure, d.level, d.depth - a.depth, COUNT(*)
  FROM org a
  JOIN org d ON d.path > a.path AND d.path < substr(a.path, 1, length(a.path) - 1) || '0'
  WHERE d.archived_at IS NULL
  GROUP BY a.id, d.level, d.depth - a.depth
)sql";

constexpr std::string_view kSelectAllPaths = "SELECT id, path FROM org";
constexpr std::string_view kRollupTable = "org_rollup";
constexpr std::string_view kOrgTable = "org";
constexpr std::string_view kOrgSearchTable = "org_search";  // SQLite's FTS5 index of org names
// The columns OrgBulkLoad fills, in its order.
const std::vector<std::string> kBulkOrgColumns = {"id",   "parent_id", "path",       "level",      "depth",
                                                  "kind", "name",      "name_grams", "created_at", "updated_at"};
const std::vector<std::string> kBulkOrgSearchColumns = {"rowid", "grams"};

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
constexpr std::string_view kSelectRootId = "SELECT MIN(id) FROM org WHERE parent_id IS NULL";

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

  // Adds the into() bindings to a statement being prepared (sql.prepare << …) or run once (sql << …).
  template <typename Statement>
  void Bind(Statement& prepared) {
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
  // Run once rather than prepared: on PostgreSQL, SOCI prepares, runs and deallocates a prepared
  // statement (three round trips); a one-off query is one. Every scoped request reads orgs.
  OrgRow row;
  {
    auto once = (sql << Select(kSelectOrg), soci::use(id, "id"));
    row.Bind(once);
  }
  if (!sql.got_data()) return std::nullopt;
  return row.Fill();
}

std::vector<Org> OrgRepository::FindOnPath(soci::session& sql, const std::string& path) const {
  std::vector<Org> orgs;
  const std::vector<std::int64_t> ids = core::IdsOnPath(path);
  if (ids.empty()) return orgs;
  std::string list;
  for (const std::int64_t id : ids) list += (list.empty() ? "(" : ",") + std::to_string(id);
  OrgRow row;
  auto prepared = (sql.prepare << Select("FROM org o WHERE o.id IN " + list + ") ORDER BY o.depth"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) orgs.push_back(row.Fill());
  return orgs;
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

std::vector<LevelCount> OrgRepository::CountDescendantsByLevel(soci::session& sql, std::int64_t id) const {
  const std::string measure(kRollupOrgLevel);
  std::string level;
  long long count = 0;
  soci::statement statement = (sql.prepare << kCountDescendantsByLevel, soci::use(id, "id"),
                               soci::use(measure, "measure"), soci::into(level), soci::into(count));
  statement.execute();
  std::vector<LevelCount> counts;
  while (statement.fetch()) counts.push_back(LevelCount{level, count});
  return counts;
}

std::vector<Org> OrgRepository::Search(db::Session& session, const std::string& query_text,
                                       const core::OrgScope& scope, int limit) const {
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
  OrgRow row;
  auto prepared = (session.sql().prepare << Select(rest), soci::use(query, "query"), soci::use(scope.Path(), "scope"),
                   soci::use(scope.End(), "scope_end"), soci::use(limit, "limit"));
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
  AdjustRollup(session.sql(), org.path, false, kRollupOrgLevel, org.level, org.depth, 1);
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

void OrgRepository::Archive(soci::session& sql, const Org& org, std::int64_t now) const {
  sql << kArchiveOrg, soci::use(now, "now"), soci::use(now, "now2"), soci::use(org.id, "id");
  if (!org.archived) AdjustRollup(sql, org.path, false, kRollupOrgLevel, org.level, org.depth, -1);
}

void OrgRepository::MoveSubtree(soci::session& sql, const Org& org, const core::OrgScope& moved, const Org& new_parent,
                                std::int64_t now) const {
  const std::string new_prefix = new_parent.path + std::to_string(org.id) + "/";
  // substr is 1-based: keep what follows the moved org's own path.
  const int old_length = static_cast<int>(org.path.size()) + 1;
  const int depth_change = new_parent.depth + 1 - org.depth;
  // The subtree's counts (and the org itself) leave the old ancestors and join the new ones.
  std::vector<std::tuple<std::string, std::string, int, long long>> rows;
  {
    std::string measure, item;
    int relative_depth = 0;
    long long total = 0;
    soci::statement statement = (sql.prepare << kSelectRollupRows, soci::use(org.id, "id"), soci::into(measure),
                                 soci::into(item), soci::into(relative_depth), soci::into(total));
    statement.execute();
    while (statement.fetch()) rows.emplace_back(measure, item, relative_depth, total);
  }
  if (!org.archived) rows.emplace_back(std::string(kRollupOrgLevel), org.level, 0, 1);
  const std::string old_parent_path = org.path.substr(0, org.path.rfind('/', org.path.size() - 2) + 1);
  for (const auto& [measure, item, relative_depth, total] : rows) {
    AdjustRollup(sql, old_parent_path, true, measure, item, org.depth + relative_depth, -total);
    AdjustRollup(sql, new_parent.path, true, measure, item, new_parent.depth + 1 + relative_depth, total);
  }
  sql << kMoveSubtree, soci::use(new_prefix, "new_prefix"), soci::use(old_length, "old_length"),
      soci::use(depth_change, "depth_change"), soci::use(now, "now"), soci::use(moved.Path(), "old_path"),
      soci::use(moved.End(), "old_end");
  sql << kSetParent, soci::use(new_parent.id, "parent_id"), soci::use(org.id, "id");
}

void OrgRepository::AdjustRollup(soci::session& sql, const std::string& path, bool include_last,
                                 std::string_view measure, const std::string& item, int depth,
                                 std::int64_t delta) const {
  std::vector<std::int64_t> ids = core::IdsOnPath(path);
  if (!include_last && !ids.empty()) ids.pop_back();
  if (ids.empty() || delta == 0) return;
  const std::string measure_text(measure);
  const bool by_depth = measure == kRollupOrgLevel;
  long long org_id = 0;
  int relative_depth = 0;
  long long change = delta;
  soci::statement statement =
      (sql.prepare << kAdjustRollup, soci::use(org_id, "org_id"), soci::use(measure_text, "measure"),
       soci::use(item, "item"), soci::use(relative_depth, "relative_depth"), soci::use(change, "delta"));
  // An org's depth is its position on the path: the root is at depth 0.
  for (std::size_t ancestor_depth = 0; ancestor_depth < ids.size(); ++ancestor_depth) {
    org_id = ids[ancestor_depth];
    relative_depth = by_depth ? depth - static_cast<int>(ancestor_depth) : 0;
    statement.execute(true);
  }
}

std::vector<RollupCount> OrgRepository::ReadRollup(soci::session& sql, std::int64_t id,
                                                   std::string_view measure) const {
  const std::string measure_text(measure);
  std::string item;
  long long total = 0;
  soci::statement statement = (sql.prepare << kSelectRollup, soci::use(id, "id"), soci::use(measure_text, "measure"),
                               soci::into(item), soci::into(total));
  statement.execute();
  std::vector<RollupCount> counts;
  while (statement.fetch()) counts.push_back(RollupCount{item, total});
  return counts;
}

std::vector<ChildRollup> OrgRepository::ReadChildRollups(soci::session& sql, std::int64_t id,
                                                         std::string_view measure) const {
  const std::string measure_text(measure);
  long long child_id = 0;
  std::string name, level, item;
  soci::indicator item_indicator = soci::i_null, total_indicator = soci::i_null;
  long long total = 0;
  soci::statement statement = (sql.prepare << kSelectChildRollups, soci::use(measure_text, "measure"),
                               soci::use(id, "id"), soci::into(child_id), soci::into(name), soci::into(level),
                               soci::into(item, item_indicator), soci::into(total, total_indicator));
  statement.execute();
  std::vector<ChildRollup> children;
  while (statement.fetch()) {
    if (children.empty() || children.back().org_id != child_id)
      children.push_back(ChildRollup{child_id, name, level, {}});
    if (item_indicator == soci::i_ok && total_indicator == soci::i_ok) {
      children.back().counts.push_back(RollupCount{item, total});
    }
  }
  return children;
}

void OrgRepository::RebuildLevelRollup(soci::session& sql) const {
  const std::string measure(kRollupOrgLevel);
  sql << kDeleteRollup, soci::use(measure, "measure");
  sql << kRebuildLevelRollup, soci::use(measure, "measure");
}

void OrgRepository::RefreshStatistics(db::Session& session) const {
  db::AnalyzeTables(session, {std::string(kOrgTable)});
}

std::int64_t OrgRepository::CountAll(soci::session& sql) const {
  long long count = 0;
  sql << kCountOrgs, soci::into(count);
  return count;
}

std::optional<std::int64_t> OrgRepository::RootId(soci::session& sql) const {
  long long id = 0;
  soci::indicator indicator = soci::i_null;
  sql << kSelectRootId, soci::into(id, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return id;
}

std::unordered_map<std::int64_t, std::string> OrgRepository::PathsById(soci::session& sql) const {
  std::unordered_map<std::int64_t, std::string> paths;
  long long id = 0;
  std::string path;
  soci::statement statement = (sql.prepare << kSelectAllPaths, soci::into(id), soci::into(path));
  statement.execute();
  while (statement.fetch()) paths.emplace(id, path);
  return paths;
}

void OrgRepository::ReplaceRollup(db::Session& session, std::string_view measure,
                                  const std::map<std::pair<std::int64_t, std::string>, std::int64_t>& totals) const {
  const std::string measure_name(measure);
  session.sql() << kDeleteRollup, soci::use(measure_name, "measure");
  db::BulkInserter rows(session, std::string(kRollupTable), {"org_id", "measure", "item", "relative_depth", "total"});
  for (const auto& [key, total] : totals) {
    rows.Add({key.first, std::string_view(measure_name), std::string_view(key.second), 0, total});
  }
  rows.Finish();
}

OrgBulkLoad::OrgBulkLoad(db::Session& session, std::int64_t now)
    : session_(session),
      now_(now),
      orgs_(session, std::string(kOrgTable), kBulkOrgColumns),
      search_(session.dialect() == db::Dialect::kSqlite
                  ? std::make_unique<db::BulkInserter>(session, std::string(kOrgSearchTable), kBulkOrgSearchColumns)
                  : nullptr) {}

void OrgBulkLoad::Add(std::int64_t id, std::optional<std::int64_t> parent_id, const std::string& path,
                      std::string_view level, int depth, std::string_view kind, const std::string& name) {
  const std::string grams = core::SearchGrams(name);
  orgs_.Add(
      {id, parent_id ? db::BulkValue(*parent_id) : db::BulkValue(), path, level, depth, kind, name, grams, now_, now_});
  if (search_) search_->Add({id, grams});
}

void OrgBulkLoad::Finish() {
  orgs_.Finish();
  if (search_) search_->Finish();
  db::ResetIdSequences(session_, {std::string(kOrgTable)});
}

}  // namespace liandong::org
