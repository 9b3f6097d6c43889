// Co-building agreements (共建协议): a street or community Party org signs with one or more resident
// units of its territory. Each party names its responsible head and liaison (联络员); the term runs
// from start_on to end_on (China dates, both days included); commitments are typed lines with a
// quantity per rhythm period; each unit party writes a report per calendar quarter of the term.
// Fulfilment is computed from dated facts (reports filed, deliveries) as of any day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liandong::cobuild {

// venue (场地开放), funds (资金, quantity in fen), volunteer_team (志愿服务队), service (服务项目),
// paired_households (结对帮扶户), suggestions (意见建议).
bool IsCommitmentKind(std::string_view kind);
// once (over the whole term), monthly, quarterly, yearly.
bool IsRhythm(std::string_view rhythm);

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

struct Party {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string unit_org_path;  // where the unit is located
  std::optional<std::int64_t> unit_own_org_id;  // the unit's own Party org, whose users act for it
  std::string head;
  std::string liaison;
};

struct Commitment {
  std::int64_t id = 0;
  std::string kind;
  std::string description;
  std::int64_t quantity = 0;
  std::string rhythm;
  // As of the day asked about: what the term so far calls for, and what was delivered by then.
  std::int64_t expected = 0;
  std::int64_t delivered = 0;
};

struct Delivery {
  std::int64_t id = 0;
  std::int64_t commitment_id = 0;
  std::string delivered_on;
  std::int64_t quantity = 0;
  std::string text;
  std::string recorded_by;
  std::int64_t recorded_at = 0;
};

struct Report {
  std::int64_t id = 0;
  std::int64_t party_id = 0;
  std::string unit_name;
  std::string period_start;
  std::string period_end;
  std::string due_on;
  std::optional<std::string> text;
  std::optional<std::string> filed_on;
  std::optional<std::int64_t> filed_at;
  std::string filed_by;
  // As of the day asked about: filed by then, late (filed after its due date, or due and not filed).
  std::string status;  // upcoming, due (open, not yet late), filed, late_filed, missing
  bool late = false;
  bool can_file = false;  // open, and the viewer may file it (a unit's user: its own unit's only)
};

// Reports and commitments as of a day: what an assessment reads.
struct Fulfilment {
  std::string as_of;  // China date
  std::int64_t reports_due = 0;      // due on or before as_of
  std::int64_t reports_on_time = 0;  // filed by their due date
  std::int64_t reports_late = 0;     // filed after their due date, or due and still missing
  std::int64_t commitments_expected = 0;   // sum over the lines of min(expected, …)
  std::int64_t commitments_delivered = 0;  // sum over the lines of min(delivered, expected)
};

struct Agreement {
  std::int64_t id = 0;
  OrgRef org;
  std::string org_path;
  std::string title;
  std::string org_head;
  std::string org_liaison;
  std::string signed_on;
  std::string start_on;
  std::string end_on;
  std::optional<std::int64_t> predecessor_id;
  std::optional<std::int64_t> successor_id;
  std::optional<std::string> terminated_on;
  std::string termination_reason;
  std::int64_t created_at = 0;
  std::vector<std::string> unit_names;  // the unit parties, in order
  // As of today: upcoming, active, expiring (ends within kExpiringDays), ended, terminated.
  std::string state;
  std::int64_t late_reports = 0;  // as of today
};

struct AgreementDetail {
  Agreement agreement;
  std::vector<Party> parties;
  std::vector<Commitment> commitments;
  std::vector<Delivery> deliveries;
  std::vector<Report> reports;
  Fulfilment fulfilment;
  bool can_write = false;
  bool can_report = false;
};

struct NewParty {
  std::int64_t unit_id = 0;
  std::string head;
  std::string liaison;
};

struct NewCommitment {
  std::string kind;
  std::string description;
  std::int64_t quantity = 0;
  std::string rhythm;
};

struct NewAgreement {
  std::int64_t org_id = 0;
  std::string title;
  std::string org_head;
  std::string org_liaison;
  std::string signed_on;
  std::string start_on;
  std::string end_on;
  std::vector<NewParty> parties;
  std::vector<NewCommitment> commitments;
};

struct Renewal {
  std::optional<std::string> start_on;  // default the day after the predecessor ends
  std::string end_on;
  std::optional<std::string> signed_on;  // default today
};

struct NewReportFiling {
  std::int64_t report_id = 0;
  std::string text;
};

struct NewDelivery {
  std::int64_t commitment_id = 0;
  std::string delivered_on;
  std::int64_t quantity = 0;
  std::string text;
};

struct AgreementFilter {
  std::optional<std::int64_t> org_id;  // default the actor's org
  std::optional<std::string> state;     // upcoming, active, expiring, ended (terminated ones included)
  bool late_only = false;
  bool due_only = false;  // the next report not filed falls due within kReportDueDays
  std::string text;  // in the title or a unit party's name
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct AgreementPage {
  std::vector<Agreement> items;
  std::int64_t total = 0;
};

// An agreement that ends within this many days is "expiring".
inline constexpr std::int64_t kExpiringDays = 30;
// A report not filed that falls due within this many days is "due" (the overview's figure).
inline constexpr std::int64_t kReportDueDays = 30;
// A report is due this many days after its quarter (or the term) ends.
inline constexpr std::int64_t kReportGraceDays = 10;
// The sweep reminds a unit party of a report this many days before it falls due.
inline constexpr std::int64_t kReminderDays = 7;

}  // namespace liandong::cobuild
