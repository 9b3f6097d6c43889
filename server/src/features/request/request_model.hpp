// Residents' requests (接诉即办). A request is taken by a first receiver (the 12345 hotline, a street's
// staff, a partner system), routed by its catalogue leaf to an owner (a community, a street or an
// agency that a department stations in the street), and handled step by step against SLA clocks:
// dispatched → in_hand (signed for) → replied → closed (the resident's rating recorded). An owner
// never says "not ours": a return names the right owner and the request goes there at once.
// An unsatisfied resident may have it reopened once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/attachment/attachment_model.hpp"

namespace liandong::request {

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

struct SlaClass {
  std::string code;
  std::string name;
  std::int64_t sign_for_minutes = 0;
  std::int64_t contact_minutes = 0;
  std::int64_t resolution_minutes = 0;
  std::int64_t warning_minutes = 0;
  std::int64_t max_extension_days = 0;
};

// A node of the catalogue. Leaves carry the owner kind (community, street, agency), the agency
// kind when an agency owns it, and the SLA class.
struct Category {
  std::int64_t id = 0;
  std::string code;  // "03.02.05": the path from the top
  std::optional<std::string> parent_code;
  std::string name;
  int depth = 1;
  std::optional<std::string> owner_kind;
  std::optional<std::string> agency_kind;
  std::optional<std::string> sla_class;
  bool archived = false;
  std::int64_t child_count = 0;  // live children
  std::string full_name;         // "噪声扰民 / 社会生活噪声 / 邻里噪声", filled where listed
  bool IsLeaf() const { return child_count == 0; }
};

struct NewCategory {
  std::optional<std::string> parent_code;
  std::string name;
  std::optional<std::string> owner_kind;
  std::optional<std::string> agency_kind;
  std::optional<std::string> sla_class;
};

struct CategoryChanges {
  std::optional<std::string> name;
  std::optional<std::string> owner_kind;
  std::optional<std::optional<std::string>> agency_kind;
  std::optional<std::string> sla_class;
  std::optional<bool> archived;
};

struct AgencyKind {
  std::string code;
  std::string name;
  std::string department;
};

// An agency with the streets it serves.
struct Agency {
  OrgRef org;
  std::string kind;
  std::string kind_name;
  std::string department;
  std::vector<OrgRef> streets;
};

struct Request {
  std::int64_t id = 0;
  std::string channel;  // hotline, street, grid, mobile, partner
  std::int64_t category_id = 0;
  std::string category_code;
  std::string category_name;
  std::string sla_class;
  std::string title;
  std::string description;
  std::string address;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string resident_name_masked;
  std::string resident_phone_masked;
  OrgRef territory;
  std::string territory_path;
  OrgRef first_receiver;
  std::string first_receiver_path;
  OrgRef owner;
  std::string owner_path;
  std::string state;  // dispatched, in_hand, replied, closed
  bool arrived_by_return = false;
  std::int64_t received_at = 0;
  std::string received_month;  // YYYY-MM, China time
  std::int64_t dispatched_at = 0;
  std::int64_t sign_for_due = 0;
  std::optional<std::int64_t> signed_at;
  std::int64_t contact_due = 0;
  std::optional<std::int64_t> contacted_at;
  std::int64_t resolution_due = 0;
  std::int64_t extension_days = 0;
  std::optional<std::int64_t> replied_at;
  std::string reply;
  std::optional<std::string> satisfaction;  // satisfied, basically_satisfied, unsatisfied
  std::optional<bool> resolved;
  std::optional<std::int64_t> rated_at;
  std::optional<std::int64_t> closed_at;
  std::int64_t return_count = 0;
  std::int64_t reopen_count = 0;
  std::optional<std::int64_t> warned_at;
  std::optional<std::int64_t> escalated_at;
};

// The clocks of a request as of a moment: which steps are late.
struct Lateness {
  bool sign_for = false;    // not signed for and past sign_for_due (or signed after it)
  bool contact = false;     // no first contact by contact_due
  bool resolution = false;  // not replied by resolution_due
};

struct Step {
  std::int64_t id = 0;
  std::string kind;  // received, dispatched, signed, returned, contacted, note, extension_asked,
                     // extension_approved, extension_refused, replied, rated, reopened, warned, escalated
  OrgRef org;
  std::optional<std::int64_t> user_id;
  std::string user_name;
  std::optional<OrgRef> target;
  std::string text;
  std::int64_t at = 0;
  std::vector<attachment::Attachment> attachments;  // evidence linked to this step
};

struct Extension {
  std::int64_t id = 0;
  OrgRef org;
  OrgRef approver;
  std::int64_t days = 0;
  std::string reason;
  std::string state;  // pending, approved, refused
  std::int64_t asked_at = 0;
  std::optional<std::int64_t> decided_at;
  std::string decision_text;
};

struct RequestDetail {
  Request request;
  std::vector<Step> steps;
  std::vector<Extension> extensions;
  // What the actor's org may do now.
  bool can_sign = false;
  bool can_handle = false;  // contact, note, reply, return, dispatch onward, ask an extension
  bool can_decide_extension = false;
  bool can_rate = false;
  bool can_reopen = false;
  std::int64_t max_extension_days_left = 0;
};

struct NewRequest {
  std::string channel = "hotline";
  std::int64_t category_id = 0;
  std::string title;
  std::string description;
  std::string address;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string resident_name;
  std::string resident_phone;
  std::int64_t territory_org_id = 0;
  std::optional<std::int64_t> owner_org_id;  // else routed by the category
};

// Lists: a queue of the org (to_sign, in_hand, overdue, returned, to_rate) or the subtree's
// requests with filters; drill-downs of the rates pass month and measure.
struct RequestFilter {
  std::optional<std::int64_t> org_id;
  std::optional<std::string> queue;
  std::optional<std::string> state;
  std::optional<std::string> month;    // YYYY-MM of receipt
  std::optional<std::string> measure;  // a tally item: the requests behind one figure
  std::optional<std::string> category_code;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct RequestPage {
  std::vector<Request> items;
  std::int64_t total = 0;
};

// Counts of one org's subtree for one month of receipt, and the rates made of them.
struct Tally {
  std::int64_t received = 0;
  std::int64_t responded = 0;  // first contact made by its deadline
  std::int64_t replied = 0;
  std::int64_t on_time = 0;  // replied by its (extended) deadline
  std::int64_t rated = 0;
  std::int64_t resolved = 0;
  std::int64_t satisfied = 0;
  std::int64_t basically_satisfied = 0;
  std::int64_t unsatisfied = 0;
  std::int64_t returned = 0;
  std::int64_t reopened = 0;
};

struct OrgTally {
  OrgRef org;
  Tally tally;
};

struct MonthTally {
  std::string month;
  Tally tally;
};

struct Rates {
  OrgRef org;
  std::string month;
  Tally tally;
  std::vector<OrgTally> children;
  std::vector<MonthTally> trend;  // the twelve months up to `month`
};

}  // namespace liandong::request
