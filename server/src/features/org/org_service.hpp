// Rules for the organisation tree: every read and write is scoped to the actor's subtree, every
// change is audited in its own transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/org_scope.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/org/org_model.hpp"
#include "features/org/org_repository.hpp"

namespace liandong::org {

enum class SearchScope {
  kSubtree,   // the actor's own subtree (the default)
  kAnywhere,  // the whole tree, names only: to pick the receiving org of a transfer
};

class OrgService {
 public:
  OrgService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit)
      : database_(database), clock_(clock), audit_(audit) {}

  // The org with its ancestors and child count; not_found if missing, permission_denied outside
  // the actor's subtree.
  OrgWithAncestors GetOrg(const core::Actor& actor, std::int64_t id) const;
  std::vector<Org> ListChildren(const core::Actor& actor, std::int64_t id) const;
  // Counts of the org's descendants per level, scoped like GetOrg.
  OrgStats GetStats(const core::Actor& actor, std::int64_t id) const;
  std::vector<OrgSearchHit> Search(const core::Actor& actor, const std::string& query, SearchScope scope,
                                   int limit) const;

  OrgWithAncestors CreateOrg(const core::Actor& actor, const NewOrg& new_org) const;
  OrgWithAncestors UpdateOrg(const core::Actor& actor, std::int64_t id, const OrgChanges& changes) const;
  // Archives an org with no live children and no members (org.not_empty otherwise).
  OrgWithAncestors ArchiveOrg(const core::Actor& actor, std::int64_t id) const;
  // Moves the org and its subtree under a new parent, atomically.
  OrgWithAncestors MoveOrg(const core::Actor& actor, std::int64_t id, std::int64_t new_parent_id) const;

  // The org with its ancestors, for building the signed-in user's own view (no scope check).
  OrgWithAncestors GetOwnOrg(std::int64_t org_id) const;
  // The org `id` when it lies in `scope`; otherwise not_found with `not_found_code` (the same
  // answer for an org outside the subtree as for none): how every feature loads an org named by a
  // user, in a path or a body.
  Org RequireInScope(soci::session& sql, const core::OrgScope& scope, std::int64_t id,
                     std::string_view not_found_code = "org.not_found") const;
  // The actor's scope, or (given `org_id`, as lists take ?org=) the subtree of that org inside it.
  core::OrgScope ScopeOf(soci::session& sql, const core::Actor& actor, std::optional<std::int64_t> org_id) const;

  // Inserts an org inside the caller's transaction, without a permission check: for seeding
  // (the demo city) only. `new_org.parent_id` must exist.
  Org SeedOrg(db::Session& session, const NewOrg& new_org) const;
  std::int64_t CountOrgs(soci::session& sql) const { return repository_.CountAll(sql); }
  // The root org's id, for command-line tools acting for nobody; nullopt in an empty database.
  std::optional<std::int64_t> RootOrgId(soci::session& sql) const { return repository_.RootId(sql); }
  // The org `id` read in the caller's session, without a scope check: for server jobs and for
  // the rules that follow from an object already checked (a task node's parent org).
  std::optional<Org> FindOrg(soci::session& sql, std::int64_t id) const { return repository_.Find(sql, id); }
  // The orgs on a path, root first (an org's lineage), in one statement.
  std::vector<Org> FindOnPath(soci::session& sql, const std::string& path) const {
    return repository_.FindOnPath(sql, path);
  }

  // Roll-ups that other features keep (kRollupUnitCoverage): adds `delta` to `item` of the org
  // and of each of its ancestors, inside the caller's transaction.
  void AdjustRollup(soci::session& sql, std::int64_t org_id, std::string_view measure, const std::string& item,
                    std::int64_t delta) const;
  std::vector<RollupCount> ReadRollup(soci::session& sql, std::int64_t org_id, std::string_view measure) const {
    return repository_.ReadRollup(sql, org_id, measure);
  }
  std::vector<ChildRollup> ReadChildRollups(soci::session& sql, std::int64_t org_id, std::string_view measure) const {
    return repository_.ReadChildRollups(sql, org_id, measure);
  }
  // Recounts a roll-up another feature keeps (kRollupMember, kRollupUnitCoverage), inside the
  // caller's transaction: `direct_counts` are counts at each org itself, which this sums into the
  // subtree totals of the org and its ancestors. After loading rows in bulk (demo --scale).
  void RebuildRollup(db::Session& session, std::string_view measure,
                     const std::vector<OrgItemCount>& direct_counts) const;
  // Starts loading orgs in bulk with chosen ids, in the caller's open transaction, without checks:
  // for generated data sets (demo --scale) only. Recount the roll-ups afterwards.
  std::unique_ptr<OrgBulkLoad> StartBulkLoad(db::Session& session, std::int64_t now) const {
    return std::make_unique<OrgBulkLoad>(session, now);
  }
  // Recounts the orgs' own roll-up from the tree: after loading orgs in bulk (demo --scale).
  // PostgreSQL first learns the table's new size, or it plans the recount as a scan per row.
  void RebuildLevelRollup(db::Session& session) const {
    repository_.RefreshStatistics(session);
    repository_.RebuildLevelRollup(session.sql());
  }

 private:
  OrgWithAncestors LoadWithAncestors(db::Session& session, const Org& org) const;
  void Validate(const Org& org) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  OrgRepository repository_;
};

}  // namespace liandong::org
