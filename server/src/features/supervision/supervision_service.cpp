#include "features/supervision/supervision_service.hpp"

#include <algorithm>
#include <map>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::supervision {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitleLength = 100;  // characters
constexpr std::size_t kMaxTextLength = 2000;  // characters
constexpr std::size_t kMaxAttachments = 20;   // per rectification

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length;
}

// Not closed by `as_of` and past its deadline on that China date.
bool IsOverdue(const Supervision& supervision, std::int64_t as_of) {
  const bool closed = supervision.closed_at && *supervision.closed_at <= as_of;
  return !closed && supervision.deadline < core::ChinaDate(as_of);
}

std::string Link(std::int64_t id) { return "/supervisions/" + std::to_string(id); }

}  // namespace

Supervision SupervisionService::FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  Supervision supervision =
      core::RequireInScope(core::OrgScope::Of(actor), repository_.Find(sql, id),
                           [](const Supervision& found) { return found.target_path; }, "supervision.not_found");
  supervision.overdue = IsOverdue(supervision, clock_.NowSeconds());
  return supervision;
}

Supervision SupervisionService::FindForIssuer(soci::session& sql, const core::Actor& actor, std::int64_t id,
                                              std::initializer_list<std::string_view> states) const {
  Supervision supervision = FindInScope(sql, actor, id);
  if (supervision.issuer.id != actor.org_id) {
    throw AppError(ErrorKind::kPermissionDenied, "supervision.not_issuer", "only the issuing org acts on it");
  }
  if (states.size() > 0 && std::find(states.begin(), states.end(), supervision.state) == states.end()) {
    throw AppError(ErrorKind::kConflict, "supervision.wrong_state", supervision.state);
  }
  return supervision;
}

Supervision SupervisionService::FindForTarget(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  Supervision supervision = FindInScope(sql, actor, id);
  if (supervision.target.id != actor.org_id) {
    throw AppError(ErrorKind::kPermissionDenied, "supervision.not_target", "only the target org answers it");
  }
  if (supervision.state != "open") throw AppError(ErrorKind::kConflict, "supervision.wrong_state", supervision.state);
  return supervision;
}

Supervision SupervisionService::Reload(soci::session& sql, std::int64_t id) const {
  Supervision supervision = *repository_.Find(sql, id);
  supervision.overdue = IsOverdue(supervision, clock_.NowSeconds());
  return supervision;
}

Supervision SupervisionService::Create(const core::Actor& actor, const NewSupervision& input) const {
  core::RequirePermission(actor, "supervision:write");
  if (!IsValidText(input.title, kMaxTitleLength))
    throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_title");
  if (!IsValidText(input.requirement, kMaxTextLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_requirement");
  }
  if (!core::IsIsoDate(input.deadline)) throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_deadline");
  const std::int64_t now = clock_.NowSeconds();
  if (input.deadline < core::ChinaDate(now)) {
    throw AppError(ErrorKind::kInvalidArgument, "supervision.deadline_past", input.deadline);
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const core::OrgScope own = core::OrgScope::Of(actor);
  const org::Org target = org_service_.RequireInScope(sql, own, input.target_org_id);
  const core::OrgScope target_scope = *own.Narrow(target.path);
  if (target.id == actor.org_id) throw AppError(ErrorKind::kInvalidArgument, "supervision.target_not_below");
  if (target.archived) throw AppError(ErrorKind::kInvalidArgument, "supervision.target_archived");
  if (input.assignment_id) {
    const auto assignment = task_service_.FindAssignment(sql, *input.assignment_id);
    if (!assignment || !target_scope.Contains(assignment->org_path)) {
      throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_assignment");
    }
  }
  if (input.duty_item_id) {
    const auto item = duty_service_.FindItem(sql, *input.duty_item_id);
    if (!item || !duty::VisibleFrom(item->org_path, target_scope)) {
      throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_duty_item");
    }
  }
  const std::int64_t id = repository_.Insert(sql, actor.org_id, input, actor.user_id, now);
  repository_.InsertEvent(sql, id, "issued", actor.org_id, actor.user_id, input.requirement, now);
  const Supervision supervision = Reload(sql, id);
  notification_service_.Notify(
      sql, {target.id, "supervision", "督办：" + input.title,
            supervision.issuer.name + "督办，请于 " + input.deadline + " 前整改：" + input.requirement, Link(id)});
  audit_service_.Record(sql, actor, {"supervision.create", "supervision", id});
  transaction.Commit();
  return supervision;
}

SupervisionPage SupervisionService::List(const core::Actor& actor, const SupervisionFilter& filter) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, filter.org_id);
  ListQuery query{scope};
  query.view = filter.view;
  query.org_id = scope.RootId();
  query.state = filter.state;
  query.as_of = filter.as_of.value_or(clock_.NowSeconds());
  query.as_of_date = core::ChinaDate(query.as_of);
  query.offset = filter.offset;
  query.limit = filter.limit;
  SupervisionPage page = repository_.List(session.sql(), query);
  for (Supervision& supervision : page.items) supervision.overdue = IsOverdue(supervision, query.as_of);
  return page;
}

SupervisionDetail SupervisionService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "task:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  SupervisionDetail detail;
  detail.supervision = FindInScope(sql, actor, id);
  detail.events = repository_.ListEvents(sql, id);
  std::map<std::int64_t, Event*> by_id;
  for (Event& event : detail.events) by_id[event.id] = &event;
  for (attachment::Attachment& file : attachment_store_.ListOfSupervisionEvents(sql, id)) {
    const auto event = by_id.find(file.supervision_event_id.value_or(0));
    if (event != by_id.end()) event->second->attachments.push_back(std::move(file));
  }
  const Supervision& supervision = detail.supervision;
  detail.can_rectify = supervision.target.id == actor.org_id && supervision.state == "open" && actor.Can("task:report");
  detail.can_verify =
      supervision.issuer.id == actor.org_id && supervision.state == "answered" && actor.Can("supervision:write");
  return detail;
}

void SupervisionService::CheckCanAttach(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "task:report");
  db::Session session(database_);
  FindForTarget(session.sql(), actor, id);
}

attachment::Attachment SupervisionService::Attach(const core::Actor& actor, std::int64_t id, std::string_view file_name,
                                                  std::string_view content) const {
  core::RequirePermission(actor, "task:report");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Supervision supervision = FindForTarget(sql, actor, id);
  auto saved =
      attachment_store_.Save(sql, actor, {supervision.target.id, std::nullopt, supervision.id}, file_name, content);
  audit_service_.Record(sql, actor, {"supervision.attach", "attachment", saved.attachment.id});
  transaction.Commit();
  saved.file.Keep();
  return saved.attachment;
}

Supervision SupervisionService::Rectify(const core::Actor& actor, std::int64_t id,
                                        const Rectification& rectification) const {
  core::RequirePermission(actor, "task:report");
  if (!IsValidText(rectification.text, kMaxTextLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_text");
  }
  if (rectification.attachment_ids.size() > kMaxAttachments) {
    throw AppError(ErrorKind::kInvalidArgument, "supervision.too_many_attachments");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Supervision current = FindForTarget(sql, actor, id);
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t event_id =
      repository_.InsertEvent(sql, id, "rectification", actor.org_id, actor.user_id, rectification.text, now);
  attachment_store_.LinkToSupervisionEvent(sql, rectification.attachment_ids, id, event_id);
  repository_.SetState(sql, id, "answered", std::nullopt);
  notification_service_.Notify(sql, {current.issuer.id, "supervision", "督办已整改，待核实：" + current.title,
                                     current.target.name + "：" + rectification.text, Link(id)});
  audit_service_.Record(sql, actor, {"supervision.rectify", "supervision", id});
  Supervision supervision = Reload(sql, id);
  transaction.Commit();
  return supervision;
}

Supervision SupervisionService::Verify(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "supervision:write");
  if (core::CharacterCount(text) > kMaxTextLength) throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_text");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  FindForIssuer(sql, actor, id, {"answered"});
  const std::int64_t now = clock_.NowSeconds();
  repository_.InsertEvent(sql, id, "verified", actor.org_id, actor.user_id, text, now);
  repository_.SetState(sql, id, "closed", now);
  audit_service_.Record(sql, actor, {"supervision.verify", "supervision", id});
  Supervision supervision = Reload(sql, id);
  transaction.Commit();
  return supervision;
}

Supervision SupervisionService::Return(const core::Actor& actor, std::int64_t id, const std::string& reason) const {
  core::RequirePermission(actor, "supervision:write");
  if (!IsValidText(reason, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_reason");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Supervision current = FindForIssuer(sql, actor, id, {"answered"});
  repository_.InsertEvent(sql, id, "returned", actor.org_id, actor.user_id, reason, clock_.NowSeconds());
  repository_.SetState(sql, id, "open", std::nullopt);
  notification_service_.Notify(sql, {current.target.id, "supervision", "督办整改被退回：" + current.title,
                                     current.issuer.name + "退回了整改情况：" + reason, Link(id)});
  audit_service_.Record(sql, actor, {"supervision.return", "supervision", id});
  Supervision supervision = Reload(sql, id);
  transaction.Commit();
  return supervision;
}

Event SupervisionService::FollowUp(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "supervision:write");
  if (!IsValidText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "supervision.invalid_text");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  FindForIssuer(sql, actor, id, {});
  const std::int64_t event_id =
      repository_.InsertEvent(sql, id, "follow_up", actor.org_id, actor.user_id, text, clock_.NowSeconds());
  audit_service_.Record(sql, actor, {"supervision.follow_up", "supervision", id});
  Event event = *repository_.FindEvent(sql, event_id);
  transaction.Commit();
  return event;
}

}  // namespace liandong::supervision
