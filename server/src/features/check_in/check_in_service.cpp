#include "features/check_in/check_in_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/org_scope.hpp"
#include "core/text.hpp"
#include "core/xlsx.hpp"

namespace liandong::check_in {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitleLength = 100;
constexpr std::size_t kMaxTextLength = 500;
constexpr std::int64_t kMaxHeadcount = 1000;
constexpr std::int64_t kMaxExportRows = 100000;
constexpr std::int64_t kSheetPage = 100000;

AppError Invalid(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kInvalidArgument, code);
  error.WithField(field);
  return error;
}

AppError Conflict(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kConflict, code);
  error.WithField(field);
  return error;
}

AppError NotFound(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kNotFound, code);
  error.WithField(field);
  return error;
}

// A valid China date, not after today; the day itself when given, today otherwise.
std::string PastDate(const std::optional<std::string>& date, const std::string& today, const std::string& field) {
  if (!date) return today;
  if (!core::IsIsoDate(*date)) throw Invalid("check_in.invalid_date", field);
  if (*date > today) throw Invalid("check_in.future_date", field);
  return *date;
}

int YearOf(const std::string& date) { return std::stoi(date.substr(0, 4)); }
int QuarterOf(const std::string& date) { return (std::stoi(date.substr(5, 2)) - 1) / 3 + 1; }

std::string QuarterName(int year, int quarter) {
  return std::to_string(year) + " 年第" + std::string(quarter == 1 ? "一" : quarter == 2 ? "二" : quarter == 3 ? "三" : "四") +
         "季度";
}

const char* GradeName(const std::string& grade) {
  if (grade == "excellent") return "优秀";
  if (grade == "good") return "良好";
  if (grade == "fair") return "一般";
  if (grade == "poor") return "较差";
  return "";
}

bool RanDuring(const std::string& reported_on, const std::optional<std::string>& ended_on, const std::string& start,
               const std::string& end) {
  return reported_on <= end && (!ended_on || *ended_on >= start);
}

}  // namespace

// Unit check-ins.

Page<UnitCheckIn> CheckInService::ListUnitCheckIns(const core::Actor& actor, const RosterFilter& filter) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListUnitCheckIns(session.sql(), orgs_.ScopeOf(session.sql(), actor, filter.org_id), filter);
}

UnitCheckIn CheckInService::ReportUnit(const core::Actor& actor, const NewUnitCheckIn& input) const {
  core::RequirePermission(actor, "check_in:write");
  if (core::CharacterCount(input.note) > kMaxTextLength) throw Invalid("check_in.invalid_text", "note");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  const std::string reported_on = PastDate(input.reported_on, today, "reported_on");
  const core::OrgScope own = core::OrgScope::Of(actor);
  // The unit's location or its Party org must lie in the subtree: the community, or the unit's own org.
  const std::optional<unit::Unit> unit = units_.FindUnit(sql, input.unit_id);
  if (!unit || unit->archived) throw NotFound("check_in.unit_not_found", "unit_id");
  const std::optional<unit::OrgRef> party = unit->own_org ? unit->own_org : unit->joint_branch_org;
  std::optional<org::Org> party_org;
  if (party) party_org = orgs_.FindOrg(sql, party->id);
  if (!own.Contains(unit->org_path) && !(party_org && own.Contains(party_org->path))) {
    throw core::OutOfScope("check_in.unit_not_found");
  }
  if (!party_org) throw Invalid("check_in.unit_without_party_org", "unit_id");
  // The community the unit sits in: its location or the nearest community above it.
  std::optional<org::Org> community = orgs_.FindOrg(sql, unit->fields.org_id);
  while (community && community->level != "community" && community->parent_id) {
    community = orgs_.FindOrg(sql, *community->parent_id);
  }
  if (!community || community->level != "community") throw Invalid("check_in.unit_not_in_community", "unit_id");
  if (repository_.FindRunningUnitCheckIn(sql, unit->id)) throw Conflict("check_in.unit_already_reported", "unit_id");
  const std::int64_t id =
      repository_.InsertUnitCheckIn(sql, unit->id, party_org->id, community->id, reported_on, input.note, actor.user_id, now);
  notifications_.Notify(sql, {community->id, "check_in", "驻区单位党组织报到：" + unit->fields.name,
                              party_org->name + "于 " + reported_on + " 向本社区报到，请确认接收", "/check-in/roster"});
  audit_.Record(sql, actor, {"check_in.unit_report", "unit_check_in", id});
  UnitCheckIn check_in = *repository_.FindUnitCheckIn(sql, id);
  transaction.Commit();
  return check_in;
}

UnitCheckIn CheckInService::ReceiveUnit(const core::Actor& actor, std::int64_t id,
                                        std::optional<std::string> received_on) const {
  core::RequirePermission(actor, "check_in:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const UnitCheckIn check_in =
      core::RequireInScope(core::OrgScope::Of(actor), repository_.FindUnitCheckIn(sql, id),
                           [](const UnitCheckIn& found) { return found.community_path; }, "check_in.not_found");
  const std::int64_t now = clock_.NowSeconds();
  const std::string on = PastDate(received_on, core::ChinaDate(now), "received_on");
  if (check_in.received_on) throw Conflict("check_in.already_received", "id");
  if (on < check_in.reported_on) throw Invalid("check_in.received_before_report", "received_on");
  if (!repository_.ReceiveUnitCheckIn(sql, id, on, actor.user_id, now)) throw Conflict("check_in.already_received", "id");
  notifications_.Notify(sql, {check_in.party_org.id, "check_in", "报到单已接收：" + check_in.community.name,
                              check_in.community.name + "已于 " + on + " 接收本单位党组织的报到单", "/check-in/roster"});
  audit_.Record(sql, actor, {"check_in.unit_receive", "unit_check_in", id});
  UnitCheckIn received = *repository_.FindUnitCheckIn(sql, id);
  transaction.Commit();
  return received;
}

// Member check-ins.

Page<MemberCheckIn> CheckInService::ListMemberCheckIns(const core::Actor& actor, const RosterFilter& filter) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListMemberCheckIns(session.sql(), orgs_.ScopeOf(session.sql(), actor, filter.org_id), filter);
}

MemberCheckInDetail CheckInService::GetMemberCheckIn(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  const core::OrgScope own = core::OrgScope::Of(actor);
  // The community's users, and the member's own Party org.
  const MemberCheckIn check_in = core::RequireInScope(
      own, repository_.FindMemberCheckIn(session.sql(), id),
      [&](const MemberCheckIn& found) {
        return own.Contains(found.employer_org_path) ? found.employer_org_path : found.community_path;
      },
      "check_in.not_found");
  return {check_in, repository_.ListMemberHistory(session.sql(), check_in.member_id)};
}

MemberCheckInDetail CheckInService::ReportMember(const core::Actor& actor, const NewMemberCheckIn& input) const {
  core::RequirePermission(actor, "check_in:write");
  const auto id_number = core::NormaliseIdNumber(input.id_number);
  if (!id_number) throw Invalid("check_in.invalid_id_number", "id_number");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  const std::string reported_on = PastDate(input.reported_on, core::ChinaDate(now), "reported_on");
  const org::Org community =
      orgs_.RequireInScope(sql, core::OrgScope::Of(actor), input.community_id, "check_in.community_not_found");
  if (community.level != "community" || community.archived) throw Invalid("check_in.not_a_community", "community_id");
  const std::optional<member::Member> member = members_.FindByIdNumber(sql, *id_number);
  if (!member) throw NotFound("check_in.member_not_found", "id_number");
  if (!member->in_service) throw Invalid("check_in.not_in_service", "id_number");
  std::optional<std::int64_t> previous_id;
  if (const auto running = repository_.FindRunningMemberCheckIn(sql, member->id)) {
    if (running->community.id == community.id) throw Conflict("check_in.already_reported", "id_number");
    if (!input.transfer) throw Conflict("check_in.second_community", "id_number");
    if (reported_on < running->reported_on) throw Invalid("check_in.transfer_before_report", "reported_on");
    repository_.EndMemberCheckIn(sql, running->id, reported_on);
    previous_id = running->id;
    notifications_.Notify(sql, {running->community.id, "check_in", "在职党员转至其他社区报到：" + member->name,
                                member->name + "于 " + reported_on + " 转至" + community.name + "报到",
                                "/check-in/roster"});
  }
  const std::int64_t id = repository_.InsertMemberCheckIn(sql, member->id, community.id, reported_on, previous_id,
                                                          actor.user_id, now);
  notifications_.Notify(sql, {member->org.id, "check_in", "在职党员到居住社区报到：" + member->name,
                              member->name + "于 " + reported_on + " 到" + community.name + "报到",
                              "/check-in/feedback-sheets"});
  audit_.Record(sql, actor,
                {previous_id ? "check_in.member_transfer" : "check_in.member_report", "member_check_in", id});
  MemberCheckInDetail detail{*repository_.FindMemberCheckIn(sql, id), repository_.ListMemberHistory(sql, member->id)};
  transaction.Commit();
  return detail;
}

std::string CheckInService::ExportRoster(const core::Actor& actor, std::optional<std::int64_t> org_id) const {
  core::RequirePermission(actor, "check_in:read");
  RosterFilter filter;
  filter.org_id = org_id;
  filter.limit = kMaxExportRows + 1;
  db::Session session(database_);
  soci::session& sql = session.sql();
  const core::OrgScope scope = orgs_.ScopeOf(sql, actor, org_id);
  const Page<UnitCheckIn> units = repository_.ListUnitCheckIns(sql, scope, filter);
  const Page<MemberCheckIn> members = repository_.ListMemberCheckIns(sql, scope, filter);
  if (units.total + members.total > kMaxExportRows) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "too many rows");
  }
  const std::int64_t now = clock_.NowSeconds();
  core::Sheet sheet{"报到花名册",
                    {"双报到花名册", "导出时间：" + core::ChinaDateTime(now) + "（北京时间）　驻区单位党组织 " +
                                         std::to_string(units.total) + " 个，在职党员 " +
                                         std::to_string(members.total) + " 名（在册）"},
                    {"类别", "名称", "身份证号", "所在党组织", "报到社区", "报到日期", "社区接收日期"},
                    {}};
  for (const UnitCheckIn& row : units.items) {
    sheet.rows.push_back({std::string("驻区单位党组织"), row.unit.name, core::Cell{}, row.party_org.name,
                          row.community.name, row.reported_on,
                          row.received_on ? core::Cell{*row.received_on} : core::Cell{std::string("待接收")}});
  }
  for (const MemberCheckIn& row : members.items) {
    sheet.rows.push_back({std::string("在职党员"), row.member_name, row.id_number_masked, row.employer_org.name,
                          row.community.name, row.reported_on, core::Cell{}});
  }
  std::string workbook = core::WriteWorkbook(sheet);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_.Record(sql, actor,
                {"check_in.export", "org", std::nullopt, "ok", std::to_string(sheet.rows.size()) + " rows"});
  transaction.Commit();
  return workbook;
}

// Service posts.

std::vector<ServiceCategory> CheckInService::ListCategories(const core::Actor& actor) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListCategories(session.sql());
}

Page<ServicePost> CheckInService::ListPosts(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                            std::int64_t offset, std::int64_t limit) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListPosts(session.sql(), orgs_.ScopeOf(session.sql(), actor, org_id), offset, limit);
}

ServiceHoursPage CheckInService::ListServiceHours(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                                 int year, std::int64_t offset, std::int64_t limit) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListServiceHours(session.sql(), orgs_.ScopeOf(session.sql(), actor, org_id), year, offset,
                                      limit);
}

ServicePost CheckInService::FindPostInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.FindPost(sql, id),
                              [](const ServicePost& post) { return post.community_path; }, "check_in.post_not_found");
}

ServicePostDetail CheckInService::LoadPost(soci::session& sql, const core::Actor& actor, const ServicePost& post) const {
  return {post, repository_.ListSignUps(sql, post.id), repository_.ListHours(sql, post.id), actor.Can("check_in:write")};
}

ServicePostDetail CheckInService::GetPost(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return LoadPost(session.sql(), actor, FindPostInScope(session.sql(), actor, id));
}

ServicePostDetail CheckInService::PublishPost(const core::Actor& actor, const NewServicePost& input) const {
  core::RequirePermission(actor, "check_in:write");
  if (input.title.empty() || core::CharacterCount(input.title) > kMaxTitleLength) {
    throw Invalid("check_in.invalid_title", "title");
  }
  if (core::CharacterCount(input.description) > kMaxTextLength) throw Invalid("check_in.invalid_text", "description");
  if (input.headcount < 1 || input.headcount > kMaxHeadcount) throw Invalid("check_in.invalid_headcount", "headcount");
  if (!core::IsIsoDate(input.starts_on)) throw Invalid("check_in.invalid_date", "starts_on");
  if (!core::IsIsoDate(input.ends_on)) throw Invalid("check_in.invalid_date", "ends_on");
  if (input.ends_on < input.starts_on) throw Invalid("check_in.end_before_start", "ends_on");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org community =
      orgs_.RequireInScope(sql, core::OrgScope::Of(actor), input.community_id, "check_in.community_not_found");
  if (community.level != "community" || community.archived) throw Invalid("check_in.not_a_community", "community_id");
  if (!repository_.FindCategory(sql, input.category_id)) throw Invalid("check_in.category_not_found", "category_id");
  const std::int64_t id = repository_.InsertPost(sql, input, actor.user_id, clock_.NowSeconds());
  audit_.Record(sql, actor, {"check_in.post_publish", "service_post", id});
  ServicePostDetail detail = LoadPost(sql, actor, *repository_.FindPost(sql, id));
  transaction.Commit();
  return detail;
}

ServicePostDetail CheckInService::SignUpMember(const core::Actor& actor, std::int64_t post_id,
                                               std::int64_t check_in_id) const {
  core::RequirePermission(actor, "check_in:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const ServicePost post = FindPostInScope(sql, actor, post_id);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  const auto check_in = repository_.FindMemberCheckIn(sql, check_in_id);
  if (!check_in || check_in->community.id != post.community.id || check_in->ended_on) {
    throw Invalid("check_in.not_reported_here", "check_in_id");
  }
  if (post.ends_on < today) throw Conflict("check_in.post_closed", "post_id");
  if (repository_.FindSignUp(sql, post.id, check_in->member_id)) throw Conflict("check_in.already_signed_up", "check_in_id");
  const auto sign_up = repository_.InsertSignUp(sql, post.id, check_in->id, check_in->member_id, today, actor.user_id, now);
  if (!sign_up) throw Conflict("check_in.post_full", "post_id");
  audit_.Record(sql, actor, {"check_in.sign_up", "service_sign_up", *sign_up});
  ServicePostDetail detail = LoadPost(sql, actor, *repository_.FindPost(sql, post.id));
  transaction.Commit();
  return detail;
}

ServicePostDetail CheckInService::RecordHours(const core::Actor& actor, std::int64_t post_id,
                                              const NewHours& hours) const {
  core::RequirePermission(actor, "check_in:write");
  if (!core::IsIsoDate(hours.served_on)) throw Invalid("check_in.invalid_date", "served_on");
  if (hours.minutes < 30 || hours.minutes > 24 * 60 || hours.minutes % 30 != 0) {
    throw Invalid("check_in.invalid_hours", "hours");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const ServicePost post = FindPostInScope(sql, actor, post_id);
  const std::int64_t now = clock_.NowSeconds();
  if (hours.served_on > core::ChinaDate(now)) throw Invalid("check_in.future_date", "served_on");
  const auto check_in = repository_.FindMemberCheckIn(sql, hours.check_in_id);
  if (!check_in || check_in->community.id != post.community.id) throw Invalid("check_in.not_reported_here", "check_in_id");
  const auto sign_up = repository_.FindSignUp(sql, post.id, check_in->member_id);
  if (!sign_up) throw Invalid("check_in.not_signed_up", "check_in_id");
  if (hours.served_on < post.starts_on || hours.served_on > post.ends_on) {
    throw Invalid("check_in.outside_post_period", "served_on");
  }
  if (repository_.HasHours(sql, *sign_up, hours.served_on)) throw Conflict("check_in.hours_recorded", "served_on");
  const std::int64_t id = repository_.InsertHours(sql, post, *sign_up, check_in->member_id, hours, actor.user_id, now);
  audit_.Record(sql, actor, {"check_in.hours", "service_hours", id});
  ServicePostDetail detail = LoadPost(sql, actor, post);
  transaction.Commit();
  return detail;
}

// Feedback sheets.

GeneratedSheets CheckInService::Generate(soci::session& sql, const core::OrgScope& scope, int year, int quarter,
                                         std::int64_t now) const {
  GeneratedSheets made{year, quarter, 0, 0};
  const std::string link = "/check-in/feedback-sheets?year=" + std::to_string(year) + "&quarter=" +
                           std::to_string(quarter);
  for (const SheetsOfOrg& org : repository_.GenerateSheets(sql, scope, year, quarter, now)) {
    made.sheets += org.sheets;
    ++made.orgs;
    notifications_.Notify(sql, {org.employer_org_id, "feedback_sheet", "在职党员服务登记卡：" + QuarterName(year, quarter),
                                "本组织 " + std::to_string(org.sheets) + " 名在职党员在居住社区的" +
                                    QuarterName(year, quarter) + "服务登记卡已送达，可查看并下载 .xlsx",
                                link});
  }
  return made;
}

GeneratedSheets CheckInService::GenerateSheets(const core::Actor& actor, std::int64_t org_id, int year,
                                               int quarter) const {
  core::RequirePermission(actor, "check_in:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const org::Org org = orgs_.RequireInScope(sql, core::OrgScope::Of(actor), org_id, "check_in.org_not_found");
  if (quarter < 1 || quarter > 4) throw Invalid("check_in.invalid_quarter", "quarter");
  if (year < 2000 || year > 2100) throw Invalid("check_in.invalid_quarter", "year");
  const std::int64_t now = clock_.NowSeconds();
  if (QuarterStart(year, quarter) > core::ChinaDate(now)) throw Invalid("check_in.quarter_not_started", "quarter");
  const GeneratedSheets made = Generate(sql, *core::OrgScope::Of(actor).Narrow(org.path), year, quarter, now);
  audit_.Record(sql, actor,
                {"check_in.sheets_generate", "org", org.id, "ok",
                 std::to_string(year) + "Q" + std::to_string(quarter) + " " + std::to_string(made.sheets) + " sheets"});
  transaction.Commit();
  return made;
}

Page<FeedbackSheet> CheckInService::ListSheets(const core::Actor& actor, std::optional<std::int64_t> org_id, int year,
                                               int quarter, std::int64_t offset, std::int64_t limit) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListSheets(session.sql(), orgs_.ScopeOf(session.sql(), actor, org_id), year, quarter, offset,
                                limit);
}

std::string CheckInService::ExportSheets(const core::Actor& actor, std::optional<std::int64_t> org_id, int year,
                                         int quarter) const {
  const Page<FeedbackSheet> page = ListSheets(actor, org_id, year, quarter, 0, kSheetPage);
  if (page.total > kSheetPage) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "too many rows");
  core::Sheet sheet{"服务登记卡",
                    {"在职党员到居住社区报到服务登记卡（" + QuarterName(year, quarter) + "）",
                     "服务期间：" + QuarterStart(year, quarter) + " 至 " + QuarterEnd(year, quarter) + "　共 " +
                         std::to_string(page.total) + " 张；服务时长由社区登记"},
                    {"姓名", "身份证号", "所在党组织", "报到社区", "服务次数", "服务时长（小时）", "社区年度评价",
                     "生成时间"},
                    {}};
  for (const FeedbackSheet& row : page.items) {
    sheet.rows.push_back({row.member_name, row.id_number_masked, row.employer_org.name, row.community.name,
                          core::NumberCell(row.sessions), core::NumberCell(static_cast<double>(row.minutes) / 60.0),
                          std::string(GradeName(row.evaluation_grade)), core::ChinaDateTime(row.generated_at)});
  }
  std::string workbook = core::WriteWorkbook(sheet);
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_.Record(session.sql(), actor,
                {"check_in.sheets_export", "org", std::nullopt, "ok", std::to_string(page.total) + " rows"});
  transaction.Commit();
  return workbook;
}

std::int64_t CheckInService::SweepFeedbackSheets() const {
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  int year = YearOf(today);
  int quarter = QuarterOf(today) - 1;
  if (quarter == 0) {
    quarter = 4;
    --year;
  }
  if (repository_.QuarterSent(sql, year, quarter)) return 0;
  const auto root = repository_.RootPath(sql);
  if (!root) return 0;
  const GeneratedSheets made = Generate(sql, core::OrgScope::WholeTree(*root), year, quarter, now);
  repository_.MarkQuarterSent(sql, year, quarter, made.sheets, now);
  audit_.RecordAnonymous(sql,
                         {"check_in.sheets_send", "feedback_sheet", std::nullopt, "ok",
                          std::to_string(year) + "Q" + std::to_string(quarter) + " " + std::to_string(made.sheets) +
                              " sheets"},
                         "", "");
  transaction.Commit();
  return made.sheets;
}

// Yearly evaluations.

Evaluation CheckInService::Evaluate(const core::Actor& actor, const NewEvaluation& input) const {
  core::RequirePermission(actor, "check_in:write");
  if (input.subject_kind != "member" && input.subject_kind != "unit") throw Invalid("check_in.invalid_subject", "subject_kind");
  if (!IsGrade(input.grade)) throw Invalid("check_in.invalid_grade", "grade");
  if (core::CharacterCount(input.comment) > kMaxTextLength) throw Invalid("check_in.invalid_text", "comment");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  if (input.year < 2000 || input.year > YearOf(core::ChinaDate(now))) throw Invalid("check_in.invalid_year", "year");
  const std::string start = std::to_string(input.year) + "-01-01", end = std::to_string(input.year) + "-12-31";
  const core::OrgScope own = core::OrgScope::Of(actor);
  std::int64_t community_id = 0, subject_id = 0, subject_org_id = 0;
  if (input.subject_kind == "member") {
    const MemberCheckIn check_in =
        core::RequireInScope(own, repository_.FindMemberCheckIn(sql, input.check_in_id),
                             [](const MemberCheckIn& found) { return found.community_path; }, "check_in.not_found");
    if (!RanDuring(check_in.reported_on, check_in.ended_on, start, end)) {
      throw Invalid("check_in.not_reported_in_year", "year");
    }
    community_id = check_in.community.id;
    subject_id = check_in.member_id;
    subject_org_id = check_in.employer_org.id;
  } else {
    const UnitCheckIn check_in =
        core::RequireInScope(own, repository_.FindUnitCheckIn(sql, input.check_in_id),
                             [](const UnitCheckIn& found) { return found.community_path; }, "check_in.not_found");
    if (!RanDuring(check_in.reported_on, check_in.ended_on, start, end)) {
      throw Invalid("check_in.not_reported_in_year", "year");
    }
    community_id = check_in.community.id;
    subject_id = check_in.unit.id;
    subject_org_id = check_in.party_org.id;
  }
  if (repository_.FindEvaluation(sql, input.year, community_id, input.subject_kind, subject_id)) {
    throw Conflict("check_in.already_evaluated", "check_in_id");
  }
  const std::int64_t id = repository_.InsertEvaluation(sql, input.year, community_id, input.subject_kind, subject_id,
                                                       subject_org_id, input.grade, input.comment, actor.user_id, now);
  audit_.Record(sql, actor, {"check_in.evaluate", "check_in_evaluation", id});
  Evaluation evaluation;
  for (const Evaluation& row : repository_.ListEvaluations(sql, own, input.year, 0, kSheetPage).items) {
    if (row.id == id) evaluation = row;
  }
  transaction.Commit();
  return evaluation;
}

Page<Evaluation> CheckInService::ListEvaluations(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                                 int year, std::int64_t offset, std::int64_t limit) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListEvaluations(session.sql(), orgs_.ScopeOf(session.sql(), actor, org_id), year, offset, limit);
}

// Two-way evaluation.

std::vector<EvaluationItem> CheckInService::ListItems(const core::Actor& actor) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  return repository_.ListItems(session.sql());
}

MutualEvaluationView CheckInService::View(soci::session& sql, const core::Actor& actor, const org::Org& org,
                                          int year) const {
  MutualEvaluationView view;
  view.org = {org.id, org.name};
  view.year = year;
  const std::vector<UnitCheckIn> as_unit = repository_.UnitCheckInsOfYear(sql, std::nullopt, org.id, year);
  view.side = org.level == "community" ? "community" : !as_unit.empty() ? "unit" : "none";
  view.received = repository_.AverageReceived(sql, org.id, year, view.received_count);
  // Only the side itself sees the ratings it gave and whom it may still rate.
  if (org.id != actor.org_id || view.side == "none") return view;
  view.given = repository_.ListGiven(sql, org.id, year);
  std::set<std::pair<std::int64_t, std::int64_t>> rated;
  for (const MutualEvaluation& given : view.given) rated.insert({given.community.id, given.unit.id});
  const std::vector<UnitCheckIn> pairs =
      view.side == "community" ? repository_.UnitCheckInsOfYear(sql, org.id, std::nullopt, year) : as_unit;
  for (const UnitCheckIn& pair : pairs) {
    if (rated.insert({pair.community.id, pair.unit.id}).second) view.to_rate.push_back({pair.community, pair.unit});
  }
  return view;
}

MutualEvaluationView CheckInService::Rate(const core::Actor& actor, const NewMutualEvaluation& input) const {
  core::RequirePermission(actor, "check_in:write");
  if (!IsDirection(input.direction)) throw Invalid("mutual_evaluation.invalid_direction", "direction");
  if (core::CharacterCount(input.comment) > kMaxTextLength) throw Invalid("mutual_evaluation.invalid_comment", "comment");
  for (const auto& [item, score] : input.scores) {
    if (score < 1 || score > 5) throw Invalid("mutual_evaluation.score_out_of_scale", "scores");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  if (input.year < 2000 || input.year > YearOf(core::ChinaDate(now))) {
    throw Invalid("mutual_evaluation.invalid_year", "year");
  }
  const core::OrgScope own = core::OrgScope::Of(actor);
  const bool by_community = input.direction == "community_to_unit";
  std::optional<org::Org> community;
  if (by_community) {
    community = orgs_.RequireInScope(sql, own, input.community_id, "mutual_evaluation.community_not_found");
  } else {
    community = orgs_.FindOrg(sql, input.community_id);
    if (!community) throw NotFound("mutual_evaluation.community_not_found", "community_id");
  }
  if (community->level != "community") throw Invalid("mutual_evaluation.community_not_found", "community_id");
  // The pair: the unit's check-in at the community, running some time of the year.
  std::optional<UnitCheckIn> pair;
  for (const UnitCheckIn& check_in : repository_.UnitCheckInsOfYear(sql, community->id, std::nullopt, input.year)) {
    if (check_in.unit.id == input.unit_id) pair = check_in;
  }
  if (!by_community) {
    // The unit's side: its Party org must be the actor's subtree.
    const std::optional<unit::Unit> unit = units_.FindUnit(sql, input.unit_id);
    if (!unit) throw NotFound("mutual_evaluation.unit_not_found", "unit_id");
    if (!pair || !own.Contains(pair->party_org_path)) throw core::OutOfScope("mutual_evaluation.unit_not_found");
  }
  if (!pair) throw Invalid("mutual_evaluation.not_cobuilding", "unit_id");
  const std::int64_t rater = by_community ? community->id : pair->party_org.id;
  const std::int64_t ratee = by_community ? pair->party_org.id : community->id;
  if (rater != actor.org_id) throw Invalid("mutual_evaluation.wrong_side", "direction");
  // Every item of the direction exactly once.
  std::set<std::int64_t> expected, given;
  for (const EvaluationItem& item : repository_.ListItems(sql)) {
    if (item.direction == input.direction) expected.insert(item.id);
  }
  for (const auto& [item, score] : input.scores) {
    if (!given.insert(item).second) throw Invalid("mutual_evaluation.invalid_items", "scores");
  }
  if (given != expected) throw Invalid("mutual_evaluation.invalid_items", "scores");
  if (repository_.HasMutualEvaluation(sql, input.year, input.direction, community->id, input.unit_id)) {
    throw Conflict("mutual_evaluation.already_rated", "unit_id");
  }
  const std::int64_t id = repository_.InsertMutualEvaluation(sql, input, rater, ratee, actor.user_id, now);
  audit_.Record(sql, actor, {"mutual_evaluation.rate", "mutual_evaluation", id});
  notifications_.Notify(sql, {ratee, "check_in", "收到" + std::to_string(input.year) + " 年度双向评价",
                              "对方已完成本年度评价，可查看汇总结果（不显示评价方）", "/check-in/evaluations"});
  const std::optional<org::Org> actor_org = orgs_.FindOrg(sql, actor.org_id);
  MutualEvaluationView view = View(sql, actor, *actor_org, input.year);
  transaction.Commit();
  return view;
}

MutualEvaluationView CheckInService::ViewMutual(const core::Actor& actor, std::optional<std::int64_t> org_id,
                                                int year) const {
  core::RequirePermission(actor, "check_in:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const org::Org org = orgs_.RequireInScope(sql, core::OrgScope::Of(actor), org_id.value_or(actor.org_id));
  return View(sql, actor, org, year);
}

// Seeding.

std::int64_t CheckInService::SeedUnitCheckIn(soci::session& sql, std::int64_t unit_id, std::int64_t party_org_id,
                                             std::int64_t community_id, const std::string& reported_on,
                                             std::optional<std::string> received_on, std::int64_t by,
                                             std::int64_t at) const {
  const std::int64_t id = repository_.InsertUnitCheckIn(sql, unit_id, party_org_id, community_id, reported_on, "", by, at);
  if (received_on) repository_.ReceiveUnitCheckIn(sql, id, *received_on, by, at);
  return id;
}

std::int64_t CheckInService::SeedMemberCheckIn(soci::session& sql, std::int64_t member_id, std::int64_t community_id,
                                               const std::string& reported_on, std::optional<std::int64_t> previous_id,
                                               std::int64_t by, std::int64_t at) const {
  if (previous_id) repository_.EndMemberCheckIn(sql, *previous_id, reported_on);
  return repository_.InsertMemberCheckIn(sql, member_id, community_id, reported_on, previous_id, by, at);
}

void CheckInService::SeedHours(soci::session& sql, std::int64_t post_id, std::int64_t sign_up_id,
                               std::int64_t member_id, const NewHours& hours, std::int64_t by, std::int64_t at) const {
  const auto post = repository_.FindPost(sql, post_id);
  if (post) repository_.InsertHours(sql, *post, sign_up_id, member_id, hours, by, at);
}

GeneratedSheets CheckInService::SeedSheets(soci::session& sql, int year, int quarter, std::int64_t at) const {
  const auto root = repository_.RootPath(sql);
  if (!root) return {};
  const GeneratedSheets made = Generate(sql, core::OrgScope::WholeTree(*root), year, quarter, at);
  repository_.MarkQuarterSent(sql, year, quarter, made.sheets, at);
  return made;
}

}  // namespace liandong::check_in
