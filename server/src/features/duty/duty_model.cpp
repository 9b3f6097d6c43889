#include "features/duty/duty_model.hpp"

namespace liandong::duty {

DutyItemFields ApplyPatch(DutyItemFields fields, const DutyItemPatch& patch) {
  if (patch.year) fields.year = *patch.year;
  if (patch.level) fields.level = *patch.level;
  if (patch.responsibility_kind) fields.responsibility_kind = *patch.responsibility_kind;
  if (patch.description) fields.description = *patch.description;
  if (patch.department_id) fields.department_id = *patch.department_id;
  if (patch.sort_order) fields.sort_order = *patch.sort_order;
  return fields;
}

bool IsResponsibilityKind(const std::string& kind) {
  return kind == "principal" || kind == "first" || kind == "direct" || kind == "executing";
}

std::optional<std::string> DefaultKindOfLevel(const std::string& level) {
  if (level == "city") return "principal";
  if (level == "district") return "first";
  if (level == "street") return "direct";
  if (level == "community") return "executing";
  return std::nullopt;
}

}  // namespace liandong::duty
