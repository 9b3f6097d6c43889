// Rules for co-building agreements: cobuild:read to read the agreements of orgs in the actor's
// subtree; cobuild:write to sign (the agreement's org must be a street or community in the
// subtree, its units located in that org's territory), renew, terminate and record deliveries;
// cobuild:report to file a unit party's quarterly report: a user of an org that sees the agreement
// files on the unit's behalf, or the unit's own user does. A user of a unit's own Party org (role
// unit_admin) reads the agreements its unit is a party to, although they lie outside its subtree,
// and files its own unit's reports only. The report records who filed it.
// Every change is audited, and the orgs concerned are notified, in the change's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/cobuild/agreement_model.hpp"
#include "features/cobuild/agreement_repository.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::cobuild {

class AgreementService {
 public:
  AgreementService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
                   const org::OrgService& org_service, const unit::UnitService& unit_service,
                   const notification::NotificationService& notification_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        unit_service_(unit_service),
        notification_service_(notification_service) {}

  // Signs an agreement; its quarterly reports are scheduled at once. Notifies the unit parties'
  // own Party orgs where they have one.
  AgreementDetail Create(const core::Actor& actor, const NewAgreement& input) const;
  AgreementPage List(const core::Actor& actor, const AgreementFilter& filter) const;
  // The agreement with its parties, commitments, deliveries and reports, and its fulfilment as of
  // `as_of` (UTC seconds; default now): only what was filed or delivered by then counts.
  AgreementDetail Get(const core::Actor& actor, std::int64_t id, std::optional<std::int64_t> as_of) const;
  // .xlsx of the agreements the list filter selects (every page).
  std::string Export(const core::Actor& actor, AgreementFilter filter) const;
  AgreementDetail FileReport(const core::Actor& actor, std::int64_t id, const NewReportFiling& filing) const;
  AgreementDetail RecordDelivery(const core::Actor& actor, std::int64_t id, const NewDelivery& delivery) const;
  // Ends the agreement today with a reason; reports of later periods fall away.
  AgreementDetail Terminate(const core::Actor& actor, std::int64_t id, const std::string& reason) const;
  // A new agreement with the same parties and commitments, linking this one as its predecessor.
  AgreementDetail Renew(const core::Actor& actor, std::int64_t id, const Renewal& renewal) const;

  // The sweep's step: reminds the parties of reports falling due within kReminderDays (and of any
  // already past due that nobody was told of). Returns how many reports were reminded.
  std::int64_t SweepReminders() const;

  // Inserts an agreement with its parties, commitments and report schedule in the caller's
  // transaction, without checks: for the demo city and generated data sets.
  std::int64_t Seed(soci::session& sql, const NewAgreement& input, std::optional<std::int64_t> predecessor_id,
                    std::int64_t created_by, std::int64_t now) const;
  // Files a report or records a delivery without checks (the generators), at the given time.
  void SeedFiling(soci::session& sql, std::int64_t agreement_id, std::int64_t report_id, const std::string& text,
                  std::int64_t filed_at, std::int64_t filed_by) const;
  void SeedDelivery(soci::session& sql, const NewDelivery& delivery, std::int64_t recorded_by,
                    std::int64_t now) const;
  void SeedTermination(soci::session& sql, std::int64_t id, const std::string& on, const std::string& reason) const {
    repository_.Terminate(sql, id, on, reason);
    repository_.RefreshReportSummary(sql, id);
  }
  std::vector<Report> SeededReports(soci::session& sql, std::int64_t agreement_id) const {
    return repository_.ListReports(sql, agreement_id);
  }
  std::vector<Commitment> SeededCommitments(soci::session& sql, std::int64_t agreement_id) const {
    return repository_.ListCommitments(sql, agreement_id);
  }

 private:
  Agreement FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // An agreement in the actor's subtree, or one that a unit of the actor's own org is a party to
  // (`as_party` then set): not found otherwise.
  Agreement FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id, bool& as_party) const;
  // `as_party`: the viewer acts for its own unit alone (no writes, its own reports to file).
  AgreementDetail Load(soci::session& sql, const core::Actor& actor, const Agreement& agreement,
                       std::int64_t as_of, bool as_party = false) const;
  // Checks the fields that need no database (codes per field); throws the first failure.
  static void Validate(const NewAgreement& input);

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const unit::UnitService& unit_service_;
  const notification::NotificationService& notification_service_;
  AgreementRepository repository_;
};

}  // namespace liandong::cobuild
