// Rules for resident units: permissions unit:read / unit:write, every unit scoped by the org it
// is located in, every change audited in its transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_model.hpp"
#include "features/unit/unit_repository.hpp"

namespace liandong::unit {

class UnitService {
 public:
  UnitService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
              const org::OrgService& org_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        repository_(database.dialect()) {}

  // A page of the live units in the subtree of `org_id` (none: the actor's own org). The query's
  UnitPage ListUnits(const core::Actor& actor, std::optional<std::int64_t> org_id, UnitQuery query) const;
  // The whole filtered list as an .xlsx in the columns of the import template (so it can be
  // re-imported), plus names for readers; at most 100,000 rows; audited as an export.
  std::string ExportUnits(const core::Actor& actor, std::optional<std::int64_t> org_id, UnitQuery query) const;
  // not_found if missing, permission_denied if located outside the actor's subtree.
  Unit GetUnit(const core::Actor& actor, std::int64_t id) const;
  // Creates a unit; the first problem with the fields is thrown (see CheckFields for the codes).
  Unit CreateUnit(const core::Actor& actor, UnitFields fields) const;
  Unit UpdateUnit(const core::Actor& actor, std::int64_t id, const UnitPatch& patch) const;
  // Archived units leave lists and coverage; they stay readable by id.
  Unit ArchiveUnit(const core::Actor& actor, std::int64_t id) const;
  // Checks every row, then creates, updates or leaves alone each valid one (matched on its credit
  // code) in one transaction; invalid rows are reported and change nothing.
  ImportResult ImportUnits(const core::Actor& actor, std::vector<ImportRow> rows) const;
  // Coverage of the live units located in the org's subtree, in total and per direct child.
  OrgCoverage GetCoverage(const core::Actor& actor, std::int64_t org_id) const;

  // The unit `id` when it lies in `scope`; otherwise not_found with `not_found_code`: how other
  // features load a unit that a user names (a member's employer, a joint committee's seat).
  Unit RequireInScope(soci::session& sql, const core::OrgScope& scope, std::int64_t id,
                      std::string_view not_found_code = "unit.not_found") const;
  // The unit read in the caller's session without a scope check: for seeding and server jobs.
  std::optional<Unit> FindUnit(soci::session& sql, std::int64_t id) const { return repository_.Find(sql, id); }
  // Inserts a unit inside the caller's transaction without checks: for seeding (the demo city).
  Unit SeedUnit(soci::session& sql, const UnitFields& fields, std::int64_t now) const;

  // Recounts the coverage roll-up from the units: after loading units in bulk (demo --scale).
  // Writes are counted as they happen; the org feature keeps the table.
  void RebuildCoverageRollup(db::Session& session) const;
  // Starts loading units in bulk with chosen ids, in the caller's open transaction, without
  // checks: for generated data sets (demo --scale) only. Recount the roll-up afterwards.
  std::unique_ptr<UnitBulkLoad> StartBulkLoad(db::Session& session, std::int64_t now) const {
    return std::make_unique<UnitBulkLoad>(session, now);
  }

 private:
  // Every problem with `fields` as a unit the actor may keep, in field order; normalises the
  // credit code. Linked orgs are checked when they differ from `current` (the stored fields, if
  // any): a link another level made to an org outside the actor's subtree does not lock the unit.
  // Does not look at other units (the callers check that the credit code is free).
  std::vector<FieldError> CheckFields(soci::session& sql, const core::Actor& actor, UnitFields& fields,
                                      const UnitFields* current) const;
  Unit FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // Counts a unit with these fields into (delta 1) or out of (-1) its org's coverage roll-up.
  void CountUnit(soci::session& sql, const UnitFields& fields, std::int64_t delta) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  UnitRepository repository_;
};

}  // namespace liandong::unit
