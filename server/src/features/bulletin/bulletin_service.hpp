// 情况通报: figures per child org of a scope for a period, computed from the task and supervision
// records as of the moment the bulletin is made, so that each figure can be traced to the records
// behind it (the drill-downs re-apply the same rules at as_of). Rankings are of organisations
// only. Publishing notifies the orgs in scope.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/org_scope.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/bulletin/bulletin_repository.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"

namespace liandong::bulletin {

struct NewBulletin {
  std::optional<std::int64_t> org_id;  // default: the actor's org
  std::string period_from;
  std::string period_to;
  std::optional<std::string> title;
};

struct Export {
  std::string file_name;
  std::string workbook;
};

class BulletinService {
 public:
  BulletinService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
                  const org::OrgService& org_service, const notification::NotificationService& notification_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        notification_service_(notification_service) {}

  Bulletin Create(const core::Actor& actor, const NewBulletin& input) const;
  std::vector<Bulletin> List(const core::Actor& actor, std::int64_t offset, std::int64_t limit,
                             std::int64_t& total) const;
  Bulletin Get(const core::Actor& actor, std::int64_t id) const;
  Bulletin Publish(const core::Actor& actor, std::int64_t id) const;
  void Delete(const core::Actor& actor, std::int64_t id) const;
  // The bulletin as a spreadsheet; audited.
  Export ExportWorkbook(const core::Actor& actor, std::int64_t id) const;

 private:
  Bulletin FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  Bulletin FindOwn(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  boost::json::object Figures(soci::session& sql, const core::OrgScope& scope, const std::string& from,
                              const std::string& to, std::int64_t as_of) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const notification::NotificationService& notification_service_;
  BulletinRepository repository_;
};

}  // namespace liandong::bulletin
