// SQL for the organisation tree.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "features/org/org_model.hpp"

namespace liandong::org {

class OrgRepository {
 public:
  std::optional<Org> Find(soci::session& sql, std::int64_t id) const;
  // Live children of an org, each with its count of live children, in creation order.
  std::vector<Org> ListChildren(soci::session& sql, std::int64_t parent_id) const;
  std::int64_t CountLiveChildren(soci::session& sql, std::int64_t id) const;
  std::int64_t CountLiveMembers(soci::session& sql, std::int64_t id) const;
  // Live (not archived) descendants of the org at `path`, counted per level, top level first.
  std::vector<LevelCount> CountDescendantsByLevel(soci::session& sql, const std::string& path) const;
  // Live orgs inside the subtree `scope_path` whose names contain every gram (or, for a single
  // character, that character), shallowest first.
  std::vector<Org> Search(db::Session& session, const std::string& query, const std::string& scope_path,
                          int limit) const;

  // Inserts an org under `parent` (none: a root) and returns it with its id and path.
  Org Insert(db::Session& session, const NewOrg& org, const std::optional<Org>& parent, std::int64_t now) const;
  void Update(db::Session& session, const Org& org, std::int64_t now) const;
  void Archive(soci::session& sql, std::int64_t id, std::int64_t now) const;
  // Re-paths `org` and its whole subtree under `new_parent`.
  void MoveSubtree(soci::session& sql, const Org& org, const Org& new_parent, std::int64_t now) const;
  std::int64_t CountAll(soci::session& sql) const;

 private:
  void IndexName(db::Session& session, std::int64_t id, const std::string& grams, bool replace) const;
};

}  // namespace liandong::org
