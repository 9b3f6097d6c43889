#include "features/org/org_model.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace liandong::org {

bool IsKnownKind(const std::string& kind) {
  static constexpr std::string_view kKinds[] = {"committee", "working_committee", "general_branch",
                                                "branch",    "joint_branch",      "group"};
  return std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds);
}

bool IsValidLevel(const std::string& level) {
  if (level.empty() || level.size() > 32) return false;
  return std::all_of(level.begin(), level.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace liandong::org
