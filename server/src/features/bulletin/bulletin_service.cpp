#include "features/bulletin/bulletin_service.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/xlsx.hpp"
#include "features/org/org_model.hpp"
#include "http/response.hpp"

namespace liandong::bulletin {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::int64_t kMaxPeriodDays = 366;
constexpr std::int64_t kListedItems = 200;

// A share as a fraction 0..1 to three decimals (like the coverage rates); 0 when there is nothing
// to share.
double Rate(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 1000.0;
}

boost::json::object CountsJson(const NodeCounts& counts) {
  return {{"assignments", counts.assignments},
          {"done", counts.done},
          {"on_time", counts.on_time},
          {"overdue", counts.overdue},
          {"completion_rate", Rate(counts.done, counts.assignments)},
          {"on_time_rate", Rate(counts.on_time, counts.assignments)}};
}


// One decimal, as the pages show figures.
double Rounded(double value) { return std::round(value * 10.0) / 10.0; }


}  // namespace

boost::json::object BulletinService::Figures(soci::session& sql, const core::OrgScope& scope, const std::string& from,
                                             const std::string& to, std::int64_t as_of) const {
  const std::string as_of_date = core::ChinaDate(as_of);
  const std::int64_t days = core::DaysOfIsoDate(to) - core::DaysOfIsoDate(from) + 1;
  const std::string previous_to = core::AddDays(from, -1);
  const std::string previous_from = core::AddDays(from, -days);
  std::vector<boost::json::object> rows;
  NodeCounts total;
  NodeCounts previous_total;
  std::int64_t total_supervisions = 0;
  for (const ChildOrg& child : repository_.Children(sql, scope.RootId())) {
    const core::OrgScope child_scope = *scope.Narrow(child.path);
    const NodeCounts now = repository_.CountNodes(sql, child_scope, from, to, as_of, as_of_date);
    const NodeCounts before = repository_.CountNodes(sql, child_scope, previous_from, previous_to, as_of, as_of_date);
    const std::int64_t supervisions = repository_.CountOpenSupervisions(sql, child_scope, as_of);
    boost::json::object row = CountsJson(now);
    row["org"] = boost::json::object{{"id", child.id}, {"name", child.name}, {"level", child.level}};
    row["open_supervisions"] = supervisions;
    row["average_progress"] =
        now.assignments == 0 ? 0.0 : std::round(static_cast<double>(now.progress_sum) / now.assignments / 10.0) / 10.0;
    row["previous"] = CountsJson(before);
    rows.push_back(std::move(row));
    for (const auto& [sum, part] : {std::pair{&total, &now}, std::pair{&previous_total, &before}}) {
      sum->assignments += part->assignments;
      sum->done += part->done;
      sum->on_time += part->on_time;
      sum->overdue += part->overdue;
    }
    total_supervisions += supervisions;
  }
  // Organisations ranked by completion, then timeliness; those with nothing due last.
  std::stable_sort(rows.begin(), rows.end(), [](const boost::json::object& a, const boost::json::object& b) {
    const bool a_any = a.at("assignments").as_int64() > 0;
    const bool b_any = b.at("assignments").as_int64() > 0;
    if (a_any != b_any) return a_any;
    if (a.at("completion_rate").as_double() != b.at("completion_rate").as_double()) {
      return a.at("completion_rate").as_double() > b.at("completion_rate").as_double();
    }
    return a.at("on_time_rate").as_double() > b.at("on_time_rate").as_double();
  });
  boost::json::array ranked;
  std::int64_t rank = 0;
  for (auto& row : rows) {
    row["rank"] = ++rank;
    ranked.push_back(std::move(row));
  }
  boost::json::object totals = CountsJson(total);
  totals["open_supervisions"] = total_supervisions;
  totals["previous"] = CountsJson(previous_total);

  boost::json::array overdue_items;
  for (const OverdueItem& item : repository_.OverdueItems(sql, scope, from, to, as_of, as_of_date, kListedItems)) {
    overdue_items.push_back(boost::json::object{
        {"id", item.id},
        {"task_title", item.task_title},
        {"org", boost::json::object{{"id", item.org_id}, {"name", item.org_name}, {"level", item.org_level}}},
        {"deadline", item.deadline},
        {"overdue_days", core::DaysOfIsoDate(as_of_date) - core::DaysOfIsoDate(item.deadline)},
        {"progress", std::round(item.progress / 10.0) / 10.0}});
  }
  boost::json::array supervisions;
  for (const OpenSupervision& item : repository_.OpenSupervisions(sql, scope, as_of, kListedItems)) {
    supervisions.push_back(boost::json::object{
        {"id", item.id},
        {"title", item.title},
        {"target", boost::json::object{{"id", item.target_id}, {"name", item.target_name}, {"level", item.target_level}}},
        {"deadline", item.deadline},
        {"state", item.state},
        {"overdue", item.deadline < as_of_date}});
  }
  return {{"rows", std::move(ranked)},
          {"totals", std::move(totals)},
          {"previous_from", previous_from},
          {"previous_to", previous_to},
          {"overdue_items", std::move(overdue_items)},
          {"open_supervisions", std::move(supervisions)}};
}

Bulletin BulletinService::Create(const core::Actor& actor, const NewBulletin& input) const {
  core::RequirePermission(actor, "bulletin:write");
  if (!core::IsIsoDate(input.period_from) || !core::IsIsoDate(input.period_to) ||
      input.period_to < input.period_from ||
      core::DaysOfIsoDate(input.period_to) - core::DaysOfIsoDate(input.period_from) >= kMaxPeriodDays) {
    throw AppError(ErrorKind::kInvalidArgument, "bulletin.invalid_period");
  }
  if (input.title && (input.title->empty() || input.title->size() > 300)) {
    throw AppError(ErrorKind::kInvalidArgument, "bulletin.invalid_title");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const core::OrgScope own = core::OrgScope::Of(actor);
  const org::Org org = org_service_.RequireInScope(sql, own, input.org_id.value_or(actor.org_id));
  if (org.archived) throw AppError(ErrorKind::kNotFound, "org.not_found");
  const core::OrgScope scope = *own.Narrow(org.path);
  Bulletin bulletin;
  bulletin.org_id = org.id;
  bulletin.title = input.title.value_or(org.name + "基层党建工作情况通报（" + input.period_from + "至" +
                                        input.period_to + "）");
  bulletin.period_from = input.period_from;
  bulletin.period_to = input.period_to;
  bulletin.as_of = clock_.NowSeconds();
  bulletin.created_at = bulletin.as_of;
  bulletin.figures =
      http::SerializeJson(Figures(sql, scope, input.period_from, input.period_to, bulletin.as_of));
  const std::int64_t id = repository_.Insert(sql, bulletin, actor.user_id);
  audit_service_.Record(sql, actor, {"bulletin.create", "bulletin", id});
  Bulletin created = *repository_.Find(sql, id);
  transaction.Commit();
  return created;
}

Bulletin BulletinService::FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  auto bulletin = repository_.Find(sql, id);
  if (!bulletin) throw AppError(ErrorKind::kNotFound, "bulletin.not_found");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  const bool inside = scope.Contains(bulletin->org_path);
  const bool published_above = bulletin->state == "published" && scope.IsWithinAncestorOf(bulletin->org_path);
  if (!inside && !published_above) throw core::OutOfScope("bulletin.not_found");
  return std::move(*bulletin);
}

Bulletin BulletinService::FindOwn(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  Bulletin bulletin = FindVisible(sql, actor, id);
  if (!core::OrgScope::Of(actor).Contains(bulletin.org_path)) throw core::OutOfScope("bulletin.not_found");
  if (bulletin.org_id != actor.org_id) throw AppError(ErrorKind::kPermissionDenied, "bulletin.not_owner");
  return bulletin;
}

std::vector<Bulletin> BulletinService::List(const core::Actor& actor, std::int64_t offset, std::int64_t limit,
                                            std::int64_t& total) const {
  core::RequirePermission(actor, "bulletin:read");
  db::Session session(database_);
  const core::OrgScope scope = core::OrgScope::Of(actor);
  std::vector<std::int64_t> ancestors = scope.Ids();
  ancestors.pop_back();  // the actor's own org is in the subtree already
  return repository_.List(session.sql(), scope, ancestors, offset, limit, total);
}

Bulletin BulletinService::Get(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "bulletin:read");
  db::Session session(database_);
  return FindVisible(session.sql(), actor, id);
}

Bulletin BulletinService::Publish(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "bulletin:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Bulletin bulletin = FindOwn(sql, actor, id);
  if (bulletin.state != "draft") throw AppError(ErrorKind::kConflict, "bulletin.already_published");
  repository_.Publish(sql, id, clock_.NowSeconds());
  for (const ChildOrg& child : repository_.Children(sql, bulletin.org_id)) {
    notification_service_.Notify(sql, {child.id, "bulletin", "情况通报：" + bulletin.title,
                                       bulletin.org_name + "发布了" + bulletin.period_from + "至" +
                                           bulletin.period_to + "的情况通报",
                                       "/bulletins/" + std::to_string(id)});
  }
  audit_service_.Record(sql, actor, {"bulletin.publish", "bulletin", id});
  Bulletin published = *repository_.Find(sql, id);
  transaction.Commit();
  return published;
}

void BulletinService::Delete(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "bulletin:write");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Bulletin bulletin = FindOwn(sql, actor, id);
  if (bulletin.state != "draft") throw AppError(ErrorKind::kConflict, "bulletin.already_published");
  repository_.Delete(sql, id);
  audit_service_.Record(sql, actor, {"bulletin.delete", "bulletin", id});
  transaction.Commit();
}

Export BulletinService::ExportWorkbook(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "bulletin:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const Bulletin bulletin = FindVisible(sql, actor, id);
  const boost::json::object figures = boost::json::parse(bulletin.figures).as_object();
  core::Sheet sheet;
  sheet.name = "情况通报";
  sheet.preamble = {
      bulletin.title,
      "通报单位：" + bulletin.org_name + "　统计期间：" + bulletin.period_from + " 至 " + bulletin.period_to +
          "　统计截至：" + core::ChinaDateTime(bulletin.as_of) + "（北京时间）" +
          (bulletin.published_at ? "　发布：" + core::ChinaDateTime(*bulletin.published_at) : "　草稿，未发布"),
      "统计口径：截止日期在统计期间内的任务，按承办组织计数——每项任务在每个执行组织计一次，区、街道向下转发的不重复计；"
      "逾期指截至统计时间已过截止日期仍未完成。"};
  sheet.headers = {"排名", "组织", "任务数", "已完成", "按时完成", "完成率(%)", "按时完成率(%)", "逾期", "未办结督办",
                   "平均进度(%)", "上期完成率(%)", "上期按时完成率(%)"};
  const auto number = [](const boost::json::value& value) { return core::NumberCell(Rounded(value.to_number<double>())); };
  const auto percent = [](const boost::json::value& rate) {
    return core::NumberCell(Rounded(100.0 * rate.to_number<double>()));
  };
  for (const auto& value : figures.at("rows").as_array()) {
    const auto& row = value.as_object();
    const auto& previous = row.at("previous").as_object();
    sheet.rows.push_back({number(row.at("rank")), std::string(row.at("org").at("name").as_string()),
                          number(row.at("assignments")), number(row.at("done")), number(row.at("on_time")),
                          percent(row.at("completion_rate")), percent(row.at("on_time_rate")),
                          number(row.at("overdue")), number(row.at("open_supervisions")),
                          number(row.at("average_progress")), percent(previous.at("completion_rate")),
                          percent(previous.at("on_time_rate"))});
  }
  const auto& totals = figures.at("totals").as_object();
  sheet.rows.push_back({core::Cell{}, std::string("合计"), number(totals.at("assignments")), number(totals.at("done")),
                        number(totals.at("on_time")), percent(totals.at("completion_rate")),
                        percent(totals.at("on_time_rate")), number(totals.at("overdue")),
                        number(totals.at("open_supervisions")), core::Cell{},
                        percent(totals.at("previous").at("completion_rate")),
                        percent(totals.at("previous").at("on_time_rate"))});
  sheet.rows.push_back({});
  sheet.rows.push_back({std::string("逾期事项"), std::string("组织"), std::string("任务"), std::string("截止日期"),
                        std::string("逾期天数")});
  for (const auto& item : figures.at("overdue_items").as_array()) {
    sheet.rows.push_back({core::Cell{}, std::string(item.at("org").at("name").as_string()),
                          std::string(item.at("task_title").as_string()), std::string(item.at("deadline").as_string()),
                          number(item.at("overdue_days"))});
  }
  Export result{"bulletin-" + std::to_string(id) + ".xlsx", core::WriteWorkbook(sheet)};
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_service_.Record(sql, actor, {"bulletin.export", "bulletin", id});
  transaction.Commit();
  return result;
}

}  // namespace liandong::bulletin
