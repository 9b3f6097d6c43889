#include "features/accountability/accountability_service.hpp"

#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::accountability {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxShortLength = 100;  // measure, subject: characters
constexpr std::size_t kMaxTextLength = 2000;  // reason

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length;
}

}  // namespace

void AccountabilityService::CheckLinks(soci::session& sql, const NewAccountability& input,
                                       const core::OrgScope& target_scope) const {
  if (input.assignment_id) {
    const auto assignment = supervision_service_.FindAssignment(sql, *input.assignment_id);
    if (!assignment || !target_scope.Contains(assignment->org_path)) {
      throw AppError(ErrorKind::kInvalidArgument, "accountability.invalid_link", "assignment");
    }
  }
  if (input.supervision_id) {
    const auto supervision = supervision_service_.FindSupervision(sql, *input.supervision_id);
    if (!supervision || !target_scope.Contains(supervision->target_path)) {
      throw AppError(ErrorKind::kInvalidArgument, "accountability.invalid_link", "supervision");
    }
  }
  if (input.duty_item_id) {
    const auto item = duty_service_.FindItem(sql, *input.duty_item_id);
    if (!item || !duty::VisibleFrom(item->org_path, target_scope)) {
      throw AppError(ErrorKind::kInvalidArgument, "accountability.invalid_link", "duty item");
    }
  }
}

AccountabilityPage AccountabilityService::List(const core::Actor& actor, const AccountabilityFilter& filter) const {
  core::RequirePermission(actor, "accountability:read");
  db::Session session(database_);
  return repository_.List(session.sql(), org_service_.ScopeOf(session.sql(), actor, filter.org_id), filter.offset,
                          filter.limit);
}

Accountability AccountabilityService::Create(const core::Actor& actor, const NewAccountability& input) const {
  core::RequirePermission(actor, "accountability:write");
  if (!input.assignment_id && !input.supervision_id && !input.duty_item_id) {
    throw AppError(ErrorKind::kInvalidArgument, "accountability.no_link");
  }
  if (!IsValidText(input.measure, kMaxShortLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "accountability.invalid_measure");
  }
  if (!IsValidText(input.subject, kMaxShortLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "accountability.invalid_subject");
  }
  if (!IsValidText(input.reason, kMaxTextLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "accountability.invalid_reason");
  }
  if (!core::IsIsoDate(input.decided_on)) throw AppError(ErrorKind::kInvalidArgument, "accountability.invalid_date");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const core::OrgScope own = core::OrgScope::Of(actor);
  const org::Org target = org_service_.RequireInScope(sql, own, input.target_org_id);
  if (target.id == actor.org_id) throw AppError(ErrorKind::kInvalidArgument, "accountability.target_not_below");
  CheckLinks(sql, input, *own.Narrow(target.path));
  const std::int64_t id = repository_.Insert(sql, actor.org_id, input, actor.user_id, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"accountability.create", "accountability", id});
  Accountability record = *repository_.Find(sql, id);
  transaction.Commit();
  return record;
}

}  // namespace liandong::accountability
