#include "features/cobuild/agreement_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/org_scope.hpp"
#include "core/text.hpp"
#include "core/xlsx.hpp"
#include "features/cobuild/agreement_schedule.hpp"

namespace liandong::cobuild {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitleLength = 100;
constexpr std::size_t kMaxPersonLength = 50;
constexpr std::size_t kMaxDescriptionLength = 500;
constexpr std::size_t kMaxTextLength = 5000;
constexpr std::size_t kMaxReasonLength = 500;
constexpr std::size_t kMaxParties = 20;
constexpr std::size_t kMaxCommitments = 30;
constexpr std::int64_t kMaxQuantity = 1'000'000'000'000;
constexpr std::int64_t kMaxTermDays = 10 * 366;
constexpr int kSweepBatch = 500;
constexpr std::int64_t kMaxExportRows = 100000;

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length;
}

AppError FieldError(ErrorKind kind, const std::string& code, const std::string& field) {
  AppError error(kind, code);
  error.WithField(field);
  return error;
}

AppError Invalid(const std::string& code, const std::string& field) {
  return FieldError(ErrorKind::kInvalidArgument, code, field);
}

std::string Link(std::int64_t id) { return "/cobuild/agreements/" + std::to_string(id); }

// The term's dates: valid, in order, at most kMaxTermDays long.
void CheckTerm(const std::string& start_on, const std::string& end_on) {
  if (!core::IsIsoDate(start_on)) throw Invalid("agreement.invalid_date", "start_on");
  if (!core::IsIsoDate(end_on)) throw Invalid("agreement.invalid_date", "end_on");
  if (end_on < start_on) throw Invalid("agreement.end_before_start", "end_on");
  if (core::DaysOfIsoDate(end_on) - core::DaysOfIsoDate(start_on) > kMaxTermDays) {
    throw Invalid("agreement.term_too_long", "end_on");
  }
}

const char* StateName(const std::string& state) {
  if (state == "upcoming") return "未开始";
  if (state == "active") return "履行中";
  if (state == "expiring") return "即将到期";
  if (state == "ended") return "已到期";
  return "已终止";
}

}  // namespace

void AgreementService::Validate(const NewAgreement& input) {
  if (!IsValidText(input.title, kMaxTitleLength)) throw Invalid("agreement.invalid_title", "title");
  if (!IsValidText(input.org_head, kMaxPersonLength)) throw Invalid("agreement.invalid_person", "org_head");
  if (!IsValidText(input.org_liaison, kMaxPersonLength)) throw Invalid("agreement.invalid_person", "org_liaison");
  if (!core::IsIsoDate(input.signed_on)) throw Invalid("agreement.invalid_date", "signed_on");
  CheckTerm(input.start_on, input.end_on);
  if (input.parties.empty() || input.parties.size() > kMaxParties) throw Invalid("agreement.no_party", "parties");
  std::set<std::int64_t> units;
  for (const NewParty& party : input.parties) {
    if (!IsValidText(party.head, kMaxPersonLength) || !IsValidText(party.liaison, kMaxPersonLength)) {
      throw Invalid("agreement.invalid_person", "parties");
    }
    if (!units.insert(party.unit_id).second) throw Invalid("agreement.duplicate_unit", "parties");
  }
  if (input.commitments.size() > kMaxCommitments) throw Invalid("agreement.invalid_commitment", "commitments");
  for (const NewCommitment& commitment : input.commitments) {
    if (!IsCommitmentKind(commitment.kind) || !IsRhythm(commitment.rhythm) ||
        !IsValidText(commitment.description, kMaxDescriptionLength) || commitment.quantity <= 0 ||
        commitment.quantity > kMaxQuantity) {
      throw Invalid("agreement.invalid_commitment", "commitments");
    }
  }
}

Agreement AgreementService::FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.Find(sql, id, core::ChinaDate(clock_.NowSeconds())),
                              [](const Agreement& found) { return found.org_path; }, "agreement.not_found");
}

Agreement AgreementService::FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id,
                                        bool& as_party) const {
  std::optional<Agreement> found = repository_.Find(sql, id, core::ChinaDate(clock_.NowSeconds()));
  const core::OrgScope own = core::OrgScope::Of(actor);
  as_party = found && !own.Contains(found->org_path) && repository_.IsPartyOrg(sql, id, actor.org_id);
  if (as_party) return std::move(*found);
  return core::RequireInScope(own, std::move(found), [](const Agreement& agreement) { return agreement.org_path; },
                              "agreement.not_found");
}

AgreementDetail AgreementService::Load(soci::session& sql, const core::Actor& actor, const Agreement& agreement,
                                       std::int64_t as_of, bool as_party) const {
  AgreementDetail detail;
  detail.agreement = agreement;
  const std::string as_of_date = core::ChinaDate(as_of);
  const std::string today = core::ChinaDate(clock_.NowSeconds());
  // A termination counts from its day on; asked about an earlier day, the agreement was running.
  std::optional<std::string> terminated;
  if (agreement.terminated_on && *agreement.terminated_on <= as_of_date) terminated = agreement.terminated_on;
  detail.parties = repository_.ListParties(sql, agreement.id);
  // The parties whose reports the viewer may file: all, or its own unit's.
  std::set<std::int64_t> own_parties;
  for (const Party& party : detail.parties) {
    if (!as_party || party.unit_own_org_id == actor.org_id) own_parties.insert(party.id);
  }
  detail.commitments = repository_.ListCommitments(sql, agreement.id);
  for (Delivery& delivery : repository_.ListDeliveries(sql, agreement.id)) {
    if (delivery.recorded_at > as_of || delivery.delivered_on > as_of_date) continue;
    detail.deliveries.push_back(std::move(delivery));
  }
  Fulfilment& fulfilment = detail.fulfilment;
  fulfilment.as_of = as_of_date;
  for (Commitment& commitment : detail.commitments) {
    commitment.expected = ExpectedBy(commitment.quantity, commitment.rhythm, agreement.start_on, agreement.end_on,
                                     terminated, as_of_date);
    for (const Delivery& delivery : detail.deliveries) {
      if (delivery.commitment_id == commitment.id) commitment.delivered += delivery.quantity;
    }
    fulfilment.commitments_expected += commitment.expected;
    fulfilment.commitments_delivered += std::min(commitment.delivered, commitment.expected);
  }
  bool open_report = false;
  for (Report& report : repository_.ListReports(sql, agreement.id)) {
    if (terminated && report.period_start > *terminated) continue;
    const bool filed = report.filed_at && *report.filed_at <= as_of;
    if (!filed) {
      report.text.reset();
      report.filed_on.reset();
      report.filed_at.reset();
      report.filed_by.clear();
    }
    if (filed) {
      report.late = *report.filed_on > report.due_on;
      report.status = report.late ? "late_filed" : "filed";
    } else if (report.due_on < as_of_date) {
      report.late = true;
      report.status = "missing";
    } else {
      report.status = report.period_start <= as_of_date ? "due" : "upcoming";
    }
    if (report.due_on <= as_of_date) {
      ++fulfilment.reports_due;
      if (filed && !report.late) ++fulfilment.reports_on_time;
      if (report.late) ++fulfilment.reports_late;
    }
    const bool terminated_now = agreement.terminated_on && *agreement.terminated_on <= today;
    report.can_file = actor.Can("cobuild:report") && !report.filed_at && report.period_start <= today &&
                      !terminated_now && own_parties.count(report.party_id) > 0;
    if (report.can_file) open_report = true;
    detail.reports.push_back(std::move(report));
  }
  const bool running = agreement.state != "terminated";
  detail.can_write = actor.Can("cobuild:write") && running && !as_party;
  detail.can_report = open_report;
  return detail;
}

std::int64_t AgreementService::Seed(soci::session& sql, const NewAgreement& input,
                                    std::optional<std::int64_t> predecessor_id, std::int64_t created_by,
                                    std::int64_t now) const {
  const std::int64_t id = repository_.Insert(sql, input, predecessor_id, created_by, now);
  const std::vector<ReportPeriod> periods = ReportPeriods(input.start_on, input.end_on);
  for (const NewParty& party : input.parties) {
    const std::int64_t party_id = repository_.InsertParty(sql, id, party);
    for (const ReportPeriod& period : periods) repository_.InsertReport(sql, id, party_id, period);
  }
  int order = 0;
  for (const NewCommitment& commitment : input.commitments) repository_.InsertCommitment(sql, id, commitment, ++order);
  repository_.RefreshReportSummary(sql, id);
  return id;
}

void AgreementService::SeedFiling(soci::session& sql, std::int64_t agreement_id, std::int64_t report_id,
                                  const std::string& text, std::int64_t filed_at, std::int64_t filed_by) const {
  repository_.FileReport(sql, report_id, text, core::ChinaDate(filed_at), filed_at, filed_by);
  repository_.RefreshReportSummary(sql, agreement_id);
}

void AgreementService::SeedDelivery(soci::session& sql, const NewDelivery& delivery, std::int64_t recorded_by,
                                    std::int64_t now) const {
  repository_.InsertDelivery(sql, delivery, recorded_by, now);
}

AgreementDetail AgreementService::Create(const core::Actor& actor, const NewAgreement& input) const {
  core::RequirePermission(actor, "cobuild:write");
  Validate(input);
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const core::OrgScope own = core::OrgScope::Of(actor);
  const org::Org org = org_service_.RequireInScope(sql, own, input.org_id, "agreement.org_not_found");
  if (org.level != "street" && org.level != "community") throw Invalid("agreement.invalid_org", "org_id");
  if (org.archived) throw Invalid("agreement.invalid_org", "org_id");
  const core::OrgScope territory = *own.Narrow(org.path);
  std::vector<std::int64_t> notify;
  for (const NewParty& party : input.parties) {
    const unit::Unit unit = unit_service_.RequireInScope(sql, own, party.unit_id, "agreement.unit_not_found");
    if (!territory.Contains(unit.org_path)) throw Invalid("agreement.unit_outside_territory", "parties");
    if (unit.archived) throw Invalid("agreement.unit_archived", "parties");
    if (unit.fields.own_org_id) notify.push_back(*unit.fields.own_org_id);
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id = Seed(sql, input, std::nullopt, actor.user_id, now);
  for (const std::int64_t org_id : notify) {
    notification_service_.Notify(sql, {org_id, "agreement", "共建协议已签订：" + input.title,
                                       org.name + "与本单位签订共建协议，期限 " + input.start_on + " 至 " +
                                           input.end_on + "，请按季度提交履约报告",
                                       Link(id)});
  }
  audit_service_.Record(sql, actor, {"agreement.create", "agreement", id});
  AgreementDetail detail = Load(sql, actor, *repository_.Find(sql, id, core::ChinaDate(now)), now);
  transaction.Commit();
  return detail;
}

AgreementPage AgreementService::List(const core::Actor& actor, const AgreementFilter& filter) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  ListQuery query{org_service_.ScopeOf(session.sql(), actor, filter.org_id)};
  query.state = filter.state;
  query.late_only = filter.late_only;
  query.due_only = filter.due_only;
  query.text = filter.text;
  query.today = core::ChinaDate(clock_.NowSeconds());
  query.offset = filter.offset;
  query.limit = filter.limit;
  AgreementPage page = repository_.List(session.sql(), query);
  // A unit Party org's subtree signs none: its user lists the agreements its units are parties to
  // (asked only when the subtree has none, so that the streets' lists read no org more).
  if (page.total == 0 && (!filter.org_id || *filter.org_id == actor.org_id)) {
    const std::optional<org::Org> own = org_service_.FindOrg(session.sql(), actor.org_id);
    if (own && own->level == unit::kUnitOrgLevel) {
      query.party_org_id = own->id;
      page = repository_.List(session.sql(), query);
    }
  }
  return page;
}

AgreementDetail AgreementService::Get(const core::Actor& actor, std::int64_t id,
                                      std::optional<std::int64_t> as_of) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  bool as_party = false;
  const Agreement agreement = FindVisible(session.sql(), actor, id, as_party);
  return Load(session.sql(), actor, agreement, as_of.value_or(clock_.NowSeconds()), as_party);
}

std::string AgreementService::Export(const core::Actor& actor, AgreementFilter filter) const {
  core::RequirePermission(actor, "cobuild:read");
  filter.offset = 0;
  filter.limit = kMaxExportRows + 1;
  const AgreementPage page = List(actor, filter);
  if (page.total > kMaxExportRows) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "too many rows");
  const std::int64_t now = clock_.NowSeconds();
  core::Sheet sheet{"共建协议",
                    {"共建协议", "导出时间：" + core::ChinaDateTime(now) + "（北京时间）　共 " +
                                     std::to_string(page.total) + " 份；状态与逾期报告数按导出当日计"},
                    {"协议名称", "签约组织", "驻区单位", "负责人", "联络员", "签订日期", "开始日期", "结束日期",
                     "状态", "逾期报告", "终止原因", "续签自"},
                    {}};
  for (const Agreement& agreement : page.items) {
    std::string units;
    for (const std::string& name : agreement.unit_names) units += (units.empty() ? "" : "、") + name;
    sheet.rows.push_back({agreement.title, agreement.org.name, units, agreement.org_head, agreement.org_liaison,
                          agreement.signed_on, agreement.start_on, agreement.end_on, StateName(agreement.state),
                          core::NumberCell(agreement.late_reports), agreement.termination_reason,
                          agreement.predecessor_id ? core::Cell{"#" + std::to_string(*agreement.predecessor_id)}
                                                   : core::Cell{}});
  }
  std::string workbook = core::WriteWorkbook(sheet);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_service_.Record(session.sql(), actor,
                        {"agreement.export", "org", std::nullopt, "ok", std::to_string(page.total) + " rows"});
  transaction.Commit();
  return workbook;
}

AgreementDetail AgreementService::FileReport(const core::Actor& actor, std::int64_t id,
                                             const NewReportFiling& filing) const {
  core::RequirePermission(actor, "cobuild:report");
  if (!IsValidText(filing.text, kMaxTextLength)) throw Invalid("agreement.invalid_text", "text");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  bool as_party = false;
  const Agreement agreement = FindVisible(sql, actor, id, as_party);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  std::vector<Report> reports = repository_.ListReports(sql, id);
  const auto report = std::find_if(reports.begin(), reports.end(),
                                   [&](const Report& candidate) { return candidate.id == filing.report_id; });
  if (report == reports.end() || (agreement.terminated_on && report->period_start > *agreement.terminated_on)) {
    throw Invalid("agreement.invalid_report", "report_id");
  }
  if (as_party) {
    // A unit's own user files its own unit's reports, not another party's.
    bool own = false;
    for (const Party& party : repository_.ListParties(sql, id)) {
      if (party.id == report->party_id && party.unit_own_org_id == actor.org_id) own = true;
    }
    if (!own) throw Invalid("agreement.not_own_report", "report_id");
  }
  if (report->filed_at) throw FieldError(ErrorKind::kConflict, "agreement.report_filed", "report_id");
  if (report->period_start > today) throw FieldError(ErrorKind::kConflict, "agreement.report_not_open", "report_id");
  if (!repository_.FileReport(sql, report->id, filing.text, today, now, actor.user_id)) {
    throw FieldError(ErrorKind::kConflict, "agreement.report_filed", "report_id");
  }
  repository_.RefreshReportSummary(sql, id);
  if (agreement.org.id != actor.org_id) {
    notification_service_.Notify(sql, {agreement.org.id, "agreement", "共建协议季度报告已提交：" + agreement.title,
                                       report->unit_name + "提交了 " + report->period_start + " 至 " +
                                           report->period_end + " 的履约报告",
                                       Link(id)});
  }
  audit_service_.Record(sql, actor, {"agreement.report", "agreement_report", report->id});
  AgreementDetail detail = Load(sql, actor, *repository_.Find(sql, id, today), now, as_party);
  transaction.Commit();
  return detail;
}

AgreementDetail AgreementService::RecordDelivery(const core::Actor& actor, std::int64_t id,
                                                 const NewDelivery& delivery) const {
  core::RequirePermission(actor, "cobuild:write");
  if (!core::IsIsoDate(delivery.delivered_on)) throw Invalid("agreement.invalid_date", "delivered_on");
  if (delivery.quantity <= 0 || delivery.quantity > kMaxQuantity) throw Invalid("agreement.invalid_quantity", "quantity");
  if (!IsValidText(delivery.text, kMaxDescriptionLength)) throw Invalid("agreement.invalid_text", "text");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Agreement agreement = FindInScope(sql, actor, id);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  const std::vector<Commitment> commitments = repository_.ListCommitments(sql, id);
  if (std::none_of(commitments.begin(), commitments.end(),
                   [&](const Commitment& line) { return line.id == delivery.commitment_id; })) {
    throw Invalid("agreement.invalid_commitment", "commitment_id");
  }
  std::string last = std::min(agreement.end_on, today);
  if (agreement.terminated_on) last = std::min(last, *agreement.terminated_on);
  if (delivery.delivered_on < agreement.start_on || delivery.delivered_on > last) {
    throw Invalid("agreement.delivery_outside_term", "delivered_on");
  }
  const std::int64_t delivery_id = repository_.InsertDelivery(sql, delivery, actor.user_id, now);
  audit_service_.Record(sql, actor, {"agreement.deliver", "commitment_delivery", delivery_id});
  AgreementDetail detail = Load(sql, actor, agreement, now);
  transaction.Commit();
  return detail;
}

AgreementDetail AgreementService::Terminate(const core::Actor& actor, std::int64_t id,
                                            const std::string& reason) const {
  core::RequirePermission(actor, "cobuild:write");
  if (!IsValidText(reason, kMaxReasonLength)) throw Invalid("agreement.invalid_reason", "reason");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Agreement agreement = FindInScope(sql, actor, id);
  if (agreement.state == "ended" || agreement.state == "terminated") {
    throw AppError(ErrorKind::kConflict, "agreement.wrong_state", agreement.state);
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  repository_.Terminate(sql, id, today, reason);
  repository_.RefreshReportSummary(sql, id);
  for (const Party& party : repository_.ListParties(sql, id)) {
    const auto unit = unit_service_.FindUnit(sql, party.unit_id);
    if (!unit || !unit->fields.own_org_id) continue;
    notification_service_.Notify(sql, {*unit->fields.own_org_id, "agreement", "共建协议已终止：" + agreement.title,
                                       agreement.org.name + "于 " + today + " 终止协议：" + reason, Link(id)});
  }
  audit_service_.Record(sql, actor, {"agreement.terminate", "agreement", id});
  AgreementDetail detail = Load(sql, actor, *repository_.Find(sql, id, today), now);
  transaction.Commit();
  return detail;
}

AgreementDetail AgreementService::Renew(const core::Actor& actor, std::int64_t id, const Renewal& renewal) const {
  core::RequirePermission(actor, "cobuild:write");
  if (renewal.signed_on && !core::IsIsoDate(*renewal.signed_on)) throw Invalid("agreement.invalid_date", "signed_on");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Agreement predecessor = FindInScope(sql, actor, id);
  if (predecessor.state == "terminated") throw AppError(ErrorKind::kConflict, "agreement.wrong_state", "terminated");
  if (predecessor.successor_id) throw AppError(ErrorKind::kConflict, "agreement.already_renewed");
  const std::int64_t now = clock_.NowSeconds();
  NewAgreement input;
  input.org_id = predecessor.org.id;
  input.title = predecessor.title;
  input.org_head = predecessor.org_head;
  input.org_liaison = predecessor.org_liaison;
  input.signed_on = renewal.signed_on.value_or(core::ChinaDate(now));
  input.start_on = renewal.start_on.value_or(core::AddDays(predecessor.end_on, 1));
  input.end_on = renewal.end_on;
  CheckTerm(input.start_on, input.end_on);
  if (input.start_on <= predecessor.end_on) throw Invalid("agreement.renewal_overlaps", "start_on");
  for (const Party& party : repository_.ListParties(sql, id)) {
    const auto unit = unit_service_.FindUnit(sql, party.unit_id);
    if (!unit || unit->archived) continue;  // a unit gone since is left out of the renewal
    input.parties.push_back({party.unit_id, party.head, party.liaison});
  }
  if (input.parties.empty()) throw Invalid("agreement.no_party", "parties");
  for (const Commitment& line : repository_.ListCommitments(sql, id)) {
    input.commitments.push_back({line.kind, line.description, line.quantity, line.rhythm});
  }
  const std::int64_t renewed = Seed(sql, input, id, actor.user_id, now);
  audit_service_.Record(sql, actor, {"agreement.renew", "agreement", renewed, "ok", "from " + std::to_string(id)});
  AgreementDetail detail = Load(sql, actor, *repository_.Find(sql, renewed, core::ChinaDate(now)), now);
  transaction.Commit();
  return detail;
}

std::int64_t AgreementService::SweepReminders() const {
  std::int64_t reminded = 0;
  while (true) {
    db::Session session(database_);
    soci::session& sql = session.sql();
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    const std::int64_t now = clock_.NowSeconds();
    const std::string today = core::ChinaDate(now);
    const std::vector<ReportToRemind> due =
        repository_.DueForReminder(sql, core::AddDays(today, kReminderDays), kSweepBatch);
    if (due.empty()) break;
    std::int64_t told = 0;
    for (const ReportToRemind& report : due) {
      if (!repository_.MarkReminded(sql, report.id, now)) continue;
      ++told;
      const bool late = report.due_on < today;
      const std::string title =
          std::string(late ? "共建协议季度报告已逾期：" : "共建协议季度报告即将到期：") + report.unit_name;
      const std::string body = report.agreement_title + "：" + report.unit_name + "的季度履约报告" +
                               (late ? "已于 " + report.due_on + " 到期，尚未提交"
                                     : "将于 " + report.due_on + " 到期，请按时提交");
      notification_service_.Notify(sql, {report.org_id, "agreement", title, body, Link(report.agreement_id)});
      if (report.unit_own_org_id) {
        notification_service_.Notify(sql,
                                     {*report.unit_own_org_id, "agreement", title, body, Link(report.agreement_id)});
      }
    }
    audit_service_.RecordAnonymous(
        sql, {"agreement.remind", "agreement_report", std::nullopt, "ok", std::to_string(told) + " reports"}, "", "");
    transaction.Commit();
    reminded += told;
    if (static_cast<int>(due.size()) < kSweepBatch) break;
  }
  return reminded;
}

}  // namespace liandong::cobuild
