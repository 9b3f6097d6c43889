// Rules for street reform profiles: org:read to read, org:write to change, scoped to the actor's
// subtree; every change audited in its transaction.
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/org/org_service.hpp"
#include "features/street/street_model.hpp"
#include "features/street/street_repository.hpp"

namespace liandong::street {

class StreetService {
 public:
  StreetService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
                const org::OrgService& org_service)
      : database_(database), clock_(clock), audit_service_(audit_service), org_service_(org_service) {}

  // The street's profile (all steps still to come if none is stored); street.not_a_street for
  // an org of another level.
  StreetProfile GetProfile(const core::Actor& actor, std::int64_t org_id) const;
  // Replaces the street's profile and powers; returns what is stored.
  StreetProfile PutProfile(const core::Actor& actor, std::int64_t org_id, StreetProfile profile) const;
  // One row per street in the org's subtree, with totals.
  ReformProgress GetReformProgress(const core::Actor& actor, std::int64_t org_id) const;

  // Seeding (the demo city), inside the caller's transaction and without checks.
  void SeedProfile(soci::session& sql, const StreetProfile& profile, std::int64_t now) const {
    repository_.SaveProfile(sql, profile, now);
  }

 private:
  org::Org FindOrgInScope(soci::session& sql, const core::Actor& actor, std::int64_t org_id) const;
  org::Org FindStreetInScope(soci::session& sql, const core::Actor& actor, std::int64_t org_id) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  StreetRepository repository_;
};

}  // namespace liandong::street
