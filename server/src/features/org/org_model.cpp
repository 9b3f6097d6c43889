#include "features/org/org_model.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <string_view>

namespace liandong::org {

std::vector<std::int64_t> IdsOnPath(const std::string& path) {
  std::vector<std::int64_t> ids;
  const char* cursor = path.data();
  const char* end = path.data() + path.size();
  while (cursor < end) {
    if (*cursor == '/') {
      ++cursor;
      continue;
    }
    std::int64_t id = 0;
    const auto result = std::from_chars(cursor, end, id);
    if (result.ec != std::errc()) break;
    ids.push_back(id);
    cursor = result.ptr;
  }
  return ids;
}

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
