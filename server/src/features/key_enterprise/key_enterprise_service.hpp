// Rules of key enterprises managed by both sides. key_enterprise:read reads the enterprises whose
// street (块) or agency (条) lies in the actor's subtree; key_enterprise:write lets a street list a
// key-enterprise unit of its territory with an agency serving it, and lets either side write the
// shared log: visits, and issues that either side resolves. Each write is audited and tells the
// other side through its inbox.
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/key_enterprise/key_enterprise_model.hpp"
#include "features/key_enterprise/key_enterprise_repository.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::key_enterprise {

class KeyEnterpriseService {
 public:
  KeyEnterpriseService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                       const org::OrgService& org_service, const unit::UnitService& unit_service,
                       const notification::NotificationService& notification_service)
      : database_(database),
        clock_(clock),
        audit_(audit),
        org_service_(org_service),
        unit_service_(unit_service),
        notification_service_(notification_service) {}

  KeyEnterprise Create(const core::Actor& actor, const NewKeyEnterprise& input) const;
  KeyEnterprisePage List(const core::Actor& actor, const KeyEnterpriseFilter& filter) const;
  KeyEnterpriseDetail Get(const core::Actor& actor, std::int64_t id) const;
  Entry AddEntry(const core::Actor& actor, std::int64_t id, const NewEntry& input) const;
  Entry Resolve(const core::Actor& actor, std::int64_t entry_id, const std::string& resolution) const;

  // Without checks, in the caller's transaction: the demo city and generated data sets.
  std::int64_t Seed(soci::session& sql, const NewKeyEnterprise& input, const std::string& listed_on,
                    std::int64_t created_by, std::int64_t now) const {
    return repository_.Insert(sql, input, listed_on, created_by, now);
  }
  std::int64_t SeedEntry(soci::session& sql, std::int64_t id, const NewEntry& input, const std::string& side,
                         std::int64_t org_id, std::int64_t recorded_by, std::int64_t now) const {
    return repository_.InsertEntry(sql, id, input, side, org_id, recorded_by, now);
  }
  void SeedResolution(soci::session& sql, std::int64_t entry_id, const std::string& resolved_on,
                      const std::string& resolution, std::int64_t org_id) const {
    repository_.Resolve(sql, entry_id, resolved_on, resolution, org_id);
  }

 private:
  // The enterprise when its street or agency lies in the actor's subtree; not_found else.
  KeyEnterprise FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // Tells the side that did not write: the agency when the street wrote, the street otherwise.
  void TellOtherSide(soci::session& sql, const KeyEnterprise& enterprise, const std::string& side,
                     const std::string& title, const std::string& body) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const org::OrgService& org_service_;
  const unit::UnitService& unit_service_;
  const notification::NotificationService& notification_service_;
  KeyEnterpriseRepository repository_;
};

}  // namespace liandong::key_enterprise
