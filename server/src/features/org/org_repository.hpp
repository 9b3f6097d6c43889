// SQL for the organisation tree.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "features/org/org_model.hpp"

namespace liandong::org {

class OrgRepository {
 public:
  std::optional<Org> Find(soci::session& sql, std::int64_t id) const;
  // Live (not archived) descendants of the org at `path`, counted per level, top level first.
  std::vector<LevelCount> CountDescendantsByLevel(soci::session& sql, const std::string& path) const;
  // Inserts an org under `parent` (none: a root) and returns it with its id and path.
  Org Insert(soci::session& sql, const NewOrg& org, const std::optional<Org>& parent, std::int64_t now) const;
  std::int64_t CountAll(soci::session& sql) const;
};

}  // namespace liandong::org
