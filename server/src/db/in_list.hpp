// A list of database ids written into a statement as "(1,2,3)", for "column IN (…)" where the
// count varies (soci binds no arrays). Only integers read from the database or parsed from a
// stored path go here, never user text. An empty list is "(0)": ids start at 1, so it matches
// nothing on both databases (PostgreSQL refuses "IN ()").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace liandong::db {

inline std::string InList(const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return "(0)";
  std::string list = "(";
  for (const std::int64_t id : ids) list += (list.size() > 1 ? "," : "") + std::to_string(id);
  return list + ")";
}

}  // namespace liandong::db
