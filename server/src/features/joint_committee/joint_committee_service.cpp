#include "features/joint_committee/joint_committee_service.hpp"

#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::joint_committee {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxNameLength = 100;  // characters
constexpr std::size_t kMaxTextLength = 50;   // a person's name, a post

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length;
}

// The committee scope of an org's level: a street's 大工委, a community's 大党委.
std::optional<std::string> ScopeOfLevel(const std::string& level) {
  if (level == "street" || level == "community") return level;
  return std::nullopt;
}

}  // namespace

org::Org JointCommitteeService::FindOrgInScope(soci::session& sql, const core::Actor& actor,
                                               std::int64_t org_id) const {
  return org_service_.RequireInScope(sql, core::OrgScope::Of(actor), org_id);
}

Seat JointCommitteeService::FindMemberInScope(soci::session& sql, const core::Actor& actor,
                                              std::int64_t member_id) const {
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.FindMember(sql, member_id),
                              [](const Seat& seat) { return seat.org_path; }, "joint_committee.member_not_found");
}

void JointCommitteeService::CheckMember(soci::session& sql, const core::Actor& actor, const MemberFields& fields,
                                        const MemberFields* current) const {
  if (!IsValidText(fields.person_name, kMaxTextLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_person_name");
  }
  if (!IsValidText(fields.post, kMaxTextLength))
    throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_post");
  if (!core::IsIsoDate(fields.term_start) || (fields.term_end && !core::IsIsoDate(*fields.term_end))) {
    throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_date");
  }
  if (fields.term_end && *fields.term_end < fields.term_start) {
    throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_term");
  }
  if (fields.unit_id && (current == nullptr || current->unit_id != fields.unit_id)) {
    // A unit outside the subtree is answered as one that does not exist.
    const unit::Unit unit =
        unit_service_.RequireInScope(sql, core::OrgScope::Of(actor), *fields.unit_id, "joint_committee.unit_not_found");
    if (unit.archived) throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_unit");
  }
}

Member JointCommitteeService::LoadMember(soci::session& sql, std::int64_t member_id) const {
  return repository_.FindMember(sql, member_id)->member;
}

JointCommittee JointCommitteeService::GetCommittee(const core::Actor& actor, std::int64_t org_id) const {
  core::RequirePermission(actor, "org:read");
  db::Session session(database_);
  const org::Org org = FindOrgInScope(session.sql(), actor, org_id);
  auto committee = repository_.FindByOrg(session.sql(), org.id);
  if (!committee) throw AppError(ErrorKind::kNotFound, "joint_committee.not_found");
  committee->members = repository_.ListMembers(session.sql(), committee->id);
  return std::move(*committee);
}

std::pair<JointCommittee, bool> JointCommitteeService::PutCommittee(const core::Actor& actor, std::int64_t org_id,
                                                                    const std::string& name) const {
  core::RequirePermission(actor, "org:write");
  if (!IsValidText(name, kMaxNameLength)) throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_name");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org org = FindOrgInScope(sql, actor, org_id);
  const auto scope = ScopeOfLevel(org.level);
  if (!scope) throw AppError(ErrorKind::kInvalidArgument, "joint_committee.invalid_level", org.level);
  auto committee = repository_.FindByOrg(sql, org.id);
  const bool created = !committee;
  if (created) {
    const std::int64_t id = repository_.Insert(sql, org.id, *scope, name, clock_.NowSeconds());
    audit_service_.Record(sql, actor, {"joint_committee.create", "joint_committee", id});
  } else if (committee->name != name) {
    repository_.Rename(sql, committee->id, name);
    audit_service_.Record(sql, actor, {"joint_committee.rename", "joint_committee", committee->id});
  }
  committee = repository_.FindByOrg(sql, org.id);
  committee->members = repository_.ListMembers(sql, committee->id);
  transaction.Commit();
  return {std::move(*committee), created};
}

Member JointCommitteeService::AddMember(const core::Actor& actor, std::int64_t org_id,
                                        const MemberFields& fields) const {
  core::RequirePermission(actor, "org:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org org = FindOrgInScope(sql, actor, org_id);
  const auto committee = repository_.FindByOrg(sql, org.id);
  if (!committee) throw AppError(ErrorKind::kNotFound, "joint_committee.not_found");
  CheckMember(sql, actor, fields, nullptr);
  const std::int64_t id = repository_.InsertMember(sql, committee->id, fields, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"joint_committee.add_member", "joint_committee_member", id});
  Member member = LoadMember(sql, id);
  transaction.Commit();
  return member;
}

Member JointCommitteeService::UpdateMember(const core::Actor& actor, std::int64_t member_id,
                                           const MemberPatch& patch) const {
  core::RequirePermission(actor, "org:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Seat current = FindMemberInScope(sql, actor, member_id);
  const MemberFields fields = ApplyPatch(current.member.fields, patch);
  CheckMember(sql, actor, fields, &current.member.fields);
  if (fields == current.member.fields) return current.member;
  repository_.UpdateMember(sql, member_id, fields);
  audit_service_.Record(sql, actor, {"joint_committee.update_member", "joint_committee_member", member_id});
  Member member = LoadMember(sql, member_id);
  transaction.Commit();
  return member;
}

void JointCommitteeService::RemoveMember(const core::Actor& actor, std::int64_t member_id) const {
  core::RequirePermission(actor, "org:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  FindMemberInScope(sql, actor, member_id);
  repository_.DeleteMember(sql, member_id);
  audit_service_.Record(sql, actor, {"joint_committee.remove_member", "joint_committee_member", member_id});
  transaction.Commit();
}

std::vector<Seat> JointCommitteeService::ListSeatsOfUnit(const core::Actor& actor, std::int64_t unit_id) const {
  core::RequirePermission(actor, "org:read");
  const unit::Unit unit = unit_service_.GetUnit(actor, unit_id);  // unit:read, and the unit's scope
  db::Session session(database_);
  return repository_.ListSeatsOfUnit(session.sql(), unit.id, core::OrgScope::Of(actor));
}

}  // namespace liandong::joint_committee
