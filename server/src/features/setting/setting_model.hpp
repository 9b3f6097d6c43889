// A deployment setting: its rule (name, who may change it, range, default) and its stored value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace liandong::setting {

struct SettingDefinition {
  std::string name;
  std::string permission;  // needed to change it
  std::string kind;        // "bool" or "integer"
  std::int64_t min = 0;    // integers: the allowed range
  std::int64_t max = 0;
  std::string default_value;
};

struct SettingView {
  SettingDefinition definition;
  std::string value;
  std::optional<std::int64_t> updated_at;
  std::optional<std::int64_t> updated_by;
};

}  // namespace liandong::setting
