// SQL for the organisation tree.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/org_scope.hpp"
#include "db/bulk_insert.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"

namespace liandong::org {

// Orgs loaded in bulk with ids the caller chose (demo --scale), in the caller's open
// transaction: the org rows and, on SQLite, their search index. Nothing is checked.
class OrgBulkLoad {
 public:
  OrgBulkLoad(db::Session& session, std::int64_t now);
  // One org; `parent_id` nullopt for the root. `path` must be the parent's path + id + "/".
  void Add(std::int64_t id, std::optional<std::int64_t> parent_id, const std::string& path, std::string_view level,
           int depth, std::string_view kind, const std::string& name);
  // The org rows' inserter, for loads whose rows refer to orgs (BulkInserter::FlushFirst).
  db::BulkInserter& rows() { return orgs_; }
  // Sends what is buffered and moves PostgreSQL's id sequence past the loaded ids; call before
  // committing.
  void Finish();

 private:
  db::Session& session_;
  std::int64_t now_;
  db::BulkInserter orgs_;
  std::unique_ptr<db::BulkInserter> search_;  // SQLite only: the FTS5 table beside org
};

class OrgRepository {
 public:
  std::optional<Org> Find(soci::session& sql, std::int64_t id) const;
  // The orgs on `path` (like "/1/2/5/"), root first, in one statement; missing ones are skipped.
  std::vector<Org> FindOnPath(soci::session& sql, const std::string& path) const;
  // Live children of an org, each with its count of live children, in creation order.
  std::vector<Org> ListChildren(soci::session& sql, std::int64_t parent_id) const;
  std::int64_t CountLiveChildren(soci::session& sql, std::int64_t id) const;
  std::int64_t CountLiveMembers(soci::session& sql, std::int64_t id) const;
  // Live (not archived) descendants of the org, counted per level, top level first (a roll-up).
  std::vector<LevelCount> CountDescendantsByLevel(soci::session& sql, std::int64_t id) const;
  // Live orgs inside the subtree `scope_path` whose names contain every gram (or, for a single
  // character, that character), shallowest first.
  std::vector<Org> Search(db::Session& session, const std::string& query, const core::OrgScope& scope,
                          int limit) const;

  // Inserts an org under `parent` (none: a root) and returns it with its id and path.
  Org Insert(db::Session& session, const NewOrg& org, const std::optional<Org>& parent, std::int64_t now) const;
  void Update(db::Session& session, const Org& org, std::int64_t now) const;
  // Archives the org (as read before) and takes it out of its ancestors' roll-ups.
  void Archive(soci::session& sql, const Org& org, std::int64_t now) const;
  // Re-paths `org` and its whole subtree under `new_parent`, and moves the subtree's roll-ups
  // from the old ancestors to the new ones.
  // Moves `org` and the subtree `moved` (the org's own) under `new_parent`.
  void MoveSubtree(soci::session& sql, const Org& org, const core::OrgScope& moved, const Org& new_parent,
                   std::int64_t now) const;
  std::int64_t CountAll(soci::session& sql) const;
  // The root of the tree (the first one, should there be several); nullopt in an empty database.
  std::optional<std::int64_t> RootId(soci::session& sql) const;

  // Adds `delta` to the roll-up `measure`/`item` of every org on `path` (the last one only when
  // `include_last`); `depth` is the depth of what is counted (used by kRollupOrgLevel).
  void AdjustRollup(soci::session& sql, const std::string& path, bool include_last, std::string_view measure,
                    const std::string& item, int depth, std::int64_t delta) const;
  // The org's roll-up for one measure, summed per item (items with a zero total left out).
  std::vector<RollupCount> ReadRollup(soci::session& sql, std::int64_t id, std::string_view measure) const;
  // The org's live children, in creation order, each with its roll-up for one measure.
  std::vector<ChildRollup> ReadChildRollups(soci::session& sql, std::int64_t id, std::string_view measure) const;
  // Recounts the kRollupOrgLevel roll-up of every org from the tree (after a bulk load).
  void RebuildLevelRollup(soci::session& sql) const;
  // PostgreSQL: refreshes the org table's statistics after a bulk load (db::AnalyzeTables).
  void RefreshStatistics(db::Session& session) const;
  // The path of every org, archived ones included, by id.
  std::unordered_map<std::int64_t, std::string> PathsById(soci::session& sql) const;
  // Replaces every row of `measure` by `totals` (org id, item → total, at relative depth 0),
  // loaded in bulk.
  void ReplaceRollup(db::Session& session, std::string_view measure,
                     const std::map<std::pair<std::int64_t, std::string>, std::int64_t>& totals) const;

 private:
  void IndexName(db::Session& session, std::int64_t id, const std::string& grams, bool replace) const;
};

}  // namespace liandong::org
