// A role and the permissions it grants.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace liandong::role {

struct Role {
  std::string name;
  std::string display_name;
  std::string duty;
  bool builtin = false;
  std::vector<std::string> permissions;
  std::int64_t user_count = 0;
};

}  // namespace liandong::role
