// Rules of the streets' power acts (处置权、建议权、参与权、督办权、人事任免建议权 exercised towards an
// agency serving the street). power:act lets a street make an act and record its outcome;
// power:answer lets the targeted agency answer; power:read reads the acts of streets in the
// actor's subtree and those aimed at its agency, except personnel_recommendation acts, which need
// power:personnel as well (to make them too). Every change is audited and notified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/whistle/whistle_model.hpp"
#include "features/whistle/whistle_repository.hpp"

namespace liandong::whistle {

class PowerActService {
 public:
  PowerActService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                  const org::OrgService& org_service, const notification::NotificationService& notification_service)
      : database_(database),
        clock_(clock),
        audit_(audit),
        org_service_(org_service),
        notification_service_(notification_service) {}

  PowerAct Create(const core::Actor& actor, const NewPowerAct& input) const;
  PowerActPage List(const core::Actor& actor, const PowerActFilter& filter) const;
  PowerActDetail Get(const core::Actor& actor, std::int64_t id) const;
  PowerAct Answer(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  PowerAct Conclude(const core::Actor& actor, std::int64_t id, const std::string& outcome,
                    const std::string& text) const;
  // Acts per agency as they stood at `at` (UTC seconds), for streets of the subtree of `org_id`.
  std::vector<AgencyActCount> CountByAgency(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                            std::int64_t at) const;

  static bool IsPower(const std::string& power);

 private:
  // The act when the actor may read it (confidential ones need power:personnel); not_found else.
  PowerAct FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const org::OrgService& org_service_;
  const notification::NotificationService& notification_service_;
  WhistleRepository repository_;
};

}  // namespace liandong::whistle
