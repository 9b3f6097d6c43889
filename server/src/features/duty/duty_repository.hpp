// SQL for departments and duty items.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/duty/duty_model.hpp"

namespace liandong::duty {

class DutyRepository {
 public:
  std::vector<Department> ListDepartments(soci::session& sql) const;
  std::optional<Department> FindDepartment(soci::session& sql, std::int64_t id) const;

  // An item with its org and department.
  std::optional<DutyItem> Find(soci::session& sql, std::int64_t id) const;
  // Items written by the orgs `ancestor_ids` or by orgs in `scope`, with the
  // filter's year and level; by year, then the writer's place in the tree, then sort order.
  std::vector<DutyItem> List(soci::session& sql, const core::OrgScope& scope,
                             const std::vector<std::int64_t>& ancestor_ids, const DutyFilter& filter) const;
  std::int64_t Insert(soci::session& sql, std::int64_t org_id, const DutyItemFields& fields, std::int64_t now) const;
  void Update(soci::session& sql, std::int64_t id, const DutyItemFields& fields, std::int64_t now) const;
  void Delete(soci::session& sql, std::int64_t id) const;
  // How many tasks, supervisions and accountability records name the item.
  std::int64_t CountLinks(soci::session& sql, std::int64_t id) const;
  std::int64_t CountOfYear(soci::session& sql, std::int64_t org_id, std::int64_t year) const;
  // Copies the org's items of one year to another; returns how many.
  std::int64_t CopyYear(soci::session& sql, std::int64_t org_id, const YearCopy& copy, std::int64_t now) const;
  // True when a live org of `level` lies in `scope` (its root included).
  bool LevelInSubtree(soci::session& sql, const std::string& level, const core::OrgScope& scope) const;
};

}  // namespace liandong::duty
