// Dual reporting (双报到): unit Party orgs report to the community they sit in (报到单, with the
// community's dated receipt); in-service members report to the community where they live, at most
// one at a time (a move ends one dated row and starts the next). Communities publish service posts
// (categories are data), members sign up, the community records hours. Quarterly feedback sheets
// (服务登记卡) go to each member's own Party org; the community evaluates each reported member and
// unit once a year. Two-way evaluation (双向评价, `mutual_evaluation`): communities and reported units
// rate each other once a year on items kept as data. No rankings: lists are by date and name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::check_in {

struct Ref {
  std::int64_t id = 0;
  std::string name;
};

struct UnitCheckIn {
  std::int64_t id = 0;
  Ref unit;
  Ref party_org;  // the unit's Party org that reported
  Ref community;
  std::string community_path;
  std::string party_org_path;
  std::string reported_on;
  std::string note;
  std::optional<std::string> received_on;
  std::optional<std::string> ended_on;
};

struct MemberCheckIn {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  std::string member_name;
  std::string id_number_masked;
  Ref employer_org;  // the member's own Party org
  std::string employer_org_path;
  Ref community;
  std::string community_path;
  std::string reported_on;
  std::optional<std::string> ended_on;
  std::optional<std::int64_t> previous_id;
};

// A check-in with the member's whole history of residential communities, oldest first.
struct MemberCheckInDetail {
  MemberCheckIn check_in;
  std::vector<MemberCheckIn> history;
};

struct ServiceCategory {
  std::int64_t id = 0;
  std::string code;
  std::string name;
};

struct ServicePost {
  std::int64_t id = 0;
  Ref community;
  std::string community_path;
  Ref category;
  std::string title;
  std::string description;
  std::int64_t headcount = 0;
  std::string starts_on;
  std::string ends_on;
  std::int64_t signed_up = 0;
};

struct SignUp {
  std::int64_t id = 0;
  std::int64_t check_in_id = 0;
  std::int64_t member_id = 0;
  std::string member_name;
  std::string signed_up_on;
  std::int64_t minutes = 0;  // recorded for this post so far
};

struct HoursEntry {
  std::int64_t id = 0;
  std::int64_t sign_up_id = 0;
  std::string member_name;
  std::string served_on;
  std::int64_t minutes = 0;
  std::string recorded_by;
};

// One entry of service hours as a list across posts reads it (the overview's drill-down).
struct ServiceHoursRow {
  std::int64_t id = 0;
  std::string served_on;
  std::int64_t minutes = 0;
  Ref member;
  Ref community;
  Ref post;  // name: the post's title
  std::string recorded_by;
};

struct ServiceHoursPage {
  std::vector<ServiceHoursRow> items;
  std::int64_t total = 0;
  std::int64_t total_minutes = 0;  // of every entry the filter selects, not only the page's
};

struct ServicePostDetail {
  ServicePost post;
  std::vector<SignUp> sign_ups;
  std::vector<HoursEntry> hours;
  bool can_write = false;
};

struct FeedbackSheet {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  std::string member_name;
  std::string id_number_masked;
  Ref employer_org;
  Ref community;
  int year = 0;
  int quarter = 0;
  std::int64_t sessions = 0;
  std::int64_t minutes = 0;
  std::int64_t generated_at = 0;
  std::string evaluation_grade;  // the community's evaluation of that year, if any
};

struct Evaluation {
  std::int64_t id = 0;
  int year = 0;
  Ref community;
  std::string subject_kind;  // member, unit
  Ref subject;               // the member or the unit
  Ref subject_org;           // the member's own Party org, or the unit's Party org
  std::string grade;         // excellent, good, fair, poor
  std::string comment;
  std::int64_t evaluated_at = 0;
};

struct EvaluationItem {
  std::int64_t id = 0;
  std::string direction;  // community_to_unit, unit_to_community
  std::string name;
};

struct Score {
  std::int64_t item_id = 0;
  std::string item_name;
  int score = 0;
};

struct MutualEvaluation {
  std::int64_t id = 0;
  int year = 0;
  std::string direction;
  Ref community;
  Ref unit;
  std::string comment;
  std::int64_t rated_at = 0;
  std::vector<Score> scores;
};

struct ItemAverage {
  std::int64_t item_id = 0;
  std::string name;
  double average = 0;
  std::int64_t ratings = 0;
};

// A counterpart the side may still rate this year.
struct Counterpart {
  Ref community;
  Ref unit;
};

// What one side (a community, or a unit's Party org) sees of a year: the ratings it gave, the
// averages of those it received (never who gave which), and whom it may still rate.
struct MutualEvaluationView {
  Ref org;
  std::string side;  // community, unit, or none (a superior org sees the received averages only)
  int year = 0;
  std::vector<MutualEvaluation> given;
  std::int64_t received_count = 0;
  std::vector<ItemAverage> received;
  std::vector<Counterpart> to_rate;
};

// Inputs.
struct NewUnitCheckIn {
  std::int64_t unit_id = 0;
  std::optional<std::string> reported_on;  // default today
  std::string note;
};

struct NewMemberCheckIn {
  std::string id_number;
  std::int64_t community_id = 0;
  std::optional<std::string> reported_on;  // default today
  bool transfer = false;                   // end the running check-in elsewhere (a move)
};

struct NewServicePost {
  std::int64_t community_id = 0;
  std::int64_t category_id = 0;
  std::string title;
  std::string description;
  std::int64_t headcount = 0;
  std::string starts_on;
  std::string ends_on;
};

struct NewHours {
  std::int64_t check_in_id = 0;
  std::string served_on;
  std::int64_t minutes = 0;
};

struct NewEvaluation {
  int year = 0;
  std::string subject_kind;  // member, unit
  std::int64_t check_in_id = 0;
  std::string grade;
  std::string comment;
};

struct NewMutualEvaluation {
  int year = 0;
  std::string direction;
  std::int64_t community_id = 0;
  std::int64_t unit_id = 0;
  std::vector<std::pair<std::int64_t, std::int64_t>> scores;  // item id, score
  std::string comment;
};

struct RosterFilter {
  std::optional<std::int64_t> org_id;
  bool running_only = true;
  std::string text;  // name
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

template <typename Item>
struct Page {
  std::vector<Item> items;
  std::int64_t total = 0;
};

inline bool IsGrade(const std::string& grade) {
  return grade == "excellent" || grade == "good" || grade == "fair" || grade == "poor";
}
inline bool IsDirection(const std::string& direction) {
  return direction == "community_to_unit" || direction == "unit_to_community";
}

// The first and last day of a calendar quarter.
inline std::string QuarterStart(int year, int quarter) {
  const int month = (quarter - 1) * 3 + 1;
  return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-01";
}
inline std::string QuarterEnd(int year, int quarter) {
  static const char* const kEnds[] = {"-03-31", "-06-30", "-09-30", "-12-31"};
  return std::to_string(year) + kEnds[quarter - 1];
}

}  // namespace liandong::check_in
