// Whistles (街乡吹哨、部门报到) and the streets' power acts. A street blows a whistle about a problem
// beyond its own means, a case for comprehensive enforcement or an emergency, summoning one or more
// of the agencies that serve it; its principal leader signs the whistle off before dispatch (an
// emergency is dispatched first and signed after). Each summoned agency must arrive by its deadline,
// records its part of the joint handling and completes it; the whistle closes only when every part
// is complete ("事不完、人不撤"), and the street then rates each agency (评哨). A power act records
// one of the street's five powers exercised towards an agency, the agency's answer and the outcome.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::whistle {

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
};

struct WhistleType {
  std::string code;  // beyond_means, enforcement, emergency
  std::string name;
  std::int64_t arrival_minutes = 30;
};

// A street's whistle rate is "too_low" below low_per_10k, "too_high" above high_per_10k.
struct RateBand {
  double low_per_10k = 0.2;
  double high_per_10k = 2.0;
};

struct WhistleSettings {
  std::vector<WhistleType> types;
  RateBand band;
};

// One summoned agency's part.
struct Response {
  std::int64_t id = 0;
  OrgRef agency;
  std::string agency_path;
  std::optional<std::int64_t> arrival_due;  // set at dispatch
  std::optional<std::int64_t> arrived_at;
  std::string arrival_text;
  std::optional<std::int64_t> completed_at;
  std::string completion_text;
  std::optional<std::int64_t> score;  // 1–5
  std::string rating_comment;
  std::optional<std::int64_t> rated_at;

  bool IsOpen() const { return !completed_at.has_value(); }
  // Arrived after the deadline, or not arrived and the deadline passed by `now`.
  bool IsLate(std::int64_t now) const {
    if (!arrival_due) return false;
    return arrived_at ? *arrived_at > *arrival_due : now > *arrival_due;
  }
};

struct Whistle {
  std::int64_t id = 0;
  OrgRef street;
  std::string street_path;
  std::string type;
  std::string type_name;
  std::string source;  // hotline, grid_patrol, resident_council, petition, city_platform
  std::string title;
  std::string description;
  std::string address;
  std::string state;  // awaiting_sign_off, dispatched, closed
  std::int64_t blown_at = 0;
  std::string blown_month;
  std::optional<std::int64_t> signed_off_at;
  std::string signed_off_by_name;
  bool signed_after_dispatch = false;
  std::optional<std::int64_t> dispatched_at;
  std::optional<std::int64_t> closed_at;
  std::string closing_text;
  std::vector<Response> responses;
};

struct WhistleStep {
  std::int64_t id = 0;
  std::string kind;  // blown, signed_off, dispatched, arrived, handled, completed, closed, rated
  OrgRef org;
  std::string user_name;
  std::optional<OrgRef> target;
  std::string text;
  std::int64_t at = 0;
};

struct WhistleDetail {
  Whistle whistle;
  std::vector<WhistleStep> steps;
  // What the actor may do now.
  bool can_sign_off = false;
  bool can_close = false;
  bool can_rate = false;
  std::optional<std::int64_t> own_response_id;  // the actor's agency's part, when summoned
};

struct NewWhistle {
  std::int64_t street_org_id = 0;
  std::string type;
  std::string source;
  std::string title;
  std::string description;
  std::string address;
  std::vector<std::int64_t> agency_ids;
};

struct WhistleFilter {
  std::optional<std::int64_t> org_id;
  std::optional<std::string> state;  // open (awaiting_sign_off or dispatched), closed, or a state
  std::optional<std::int64_t> agency_id;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct WhistlePage {
  std::vector<Whistle> items;
  std::int64_t total = 0;
};

// A street's whistles in a month and its rate.
struct StreetRate {
  OrgRef street;
  std::int64_t whistles = 0;
  std::optional<std::int64_t> residents;
  std::optional<double> per_10k;  // null without a resident count
  std::string band;               // too_low, normal, too_high, unknown
};

struct WhistleRates {
  OrgRef org;
  std::string month;
  RateBand band;
  std::vector<StreetRate> streets;  // the org itself when a street, else the streets under it
};

// A power act.
struct PowerAct {
  std::int64_t id = 0;
  OrgRef street;
  std::string street_path;
  OrgRef agency;
  std::string agency_path;
  std::string power;  // disposal, recommendation, participation, supervision, personnel_recommendation
  std::string subject;
  std::string text;
  std::string evidence;
  std::string state;  // awaiting_answer, answered, concluded
  std::int64_t acted_at = 0;
  std::string response_due;  // YYYY-MM-DD
  std::optional<std::int64_t> answered_at;
  std::string answer;
  std::optional<std::string> outcome;  // adopted, partly_adopted, not_adopted
  std::string outcome_text;
  std::optional<std::int64_t> concluded_at;
};

struct PowerActStep {
  std::int64_t id = 0;
  std::string kind;  // acted, answered, concluded
  OrgRef org;
  std::string user_name;
  std::string text;
  std::int64_t at = 0;
};

struct PowerActDetail {
  PowerAct act;
  std::vector<PowerActStep> steps;
  bool can_answer = false;
  bool can_conclude = false;
};

struct NewPowerAct {
  std::int64_t street_org_id = 0;
  std::int64_t agency_org_id = 0;
  std::string power;
  std::string subject;
  std::string text;
  std::string evidence;
  std::string response_due;
};

struct PowerActFilter {
  std::optional<std::int64_t> org_id;
  std::optional<std::string> power;
  std::optional<std::int64_t> agency_id;
  std::optional<std::string> state;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct PowerActPage {
  std::vector<PowerAct> items;
  std::int64_t total = 0;
};

// Acts towards one agency as of a moment: by power, answered, overdue, and by outcome.
struct AgencyActCount {
  OrgRef agency;
  std::int64_t acts = 0;
  std::int64_t answered = 0;
  std::int64_t answered_late = 0;  // answered after the response date, or unanswered past it
  std::int64_t adopted = 0;
  std::int64_t partly_adopted = 0;
  std::int64_t not_adopted = 0;
};

}  // namespace liandong::whistle
