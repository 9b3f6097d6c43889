// SQL for accountability records.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/org_scope.hpp"
#include "features/accountability/accountability_model.hpp"

namespace liandong::accountability {

class AccountabilityRepository {
 public:
  std::optional<Accountability> Find(soci::session& sql, std::int64_t id) const;
  // Records whose target lies in `scope`, newest first, and their total.
  AccountabilityPage List(soci::session& sql, const core::OrgScope& scope, std::int64_t offset,
                          std::int64_t limit) const;
  std::int64_t Insert(soci::session& sql, std::int64_t org_id, const NewAccountability& input, std::int64_t created_by,
                      std::int64_t now) const;
};

}  // namespace liandong::accountability
