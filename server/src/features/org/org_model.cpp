#include "features/org/org_model.hpp"

#include <charconv>

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

}  // namespace liandong::org
