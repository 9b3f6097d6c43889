// SQL of the setting table: stored values, one row per setting ever changed.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>

#include "features/setting/setting_model.hpp"

namespace liandong::setting {

class SettingRepository {
 public:
  // The stored rows, by name (settings never changed are not there; their definition is empty).
  std::map<std::string, SettingView> LoadStored(soci::session& sql) const;
  // Stores `value` for `name`, inserting the row or replacing it.
  void Save(soci::session& sql, const std::string& name, const std::string& value, std::int64_t now,
            std::int64_t user_id) const;
};

}  // namespace liandong::setting
