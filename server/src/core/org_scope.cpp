#include "core/org_scope.hpp"

#include <charconv>

namespace liandong::core {

bool IsOrgPath(std::string_view path) {
  if (path.size() < 3 || path.front() != '/' || path.back() != '/') return false;
  bool digit_seen = false;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '/') {
      if (!digit_seen) return false;
      digit_seen = false;
    } else if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else {
      return false;
    }
  }
  return true;
}

std::vector<std::int64_t> IdsOnPath(std::string_view path) {
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

OrgScope::OrgScope(std::string path) : path_(std::move(path)) {
  if (!IsOrgPath(path_)) throw AppError(ErrorKind::kInternal, "server.internal", "an org scope needs an org path");
  end_ = path_;
  end_.back() = '0';  // '0' is the byte after '/': "/1/17/" → "/1/170"
}

OrgScope OrgScope::WholeTree(std::string root_path) {
  OrgScope scope(std::move(root_path));
  if (IdsOnPath(scope.path_).size() != 1) {
    throw AppError(ErrorKind::kInternal, "server.internal", "a whole tree is rooted at a one-id path");
  }
  return scope;
}

std::optional<OrgScope> OrgScope::Narrow(std::string_view path) const {
  if (!Contains(path)) return std::nullopt;
  return OrgScope(std::string(path));
}

}  // namespace liandong::core
