// Street reform (街道体制改革): each street's profile — Party-building office, full-time deputy
// secretary, published function list, the powers granted to it — and progress across streets.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liandong::street {

// The five powers a street may be granted, in the order they are shown: 处置权, 建议权, 参与权,
// 督办权, 人事任免建议权.
inline constexpr std::array<std::string_view, 5> kStreetPowers = {"disposal", "recommendation", "participation",
                                                                  "supervision", "personnel_recommendation"};

// The position of a power in kStreetPowers, or nullopt for an unknown one.
std::optional<std::size_t> PowerIndex(std::string_view power);

struct PowerGrant {
  std::string power;
  std::string granted_on;  // YYYY-MM-DD

  bool operator==(const PowerGrant&) const = default;
};

// Dates are YYYY-MM-DD; a date may be set only when its flag is (office set up, deputy secretary
// named, function list published).
struct StreetProfile {
  std::int64_t org_id = 0;
  bool office_set_up = false;
  std::optional<std::string> office_set_up_on;
  std::string deputy_secretary;  // empty: none appointed
  std::optional<std::string> deputy_secretary_since;
  bool function_list_published = false;
  std::optional<std::string> function_list_published_on;
  std::vector<PowerGrant> powers;  // in kStreetPowers order
};

struct ReformProgressRow {
  std::int64_t org_id = 0;
  std::string name;
  std::string district;  // the street's parent org
  bool office_set_up = false;
  bool deputy_secretary_appointed = false;
  bool function_list_published = false;
  std::int64_t powers_granted = 0;
};

// How many streets have reached each step.
struct ReformTotals {
  std::int64_t streets = 0;
  std::int64_t office_set_up = 0;
  std::int64_t deputy_secretary_appointed = 0;
  std::int64_t function_list_published = 0;
  std::int64_t all_powers_granted = 0;
};

// One row per live street in an org's subtree, grouped by district.
struct ReformProgress {
  std::int64_t org_id = 0;
  std::vector<ReformProgressRow> rows;
  ReformTotals totals;
};

}  // namespace liandong::street
