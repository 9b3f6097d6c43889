#include "features/org/org_service.hpp"

#include "core/error.hpp"

namespace liandong::org {

using core::AppError;
using core::ErrorKind;

Org OrgService::FindInScope(db::Session& session, const core::Actor& actor, std::int64_t id) const {
  auto org = repository_.Find(session.sql(), id);
  if (!org) throw AppError(ErrorKind::kNotFound, "org.not_found");
  if (!InSubtree(org->path, actor.org_path)) {
    throw AppError(ErrorKind::kPermissionDenied, "auth.permission_denied", "org outside the actor's subtree");
  }
  return *org;
}

OrgWithAncestors OrgService::LoadWithAncestors(db::Session& session, const Org& org) const {
  OrgWithAncestors result{org, {}};
  for (std::int64_t id : IdsOnPath(org.path)) {
    if (id == org.id) {
      result.lineage.push_back(org);
    } else if (auto ancestor = repository_.Find(session.sql(), id)) {
      result.lineage.push_back(std::move(*ancestor));
    }
  }
  return result;
}

OrgWithAncestors OrgService::GetOrg(const core::Actor& actor, std::int64_t id) const {
  db::Session session(database_);
  return LoadWithAncestors(session, FindInScope(session, actor, id));
}

OrgWithAncestors OrgService::GetOwnOrg(std::int64_t org_id) const {
  db::Session session(database_);
  auto org = repository_.Find(session.sql(), org_id);
  if (!org) throw AppError(ErrorKind::kNotFound, "org.not_found");
  return LoadWithAncestors(session, *org);
}

Org OrgService::SeedOrg(soci::session& sql, const NewOrg& new_org, std::int64_t now) const {
  std::optional<Org> parent;
  if (new_org.parent_id) {
    parent = repository_.Find(sql, *new_org.parent_id);
    if (!parent) throw AppError(ErrorKind::kNotFound, "org.not_found", "parent");
  }
  return repository_.Insert(sql, new_org, parent, now);
}

OrgStats OrgService::GetStats(const core::Actor& actor, std::int64_t id) const {
  db::Session session(database_);
  const Org org = FindInScope(session, actor, id);
  OrgStats stats;
  stats.org_id = org.id;
  stats.by_level = repository_.CountDescendantsByLevel(session.sql(), org.path);
  for (const LevelCount& count : stats.by_level) stats.total += count.count;
  return stats;
}

}  // namespace liandong::org
