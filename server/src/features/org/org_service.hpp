// Rules for the organisation tree: every read and write is scoped to the actor's subtree.
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"
#include "features/org/org_repository.hpp"

namespace liandong::org {

class OrgService {
 public:
  explicit OrgService(db::Database& database) : database_(database) {}

  // The org with its ancestors; not_found if missing, permission_denied outside the actor's subtree.
  OrgWithAncestors GetOrg(const core::Actor& actor, std::int64_t id) const;
  // Counts of the org's descendants per level, scoped like GetOrg.
  OrgStats GetStats(const core::Actor& actor, std::int64_t id) const;
  // The org with its ancestors, for building the signed-in user's own view (no scope check).
  OrgWithAncestors GetOwnOrg(std::int64_t org_id) const;

  // Inserts an org inside the caller's transaction, without a permission check: for seeding
  // (the demo city) only. `new_org.parent_id` must exist.
  Org SeedOrg(soci::session& sql, const NewOrg& new_org, std::int64_t now) const;
  std::int64_t CountOrgs(soci::session& sql) const { return repository_.CountAll(sql); }
  // The org `id` read in the caller's session, without a scope check: for other features, which
  // check the scope themselves (InSubtree) against the objects they hold.
  std::optional<Org> FindOrg(soci::session& sql, std::int64_t id) const { return repository_.Find(sql, id); }

 private:
  OrgWithAncestors LoadWithAncestors(db::Session& session, const Org& org) const;
  Org FindInScope(db::Session& session, const core::Actor& actor, std::int64_t id) const;

  db::Database& database_;
  OrgRepository repository_;
};

}  // namespace liandong::org
