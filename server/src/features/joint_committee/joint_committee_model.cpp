#include "features/joint_committee/joint_committee_model.hpp"

namespace liandong::joint_committee {

MemberFields ApplyPatch(MemberFields fields, const MemberPatch& patch) {
  if (patch.person_name) fields.person_name = *patch.person_name;
  if (patch.unit_id) fields.unit_id = *patch.unit_id;
  if (patch.post) fields.post = *patch.post;
  if (patch.part_time) fields.part_time = *patch.part_time;
  if (patch.term_start) fields.term_start = *patch.term_start;
  if (patch.term_end) fields.term_end = *patch.term_end;
  return fields;
}

}  // namespace liandong::joint_committee
