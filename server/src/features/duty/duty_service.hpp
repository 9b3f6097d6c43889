// Rules for duty lists: duty:read to read, duty:write to change one's own org's list. An item is
// visible to the orgs it binds (its org's subtree) and to the orgs above it; every change audited
// in its transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/org_scope.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/duty/duty_model.hpp"
#include "features/duty/duty_repository.hpp"
#include "features/org/org_service.hpp"

namespace liandong::duty {

// True when an item written at `item_org_path` is visible from `scope_path`: it binds that
// subtree (written by an ancestor or the org itself) or was written inside it.
bool VisibleFrom(const std::string& item_org_path, const core::OrgScope& scope);

class DutyService {
 public:
  DutyService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
              const org::OrgService& org_service)
      : database_(database), clock_(clock), audit_service_(audit_service), org_service_(org_service) {}

  std::vector<Department> ListDepartments(const core::Actor& actor) const;
  // The items binding filter.org_id (default the actor's org) and those written in its subtree.
  std::vector<DutyItem> ListItems(const core::Actor& actor, const DutyFilter& filter) const;
  // A new item of the actor's org, for a level at or below the actor's own.
  DutyItem CreateItem(const core::Actor& actor, const NewDutyItem& input) const;
  DutyItem UpdateItem(const core::Actor& actor, std::int64_t id, const DutyItemPatch& patch) const;
  // duty.in_use while a task, supervision or accountability record names it.
  void DeleteItem(const core::Actor& actor, std::int64_t id) const;
  // Copies the actor org's items of one year to a year that has none; returns how many.
  std::int64_t CopyYear(const core::Actor& actor, const YearCopy& copy) const;

  // The item read in the caller's session, without checks: for other features, which check the
  // scope themselves (VisibleFrom).
  std::optional<DutyItem> FindItem(soci::session& sql, std::int64_t id) const { return repository_.Find(sql, id); }
  // Seeding (the demo city and tests), inside the caller's transaction and without checks.
  std::int64_t SeedItem(soci::session& sql, std::int64_t org_id, const DutyItemFields& fields, std::int64_t now) const {
    return repository_.Insert(sql, org_id, fields, now);
  }

 private:
  // The item if the actor's org wrote it; duty.not_found when invisible, duty.not_owner otherwise.
  DutyItem FindOwnItem(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // Throws the first problem with `fields` for an item of the actor's org.
  void CheckItem(soci::session& sql, const core::Actor& actor, const DutyItemFields& fields) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  DutyRepository repository_;
};

}  // namespace liandong::duty
