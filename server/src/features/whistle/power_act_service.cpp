#include "features/whistle/power_act_service.hpp"

#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"

namespace liandong::whistle {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxSubjectLength = 100;
constexpr std::size_t kMaxTextLength = 2000;
constexpr const char* kPersonnel = "personnel_recommendation";

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length && core::IsCleanText(text);
}

bool IsOutcome(const std::string& outcome) {
  return outcome == "adopted" || outcome == "partly_adopted" || outcome == "not_adopted";
}

std::string Link(std::int64_t id) { return "/power-acts/" + std::to_string(id); }

const char* PowerName(const std::string& power) {
  if (power == "disposal") return "处置权";
  if (power == "recommendation") return "建议权";
  if (power == "participation") return "参与权";
  if (power == "supervision") return "督办权";
  return "人事任免建议权";
}

}  // namespace

bool PowerActService::IsPower(const std::string& power) {
  static const std::set<std::string> powers = {"disposal", "recommendation", "participation", "supervision",
                                               kPersonnel};
  return powers.contains(power);
}

PowerAct PowerActService::FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  auto found = repository_.FindAct(sql, id);
  if (!found) throw AppError(ErrorKind::kNotFound, "power_act.not_found");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  if (!scope.Contains(found->street_path) && !scope.Contains(found->agency_path)) {
    throw core::OutOfScope("power_act.not_found");
  }
  // Confidential: answered exactly as an act that does not exist.
  if (found->power == kPersonnel && !actor.Can("power:personnel")) throw core::OutOfScope("power_act.not_found");
  return std::move(*found);
}

PowerAct PowerActService::Create(const core::Actor& actor, const NewPowerAct& input) const {
  core::RequirePermission(actor, "power:act");
  if (!IsPower(input.power)) throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_power");
  if (input.power == kPersonnel && !actor.Can("power:personnel")) {
    throw AppError(ErrorKind::kPermissionDenied, "power_act.personnel_denied");
  }
  if (!IsValidText(input.subject, kMaxSubjectLength)) {
    throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_subject");
  }
  if (!IsValidText(input.text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_text");
  if (core::CharacterCount(input.evidence) > kMaxTextLength || !core::IsCleanText(input.evidence)) {
    throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_evidence");
  }
  const std::int64_t now = clock_.NowSeconds();
  if (!core::IsIsoDate(input.response_due) || input.response_due < core::ChinaDate(now)) {
    throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_response_due");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org street = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), input.street_org_id);
  if (street.level != "street" || street.archived) {
    throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_street");
  }
  if (!repository_.ServesStreet(sql, input.agency_org_id, street.id)) {
    throw AppError(ErrorKind::kInvalidArgument, "power_act.agency_not_serving").WithField("agency_org_id");
  }
  PowerAct act;
  act.street = {street.id, street.name, street.level};
  act.agency.id = input.agency_org_id;
  act.power = input.power;
  act.subject = input.subject;
  act.text = input.text;
  act.evidence = input.evidence;
  act.state = "awaiting_answer";
  act.acted_at = now;
  act.response_due = input.response_due;
  const std::int64_t due_at = core::ChinaDayStart(core::AddDays(input.response_due, 1)) - 1;
  act.id = repository_.InsertAct(sql, act, due_at, actor.user_id, now);
  repository_.InsertActStep(sql, act.id, "acted", actor.org_id, actor.user_id, input.subject, now);
  if (input.power != kPersonnel) {
    // A personnel recommendation goes to the department, not to the agency's own staff.
    notification_service_.Notify(sql, {input.agency_org_id, "power_act",
                                       std::string(PowerName(input.power)) + "：" + input.subject,
                                       street.name + "，请于 " + input.response_due + " 前答复。", Link(act.id)});
  }
  audit_.Record(sql, actor, {"power_act.create", "power_act", act.id, "ok", input.power});
  PowerAct created = *repository_.FindAct(sql, act.id);
  transaction.Commit();
  return created;
}

PowerActPage PowerActService::List(const core::Actor& actor, const PowerActFilter& filter) const {
  core::RequirePermission(actor, "power:read");
  if (filter.power && !IsPower(*filter.power)) throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_power");
  if (filter.state && *filter.state != "awaiting_answer" && *filter.state != "answered" &&
      *filter.state != "concluded") {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "state");
  }
  db::Session session(database_);
  PowerActQuery query{org_service_.ScopeOf(session.sql(), actor, filter.org_id)};
  query.include_personnel = actor.Can("power:personnel");
  query.power = filter.power;
  query.agency_id = filter.agency_id;
  query.state = filter.state;
  query.offset = filter.offset;
  query.limit = filter.limit;
  return repository_.ListActs(session.sql(), query);
}

PowerActDetail PowerActService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "power:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  PowerActDetail detail;
  detail.act = FindVisible(sql, actor, id);
  detail.steps = repository_.ListActSteps(sql, id);
  detail.can_answer = detail.act.agency.id == actor.org_id && actor.Can("power:answer") &&
                      detail.act.state == "awaiting_answer";
  detail.can_conclude = detail.act.street.id == actor.org_id && actor.Can("power:act") &&
                        detail.act.state != "concluded";
  return detail;
}

PowerAct PowerActService::Answer(const core::Actor& actor, std::int64_t id, const std::string& text) const {
  core::RequirePermission(actor, "power:answer");
  if (!IsValidText(text, kMaxTextLength)) throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_answer");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  PowerAct act = FindVisible(sql, actor, id);
  if (act.agency.id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "power_act.not_agency");
  if (act.state != "awaiting_answer") throw AppError(ErrorKind::kConflict, "power_act.wrong_state", act.state);
  const std::int64_t now = clock_.NowSeconds();
  act.state = "answered";
  act.answered_at = now;
  act.answer = text;
  repository_.SaveAct(sql, act, now);
  repository_.InsertActStep(sql, id, "answered", actor.org_id, actor.user_id, text, now);
  notification_service_.Notify(sql, {act.street.id, "power_act", "派出机构已答复：" + act.subject,
                                     act.agency.name + "：" + text, Link(id)});
  audit_.Record(sql, actor, {"power_act.answer", "power_act", id});
  PowerAct saved = *repository_.FindAct(sql, id);
  transaction.Commit();
  return saved;
}

PowerAct PowerActService::Conclude(const core::Actor& actor, std::int64_t id, const std::string& outcome,
                                   const std::string& text) const {
  core::RequirePermission(actor, "power:act");
  if (!IsOutcome(outcome)) throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_outcome");
  if (core::CharacterCount(text) > kMaxTextLength || !core::IsCleanText(text)) {
    throw AppError(ErrorKind::kInvalidArgument, "power_act.invalid_text");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  PowerAct act = FindVisible(sql, actor, id);
  if (act.street.id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "power_act.not_street");
  if (act.state == "concluded") throw AppError(ErrorKind::kConflict, "power_act.wrong_state", act.state);
  // A personnel recommendation is answered by the department, outside the system: the street
  // records the outcome directly. Any other act needs the agency's answer first.
  if (act.state == "awaiting_answer" && act.power != kPersonnel) {
    throw AppError(ErrorKind::kConflict, "power_act.not_answered");
  }
  const std::int64_t now = clock_.NowSeconds();
  act.state = "concluded";
  act.outcome = outcome;
  act.outcome_text = text;
  act.concluded_at = now;
  repository_.SaveAct(sql, act, now);
  const std::string label = outcome == "adopted" ? "采纳" : outcome == "partly_adopted" ? "部分采纳" : "未采纳";
  repository_.InsertActStep(sql, id, "concluded", actor.org_id, actor.user_id, label + (text.empty() ? "" : "：" + text),
                            now);
  audit_.Record(sql, actor, {"power_act.conclude", "power_act", id, "ok", outcome});
  PowerAct saved = *repository_.FindAct(sql, id);
  transaction.Commit();
  return saved;
}

std::vector<AgencyActCount> PowerActService::CountByAgency(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                                           std::int64_t at) const {
  core::RequirePermission(actor, "power:read");
  db::Session session(database_);
  const core::OrgScope scope = org_service_.ScopeOf(session.sql(), actor, org_id);
  return repository_.CountActsByAgency(session.sql(), scope, actor.Can("power:personnel"), at);
}

}  // namespace liandong::whistle
