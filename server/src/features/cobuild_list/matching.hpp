// The ranking of resources and projects for a need: pure, so that every rule is tested on its own.
// Each suggestion's score is the sum of its parts, and each part carries its Chinese reason.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "features/cobuild_list/list_model.hpp"

namespace liandong::cobuild_list {

// An org on the need's lineage, root first (city, district, street, community).
struct LineageOrg {
  std::int64_t id = 0;
  std::string level;
  std::string name;
};

struct NeedForMatching {
  std::string category_name;
  std::vector<std::string> tags;
  std::int64_t beneficiary_count = 0;
  std::vector<LineageOrg> lineage;  // root first, the need's org last
};

// A candidate read from the database, with what the score needs.
struct Candidate {
  Suggestion suggestion;  // kind, id, title, resource_kind, org, unit filled
  std::string org_path;
  std::vector<std::string> served_org_paths;  // a resource's served orgs
  std::vector<std::string> tags;
  std::int64_t quantity = 0;
  std::int64_t committed = 0;
  std::string ends_on;  // projects
  // Venues: the days from today to the wanted date, and those with no booking.
  std::int64_t window_days = 0;
  std::int64_t free_days = 0;
};

// Points of each part (the most a part gives).
inline constexpr std::int64_t kCategoryPoints = 40;
inline constexpr std::int64_t kTagPoints = 10;  // per shared tag
inline constexpr std::int64_t kMaxTagPoints = 30;
inline constexpr std::int64_t kCapacityPoints = 20;
inline constexpr std::int64_t kSlotPoints = 20;

// Scores the candidates and returns them best first (ties: resources before projects, then by id),
// at most `limit`.
std::vector<Suggestion> Rank(const NeedForMatching& need, std::vector<Candidate> candidates, std::size_t limit);

}  // namespace liandong::cobuild_list
