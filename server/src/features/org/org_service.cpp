#include "features/org/org_service.hpp"

#include <map>

#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::org {

using core::AppError;
using core::ErrorKind;

namespace {

constexpr std::size_t kMaxNameLength = 100;

// At most `max_length` characters, or request.text_too_long naming the field.
void RequireText(const std::string& value, std::size_t max_length, const char* field) {
  if (core::CharacterCount(value) > max_length) {
    throw AppError(ErrorKind::kInvalidArgument, "request.text_too_long", field).WithField(field);
  }
}

}  // namespace

Org OrgService::RequireInScope(soci::session& sql, const core::OrgScope& scope, std::int64_t id,
                               std::string_view not_found_code) const {
  return core::RequireInScope(scope, repository_.Find(sql, id), [](const Org& org) { return org.path; },
                              not_found_code);
}

core::OrgScope OrgService::ScopeOf(soci::session& sql, const core::Actor& actor,
                                   std::optional<std::int64_t> org_id) const {
  const core::OrgScope own = core::OrgScope::Of(actor);
  if (!org_id) return own;
  return *own.Narrow(RequireInScope(sql, own, *org_id).path);
}

OrgWithAncestors OrgService::LoadWithAncestors(db::Session& session, const Org& org) const {
  OrgWithAncestors result{org, {}};
  result.org.child_count = repository_.CountLiveChildren(session.sql(), org.id);
  for (Org& ancestor : repository_.FindOnPath(session.sql(), org.path)) {
    result.lineage.push_back(ancestor.id == org.id ? result.org : std::move(ancestor));
  }
  return result;
}

void OrgService::Validate(const Org& org) const {
  std::string trimmed = org.name;
  if (trimmed.find_first_not_of(" \t") == std::string::npos) {
    throw AppError(ErrorKind::kInvalidArgument, "org.invalid_name").WithField("name");
  }
  RequireText(org.name, kMaxNameLength, "name");
  if (!IsValidLevel(org.level)) throw AppError(ErrorKind::kInvalidArgument, "org.invalid_level");
  if (!IsKnownKind(org.kind)) throw AppError(ErrorKind::kInvalidArgument, "org.invalid_kind");
  if (org.founded_on && !core::IsIsoDate(*org.founded_on)) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_date", "founded_on");
  }
  RequireText(org.secretary, 200, "secretary");
  RequireText(org.contact, 200, "contact");
  RequireText(org.address, 500, "address");
  RequireText(org.sector, 200, "sector");
}

OrgWithAncestors OrgService::GetOrg(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "org:read");
  db::Session session(database_);
  return LoadWithAncestors(session, RequireInScope(session.sql(), core::OrgScope::Of(actor), id));
}

std::vector<Org> OrgService::ListChildren(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "org:read");
  db::Session session(database_);
  const Org org = RequireInScope(session.sql(), core::OrgScope::Of(actor), id);
  return repository_.ListChildren(session.sql(), org.id);
}

OrgWithAncestors OrgService::GetOwnOrg(std::int64_t org_id) const {
  db::Session session(database_);
  auto org = repository_.Find(session.sql(), org_id);
  if (!org) throw AppError(ErrorKind::kNotFound, "org.not_found");
  return LoadWithAncestors(session, *org);
}

OrgStats OrgService::GetStats(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "org:read");
  db::Session session(database_);
  const Org org = RequireInScope(session.sql(), core::OrgScope::Of(actor), id);
  OrgStats stats;
  stats.org_id = org.id;
  stats.by_level = repository_.CountDescendantsByLevel(session.sql(), org.id);
  for (const LevelCount& count : stats.by_level) stats.total += count.count;
  return stats;
}

std::vector<OrgSearchHit> OrgService::Search(const core::Actor& actor, const std::string& query, SearchScope scope,
                                             int limit) const {
  core::RequirePermission(actor, "org:read");
  if (limit < 1 || limit > 100) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "limit");
  db::Session session(database_);
  // Anywhere: the whole tree, which has one root (migration 0021), the first org on every path.
  const core::OrgScope own = core::OrgScope::Of(actor);
  const core::OrgScope searched =
      scope == SearchScope::kAnywhere ? core::OrgScope::WholeTree("/" + std::to_string(own.Ids().front()) + "/") : own;
  std::vector<OrgSearchHit> hits;
  std::map<std::int64_t, Org> ancestors;
  for (Org& org : repository_.Search(session, query, searched, limit)) {
    OrgSearchHit hit{std::move(org), {}};
    for (std::int64_t id : core::IdsOnPath(hit.org.path)) {
      if (id == hit.org.id) {
        hit.lineage.push_back(hit.org);
        continue;
      }
      auto cached = ancestors.find(id);
      if (cached == ancestors.end()) {
        auto ancestor = repository_.Find(session.sql(), id);
        if (!ancestor) continue;
        cached = ancestors.emplace(id, std::move(*ancestor)).first;
      }
      hit.lineage.push_back(cached->second);
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

OrgWithAncestors OrgService::CreateOrg(const core::Actor& actor, const NewOrg& new_org) const {
  core::RequirePermission(actor, "org:write");
  if (!new_org.parent_id) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "parent_id");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Org parent = RequireInScope(session.sql(), core::OrgScope::Of(actor), *new_org.parent_id);
  if (parent.archived) throw AppError(ErrorKind::kConflict, "org.parent_archived");
  Org candidate;
  candidate.name = new_org.name;
  candidate.level = new_org.level;
  candidate.kind = new_org.kind;
  candidate.secretary = new_org.secretary;
  candidate.contact = new_org.contact;
  candidate.address = new_org.address;
  candidate.founded_on = new_org.founded_on;
  candidate.sector = new_org.sector;
  Validate(candidate);
  const Org org = repository_.Insert(session, new_org, parent, clock_.NowSeconds());
  audit_.Record(session.sql(), actor, {"org.create", "org", org.id, "ok", org.name});
  OrgWithAncestors result = LoadWithAncestors(session, org);
  transaction.Commit();
  return result;
}

OrgWithAncestors OrgService::UpdateOrg(const core::Actor& actor, std::int64_t id, const OrgChanges& changes) const {
  core::RequirePermission(actor, "org:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  Org org = RequireInScope(session.sql(), core::OrgScope::Of(actor), id);
  const std::string previous_level = org.level;
  if (changes.level) org.level = *changes.level;
  if (changes.kind) org.kind = *changes.kind;
  if (changes.name) org.name = *changes.name;
  if (changes.secretary) org.secretary = *changes.secretary;
  if (changes.contact) org.contact = *changes.contact;
  if (changes.address) org.address = *changes.address;
  if (changes.founded_on) org.founded_on = *changes.founded_on;
  if (changes.sector) org.sector = *changes.sector;
  Validate(org);
  repository_.Update(session, org, clock_.NowSeconds());
  if (org.level != previous_level && !org.archived) {
    repository_.AdjustRollup(session.sql(), org.path, false, kRollupOrgLevel, previous_level, org.depth, -1);
    repository_.AdjustRollup(session.sql(), org.path, false, kRollupOrgLevel, org.level, org.depth, 1);
  }
  audit_.Record(session.sql(), actor, {"org.update", "org", org.id, "ok", org.name});
  OrgWithAncestors result = LoadWithAncestors(session, org);
  transaction.Commit();
  return result;
}

OrgWithAncestors OrgService::ArchiveOrg(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "org:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  Org org = RequireInScope(session.sql(), core::OrgScope::Of(actor), id);
  if (org.id == actor.org_id) {
    throw AppError(ErrorKind::kPermissionDenied, "auth.permission_denied", "cannot archive one's own org");
  }
  if (!org.archived) {
    if (repository_.CountLiveChildren(session.sql(), org.id) > 0 ||
        repository_.CountLiveMembers(session.sql(), org.id) > 0) {
      throw AppError(ErrorKind::kConflict, "org.not_empty");
    }
    repository_.Archive(session.sql(), org, clock_.NowSeconds());
    audit_.Record(session.sql(), actor, {"org.archive", "org", org.id, "ok", org.name});
    org.archived = true;
  }
  OrgWithAncestors result = LoadWithAncestors(session, org);
  transaction.Commit();
  return result;
}

OrgWithAncestors OrgService::MoveOrg(const core::Actor& actor, std::int64_t id, std::int64_t new_parent_id) const {
  core::RequirePermission(actor, "org:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const Org org = RequireInScope(session.sql(), scope, id);
  const Org new_parent = RequireInScope(session.sql(), scope, new_parent_id);
  const core::OrgScope moved = *scope.Narrow(org.path);
  if (org.id == actor.org_id || moved.Contains(new_parent.path)) {
    throw AppError(ErrorKind::kInvalidArgument, "org.invalid_move", "into its own subtree");
  }
  if (new_parent.archived) throw AppError(ErrorKind::kConflict, "org.parent_archived");
  if (org.parent_id != new_parent.id) {
    repository_.MoveSubtree(session.sql(), org, moved, new_parent, clock_.NowSeconds());
    audit_.Record(
        session.sql(), actor,
        {"org.move", "org", org.id, "ok", org.path + " -> " + new_parent.path + std::to_string(org.id) + "/"});
  }
  OrgWithAncestors result = LoadWithAncestors(session, *repository_.Find(session.sql(), org.id));
  transaction.Commit();
  return result;
}

void OrgService::AdjustRollup(soci::session& sql, std::int64_t org_id, std::string_view measure,
                              const std::string& item, std::int64_t delta) const {
  const auto org = repository_.Find(sql, org_id);
  if (!org) throw AppError(ErrorKind::kNotFound, "org.not_found");
  repository_.AdjustRollup(sql, org->path, true, measure, item, org->depth, delta);
}

Org OrgService::SeedOrg(db::Session& session, const NewOrg& new_org) const {
  std::optional<Org> parent;
  if (new_org.parent_id) {
    parent = repository_.Find(session.sql(), *new_org.parent_id);
    if (!parent) throw AppError(ErrorKind::kNotFound, "org.not_found", "parent");
  }
  return repository_.Insert(session, new_org, parent, clock_.NowSeconds());
}

void OrgService::RebuildRollup(db::Session& session, std::string_view measure,
                               const std::vector<OrgItemCount>& direct_counts) const {
  const std::unordered_map<std::int64_t, std::string> paths = repository_.PathsById(session.sql());
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> totals;
  for (const OrgItemCount& count : direct_counts) {
    const auto path = paths.find(count.org_id);
    if (path == paths.end()) continue;  // a row's org always exists (foreign key)
    for (const std::int64_t ancestor : core::IdsOnPath(path->second)) totals[{ancestor, count.item}] += count.count;
  }
  repository_.ReplaceRollup(session, measure, totals);
}

}  // namespace liandong::org
