// Rules for accountability records: accountability:write to record one about an org strictly below
// the actor's, linked to at least one failed item that concerns that org; accountability:read to
// list those targeting the actor's subtree. No other response carries them.
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/org_scope.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/accountability/accountability_model.hpp"
#include "features/accountability/accountability_repository.hpp"
#include "features/duty/duty_service.hpp"
#include "features/org/org_service.hpp"
#include "features/supervision/supervision_service.hpp"

namespace liandong::accountability {

class AccountabilityService {
 public:
  AccountabilityService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
                        const org::OrgService& org_service, const duty::DutyService& duty_service,
                        const supervision::SupervisionService& supervision_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        duty_service_(duty_service),
        supervision_service_(supervision_service) {}

  AccountabilityPage List(const core::Actor& actor, const AccountabilityFilter& filter) const;
  Accountability Create(const core::Actor& actor, const NewAccountability& input) const;

 private:
  // accountability.invalid_link unless every link exists and concerns the subtree at `target_path`.
  void CheckLinks(soci::session& sql, const NewAccountability& input, const core::OrgScope& target_scope) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const duty::DutyService& duty_service_;
  const supervision::SupervisionService& supervision_service_;
  AccountabilityRepository repository_;
};

}  // namespace liandong::accountability
