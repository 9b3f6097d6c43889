// SQL for co-building agreements, their parties, commitments, deliveries and reports.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/cobuild/agreement_model.hpp"
#include "features/cobuild/agreement_schedule.hpp"

namespace liandong::cobuild {

struct ListQuery {
  core::OrgScope scope;
  // A unit Party org's user: the agreements whose parties include a unit of that org, instead of
  // the scope's.
  std::optional<std::int64_t> party_org_id;
  std::optional<std::string> state;
  bool late_only = false;
  bool due_only = false;
  std::string text;
  std::string today;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

// A report that the sweep reminds its unit party of.
struct ReportToRemind {
  std::int64_t id = 0;
  std::int64_t agreement_id = 0;
  std::string agreement_title;
  std::int64_t org_id = 0;
  std::string unit_name;
  std::optional<std::int64_t> unit_own_org_id;
  std::string due_on;
};

class AgreementRepository {
 public:
  // The agreement with its org, links and unit names; state and late_reports as of `today`.
  std::optional<Agreement> Find(soci::session& sql, std::int64_t id, const std::string& today) const;
  // Whether a unit whose own Party org is `org_id` is a party to the agreement.
  bool IsPartyOrg(soci::session& sql, std::int64_t agreement_id, std::int64_t org_id) const;
  AgreementPage List(soci::session& sql, const ListQuery& query) const;

  std::int64_t Insert(soci::session& sql, const NewAgreement& input, std::optional<std::int64_t> predecessor_id,
                      std::int64_t created_by, std::int64_t now) const;
  std::int64_t InsertParty(soci::session& sql, std::int64_t agreement_id, const NewParty& party) const;
  void InsertCommitment(soci::session& sql, std::int64_t agreement_id, const NewCommitment& commitment,
                        int sort_order) const;
  void InsertReport(soci::session& sql, std::int64_t agreement_id, std::int64_t party_id,
                    const ReportPeriod& period) const;
  void Terminate(soci::session& sql, std::int64_t id, const std::string& on, const std::string& reason) const;
  // Recounts the agreement's late_filed_reports and first_unfiled_due_on from its reports: after
  // its reports are made, after a filing and after a termination.
  void RefreshReportSummary(soci::session& sql, std::int64_t id) const;

  std::vector<Party> ListParties(soci::session& sql, std::int64_t agreement_id) const;
  std::vector<Commitment> ListCommitments(soci::session& sql, std::int64_t agreement_id) const;
  std::vector<Delivery> ListDeliveries(soci::session& sql, std::int64_t agreement_id) const;
  std::vector<Report> ListReports(soci::session& sql, std::int64_t agreement_id) const;

  // Records a filing; false when the report was filed meanwhile.
  bool FileReport(soci::session& sql, std::int64_t report_id, const std::string& text, const std::string& filed_on,
                  std::int64_t filed_at, std::int64_t filed_by) const;
  std::int64_t InsertDelivery(soci::session& sql, const NewDelivery& delivery, std::int64_t recorded_by,
                              std::int64_t now) const;

  // Unfiled, unreminded reports due on or before `horizon`, of agreements not terminated before
  // their period, oldest due first.
  std::vector<ReportToRemind> DueForReminder(soci::session& sql, const std::string& horizon, int limit) const;
  // False when another sweep marked it first.
  bool MarkReminded(soci::session& sql, std::int64_t report_id, std::int64_t now) const;
};

}  // namespace liandong::cobuild
