// Generated from the route table: for every route and every demo role, call it on objects of a
// sibling subtree (the neighbouring district, street or community) and expect a denial with none
// of the sibling's data in the body. A new route joins the matrix by itself; one whose object kind
// the matrix does not know fails here until it is taught below.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "core/identity.hpp"
#include "features/unit/unit_credit_code.hpp"
#include "testing/test_server.hpp"

namespace liandong::app {
namespace {

using testing::HttpClient;
using testing::TestServer;

// Signed-in routes that act on no org-scoped object, with the reason. (Public routes and those of
// one's own account, Access::kOwnAccount, are left out by their access.)
const std::set<std::string> kUnscoped = {
    "GET /api/v1/orgs",       // search: scoped to the subtree, or names only with anywhere=true
    "GET /api/v1/transfers",  // lists the actor's own incoming and outgoing transfers
    "GET /api/v1/roles",      // roles and settings are deployment-wide, for the administrators
    "POST /api/v1/roles",
    "PATCH /api/v1/roles/{name}",
    "DELETE /api/v1/roles/{name}",
    "GET /api/v1/settings",
    "PUT /api/v1/settings/{name}",
    "GET /api/v1/audit",  // the audit log: scoped to the auditor's subtree by the actor, no ?org=
    "GET /api/v1/audit/export",
    "GET /api/v1/audit/verify",
    "GET /api/v1/tasks",  // the tasks the actor's own org issued
    "GET /api/v1/reviews",  // the reports awaiting the actor's own org
    "GET /api/v1/notifications",  // the actor's own inbox
    "GET /api/v1/notifications/unread-count",
    "POST /api/v1/notifications/read-all",
    "GET /api/v1/bulletins",  // the subtree's, and those published above: by the actor, no ?org=
    "GET /api/v1/departments",  // deployment-wide, like roles
    "POST /api/v1/duty-items",  // writes the actor's own org's list: the body names no org
    "POST /api/v1/duty-items/copy",
    // The request catalogue, its SLA classes and the agency kinds are deployment-wide, like roles.
    "GET /api/v1/request-categories",
    "POST /api/v1/request-categories",
    "PATCH /api/v1/request-categories/{id}",
    "GET /api/v1/request-sla-classes",
    "PUT /api/v1/request-sla-classes/{name}",
    "GET /api/v1/agency-kinds",
    "GET /api/v1/agencies",  // those in or serving the actor's subtree: by the actor, no ?org=
    "GET /api/v1/grade-scheme-templates",  // the shipped grade schemes: data of no org
    "GET /api/v1/service-categories",      // the common service categories: data of no org
    "GET /api/v1/evaluation-items",        // the two-way evaluation's items: data of no org
    "GET /api/v1/cobuild-categories",      // the categories of the co-building lists: deployment-wide
    "GET /api/v1/workforce-owners",        // which department owns which part: deployment-wide
    "GET /api/v1/qualifications",          // the qualification catalogue is the city's, like roles
    "POST /api/v1/qualifications",
    "PUT /api/v1/qualifications/{id}",
    "GET /api/v1/staffing-norms",  // the subtree's and those above: by the actor, no ?org=
    "GET /api/v1/whistle-settings",  // arrival times and the rate band are deployment-wide, like roles
    "PUT /api/v1/whistle-settings",
};

// A body that passes validation for each state-changing route, so that only the scope can refuse
// it. {org} is the sibling org, {own_org} the role's own org, CODE a valid unified social credit
// code. A state-changing route missing here fails the test until it gets its body.
const std::map<std::string, std::string> kBodies = {
    {"POST /api/v1/orgs", R"({"parent_id":{org},"level":"grid","kind":"branch","name":"越权"})"},
    {"PATCH /api/v1/orgs/{id}", R"({"name":"越权修改"})"},
    {"POST /api/v1/orgs/{id}/archive", ""},
    {"POST /api/v1/orgs/{id}/move", R"({"parent_id":{own_org}})"},
    {"POST /api/v1/members",
     R"({"org_id":{org},"name":"越权","gender":"male","id_number":"11010519491231002X","status":"full"})"},
    {"POST /api/v1/members/import",
     R"({"rows":[{"org_id":{org},"name":"越权","gender":"male","id_number":"11010519491231002X"}]})"},
    {"PATCH /api/v1/members/{id}", R"({"name":"越权修改"})"},
    {"POST /api/v1/members/{id}/transfers", R"({"to_org_id":{own_org}})"},
    {"POST /api/v1/transfers/{id}/accept", ""},
    {"POST /api/v1/transfers/{id}/refuse", R"({"reason":"越权测试"})"},
    {"POST /api/v1/units",
     R"({"name":"越界单位","credit_code":"CODE","unit_kind":"other","org_id":{org},"eligible_for_org":true})"},
    {"POST /api/v1/units/import",
     R"({"rows":[{"name":"越界单位","credit_code":"CODE","unit_kind":"other","org_id":{org}}]})"},
    {"PATCH /api/v1/units/{id}", R"({"instructor":"越界指导员"})"},
    {"POST /api/v1/units/{id}/archive", ""},
    {"PUT /api/v1/orgs/{id}/joint-committee", R"({"name":"越界委员会"})"},
    {"POST /api/v1/orgs/{id}/joint-committee/members",
     R"({"person_name":"越界成员","post":"委员","term_start":"2025-01-01"})"},
    {"PATCH /api/v1/joint-committee-members/{member_id}", R"({"post":"书记"})"},
    {"DELETE /api/v1/joint-committee-members/{member_id}", ""},
    {"PUT /api/v1/orgs/{id}/street-profile", R"({"office_set_up":true})"},
    {"POST /api/v1/users", R"({"org_id":{org},"username":"intruder.x","display_name":"越权","role":"street_admin"})"},
    {"PATCH /api/v1/users/{id}", R"({"display_name":"越权修改"})"},
    {"POST /api/v1/users/{id}/reset-password", ""},
    {"POST /api/v1/users/{id}/reset-second-factor", ""},
    {"POST /api/v1/roles", R"({"name":"intruder","display_name":"越权","permissions":["member:unmask"]})"},
    {"PATCH /api/v1/roles/{name}", R"({"permissions":["member:unmask"]})"},
    {"DELETE /api/v1/roles/{name}", ""},
    {"PUT /api/v1/settings/{name}", R"({"value":3650})"},
    {"POST /api/v1/tasks",
     R"({"title":"越权任务","content":"越权","deadline":"2099-01-01","targets":{"mode":"list","org_ids":[{org}]}})"},
    {"POST /api/v1/task-assignments/{id}/decompose", R"({"targets":{"mode":"children"}})"},
    {"POST /api/v1/task-assignments/{id}/attachments", "%PDF-1.4 matrix"},
    {"POST /api/v1/task-assignments/{id}/reports", R"({"percent":10,"text":"越权上报"})"},
    {"POST /api/v1/progress-reports/{id}/accept", ""},
    {"POST /api/v1/progress-reports/{id}/return", R"({"reason":"越权退回"})"},
    {"POST /api/v1/notifications/{id}/read", ""},
    {"POST /api/v1/notifications/read-all", ""},
    {"POST /api/v1/bulletins", R"({"org_id":{org},"period_from":"2026-01-01","period_to":"2026-01-31"})"},
    {"POST /api/v1/bulletins/{id}/publish", ""},
    {"DELETE /api/v1/bulletins/{id}", ""},
    {"POST /api/v1/duty-items", R"({"year":2026,"level":"community","description":"越权事项","department_id":1})"},
    {"POST /api/v1/duty-items/copy", R"({"from_year":2026,"to_year":2027})"},
    {"PATCH /api/v1/duty-items/{id}", R"({"description":"越权修改"})"},
    {"DELETE /api/v1/duty-items/{id}", ""},
    {"POST /api/v1/supervisions",
     R"({"target_org_id":{org},"title":"越权督办","requirement":"越权要求","deadline":"2099-12-31"})"},
    {"POST /api/v1/supervisions/{id}/attachments", ""},
    {"POST /api/v1/supervisions/{id}/rectifications", R"({"text":"越权整改"})"},
    {"POST /api/v1/supervisions/{id}/verify", ""},
    {"POST /api/v1/supervisions/{id}/return", R"({"reason":"越权退回"})"},
    {"POST /api/v1/supervisions/{id}/follow-ups", R"({"text":"越权跟踪"})"},
    {"POST /api/v1/request-categories",
     R"({"parent_code":"01.01","name":"矩阵分类","owner_kind":"street","sla_class":"general"})"},
    {"PATCH /api/v1/request-categories/{id}", R"({"name":"矩阵修改"})"},
    {"PUT /api/v1/request-sla-classes/{name}",
     R"({"name":"一般","sign_for_minutes":120,"contact_minutes":1440,"resolution_minutes":10080,"warning_minutes":1440,"max_extension_days":7})"},
    {"POST /api/v1/agencies",
     R"({"parent_org_id":{org},"name":"越权派出所","kind":"police_station","street_ids":[{org}]})"},
    {"POST /api/v1/requests",
     R"({"category_id":LEAF,"title":"越权工单","description":"越权","territory_org_id":{org}})"},
    {"POST /api/v1/requests/{id}/sign", ""},
    {"POST /api/v1/requests/{id}/dispatch", R"({"owner_org_id":{own_org}})"},
    {"POST /api/v1/requests/{id}/return", R"({"owner_org_id":{own_org},"reason":"越权退回"})"},
    {"POST /api/v1/requests/{id}/contact", R"({"text":"越权联系"})"},
    {"POST /api/v1/requests/{id}/notes", R"({"text":"越权记录"})"},
    {"POST /api/v1/requests/{id}/attachments", "%PDF-1.4 matrix"},
    {"POST /api/v1/requests/{id}/extensions", R"({"days":1,"reason":"越权延期"})"},
    {"POST /api/v1/requests/{id}/extensions/{extension_id}/decision", R"({"approve":true})"},
    {"POST /api/v1/requests/{id}/reply", R"({"text":"越权答复"})"},
    {"POST /api/v1/requests/{id}/rating", R"({"satisfaction":"satisfied","resolved":true})"},
    {"POST /api/v1/requests/{id}/reopen", R"({"reason":"越权重办"})"},
    {"POST /api/v1/accountabilities",
     R"({"target_org_id":{org},"duty_item_id":1,"measure":"通报批评","subject":"越权","reason":"越权","decided_on":"2026-01-01"})"},
    {"POST /api/v1/agreements",
     R"({"org_id":{org},"title":"越权协议","org_head":"甲","org_liaison":"乙","signed_on":"2026-01-01",)"
     R"("start_on":"2026-01-01","end_on":"2026-12-31","parties":[{"unit_id":1,"head":"甲","liaison":"乙"}]})"},
    {"POST /api/v1/agreements/{id}/reports", R"({"report_id":1,"text":"越权报告"})"},
    {"POST /api/v1/agreements/{id}/deliveries",
     R"({"commitment_id":1,"delivered_on":"2026-01-01","quantity":1,"text":"越权兑现"})"},
    {"POST /api/v1/agreements/{id}/terminate", R"({"reason":"越权终止"})"},
    {"POST /api/v1/agreements/{id}/renew", R"({"end_on":"2030-12-31"})"},
    {"POST /api/v1/joint-meetings",
     R"({"org_id":{org},"title":"越权会议","meeting_date":"2025-12-20","place":"越权","agenda":"越权"})"},
    {"PATCH /api/v1/joint-meetings/{id}", R"({"title":"越权会议"})"},
    {"PUT /api/v1/joint-meetings/{id}/minutes", R"({"minutes":"越权纪要","attendees":[]})"},
    {"POST /api/v1/joint-meetings/{id}/resolutions",
     R"({"text":"越权决议","deadline":"2026-12-31","responsible_org_ids":[1]})"},
    {"POST /api/v1/joint-meeting-resolutions/{id}/task", "{}"},
    {"POST /api/v1/needs",
     R"({"org_id":{org},"category":"venue","title":"越权需求","description":"越权","beneficiaries":"居民",)"
     R"("beneficiary_count":10,"wanted_by":"2026-06-30"})"},
    {"POST /api/v1/needs/{id}/match", R"({"resource_id":1})"},
    {"POST /api/v1/needs/{id}/claim", R"({"unit_id":1})"},
    {"POST /api/v1/resources",
     R"({"org_id":{org},"resource_kind":"funds","category":"venue","title":"越权资源","quantity":100,)"
     R"("valid_from":"2026-01-01","valid_to":"2026-12-31"})"},
    {"POST /api/v1/projects",
     R"({"org_id":{org},"category":"venue","title":"越权项目","budget":0,"owners":"甲","starts_on":"2026-01-01",)"
     R"("ends_on":"2026-12-31"})"},
    {"POST /api/v1/projects/{id}/deliveries", R"({"delivered_on":"2026-01-01","text":"越权记录","people_served":1})"},
    {"POST /api/v1/projects/{id}/rating", R"({"rating":5})"},
    {"POST /api/v1/service-centres",
     R"({"org_id":{org},"name":"越权中心","address":"越权路","opening_hours":"全天","service_items":["越权"]})"},
    {"POST /api/v1/venues", R"({"org_id":{org},"name":"越权场地","capacity":10,"opening_hours":"全天"})"},
    {"POST /api/v1/venues/{id}/bookings",
     R"({"booked_on":"2026-06-01","start_time":"09:00","end_time":"10:00","title":"越权预约","attendees":1})"},
    {"POST /api/v1/venue-bookings/{id}/cancel", ""},
    {"POST /api/v1/grade-schemes",
     R"({"org_id":{org},"template":"three_posts_eighteen_grades","effective_from_year":2090})"},
    {"PUT /api/v1/grade-schemes/{id}", R"({"template":"three_posts_eighteen_grades","effective_from_year":2091})"},
    {"POST /api/v1/workers",
     R"({"org_id":{org},"name":"越权","id_number":"11010519491231002X","post":"staff","grade":1,)"
     R"("service_start":"2020-01-01","education":"bachelor"})"},
    {"POST /api/v1/workers/import",
     R"({"rows":[{"org_id":{org},"name":"越权","id_number":"11010519491231002X","post":"staff","grade":1,)"
     R"("service_start":"2020-01-01","education":"bachelor"}]})"},
    {"PATCH /api/v1/workers/{id}", R"({"name":"越权修改"})"},
    {"POST /api/v1/workers/{id}/appraisals", R"({"year":2020,"result":"competent"})"},
    {"POST /api/v1/appraisals/import", R"({"rows":[{"id_number":"11010519491231002X","year":2020,"result":"称职"}]})"},
    {"POST /api/v1/regrading-runs", R"({"org_id":{org},"year":2000})"},
    {"POST /api/v1/regrading-runs/{id}/reviews", "{}"},
    {"POST /api/v1/regrading-runs/{id}/approve", ""},
    {"POST /api/v1/regrading-runs/{id}/revert", R"({"reason":"越权撤销"})"},
    {"POST /api/v1/open311-partners", R"({"name":"越权对接系统","org_id":{org}})"},
    {"POST /api/v1/open311-partners/{id}/revoke", R"({"reason":"越权吊销"})"},
    {"POST /api/v1/unit-check-ins", R"({"unit_id":{unit}})"},
    {"POST /api/v1/unit-check-ins/{id}/receipt", "{}"},
    {"POST /api/v1/member-check-ins", R"({"id_number":"110105199003151239","community_id":{org}})"},
    {"POST /api/v1/service-posts",
     R"({"community_id":{org},"category_id":1,"title":"越权岗位","headcount":1,"starts_on":"2026-01-01",)"
     R"("ends_on":"2026-12-31"})"},
    {"POST /api/v1/service-posts/{id}/sign-ups", R"({"check_in_id":1})"},
    {"POST /api/v1/service-posts/{id}/hours", R"({"check_in_id":1,"served_on":"2025-12-01","hours":1})"},
    {"POST /api/v1/feedback-sheets/generate", R"({"org_id":{org},"year":2025,"quarter":4})"},
    {"POST /api/v1/key-enterprises",
     R"({"unit_id":{unit},"street_org_id":{org},"agency_org_id":{org},"reason":"越权纳入"})"},
    {"POST /api/v1/key-enterprises/{id}/entries", R"({"kind":"visit","happened_on":"2026-01-01","text":"越权走访"})"},
    {"POST /api/v1/key-enterprise-entries/{id}/resolve", R"({"resolution":"越权解决"})"},
    {"POST /api/v1/check-in-evaluations",
     R"({"year":2025,"subject_kind":"unit","check_in_id":{unit_check_in},"grade":"good"})"},
    {"POST /api/v1/mutual-evaluations",
     R"({"year":2025,"direction":"community_to_unit","community_id":{org},"unit_id":1,"scores":[]})"},
    {"POST /api/v1/qualifications", R"({"name":"矩阵资格","allowance":100})"},
    {"PUT /api/v1/qualifications/{id}", R"({"name":"矩阵修改","allowance":100})"},
    {"POST /api/v1/workers/{id}/qualifications", R"({"qualification_id":1,"issued_on":"2020-01-01"})"},
    {"POST /api/v1/courses", R"({"org_id":{org},"name":"越权课程","hours":8})"},
    {"PUT /api/v1/courses/{id}", R"({"name":"越权修改","hours":8})"},
    {"PUT /api/v1/training-requirements", R"({"org_id":{org},"year":2025,"items":[]})"},
    {"POST /api/v1/training-records",
     R"({"id_number":"11010519491231002X","course":"社会工作实务","completed_on":"2025-06-01"})"},
    {"POST /api/v1/training-records/import",
     R"({"rows":[{"id_number":"11010519491231002X","course":"社会工作实务","completed_on":"2025-06-01"}]})"},
    {"PUT /api/v1/community-guarantees",
     R"({"org_id":{org},"year":2025,"households":1,"population":1,"office_space":1,"service_space":1})"},
    {"PUT /api/v1/community-funds", R"({"org_id":{org},"year":2025,"operating_funds":1,"service_funds":1})"},
    {"POST /api/v1/staffing-norms", R"({"org_id":{org},"name":"越权标准","effective_from_year":2090})"},
    {"PUT /api/v1/staffing-norms/{id}", R"({"name":"越权修改","effective_from_year":2091})"},
    {"PUT /api/v1/establishment-quotas", R"({"org_id":{org},"year":2025,"kind":"other","allotted":1,"used":0})"},
    {"PUT /api/v1/whistle-settings", R"({"band":{"low_per_10k":0.2,"high_per_10k":2}})"},
    {"PUT /api/v1/orgs/{id}/residents", R"({"residents":50000,"counted_on":"2026-01-01"})"},
    {"POST /api/v1/whistles",
     R"({"street_org_id":{org},"type":"enforcement","source":"hotline","title":"越权吹哨","description":"越权",)"
     R"("agency_ids":[1]})"},
    {"POST /api/v1/whistles/{id}/sign-off", "{}"},
    {"POST /api/v1/whistles/{id}/arrival", "{}"},
    {"POST /api/v1/whistles/{id}/handling", R"({"text":"越权处置"})"},
    {"POST /api/v1/whistles/{id}/completion", R"({"text":"越权完成"})"},
    {"POST /api/v1/whistles/{id}/close", "{}"},
    {"POST /api/v1/whistles/{id}/ratings", R"({"agency_org_id":1,"score":5})"},
    {"POST /api/v1/power-acts",
     R"({"street_org_id":{org},"agency_org_id":1,"power":"supervision","subject":"越权","text":"越权",)"
     R"("response_due":"2099-12-31"})"},
    {"POST /api/v1/power-acts/{id}/answer", R"({"text":"越权答复"})"},
    {"POST /api/v1/power-acts/{id}/conclusion", R"({"outcome":"adopted"})"},
};

// Objects named by a path parameter that is not an id: roles and settings are deployment-wide.
const std::map<std::string, std::string> kNamedObjects = {
    {"roles", "matrix_role"},
    {"settings", "audit_retention_days"},
    {"request-sla-classes", "general"},
};

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Sibling {
  std::string role;
  std::string own_org;      // the role's org
  std::string sibling_org;  // an org of the same level under the same parent
};

const std::vector<Sibling> kSiblings = {
    {"district", "东城区", "西城区"},
    {"street", "和平街道", "胜利街道"},
    {"community", "和平里社区", "东风社区"},
    // A unit's own Party org (role unit_admin) against a community of another street: it reads
    // agreements above its subtree only as a party, and its unit is no party of that community's.
    {"unit", "胜利科技发展有限公司党支部", "和平里社区"},
};

class ScopeMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_ = std::make_unique<HttpClient>(server_.SignedIn("city"));
    const boost::json::value categories = city_->Get("/api/v1/request-categories").Json();
    for (const auto& category : categories.at("items").as_array()) {
      if (category.at("code") == "03.01.01") leaf_category_ = std::to_string(category.at("id").as_int64());
    }
  }

  std::int64_t OrgId(const std::string& name) {
    const boost::json::value hits = city_->Get("/api/v1/orgs?q=" + name + "&limit=100").Json();
    for (const auto& hit : hits.at("items").as_array()) {
      if (hit.at("name").as_string() == name) return hit.at("id").as_int64();
    }
    ADD_FAILURE() << "no org " << name;
    return 0;
  }

  std::int64_t FirstChild(std::int64_t org_id) {
    const auto children = city_->Get("/api/v1/orgs/" + std::to_string(org_id) + "/children").Json();
    return children.at("items").as_array()[0].at("id").as_int64();
  }

  // Some org strictly inside `org_id`'s subtree whose members exist: a community.
  std::int64_t CommunityUnder(std::int64_t org_id) {
    if (kind_of_org_[org_id] == "grid") return org_id;  // below a community: the org itself
    std::int64_t current = org_id;
    for (int depth = 0; depth < 4; ++depth) {
      const auto org = city_->Get("/api/v1/orgs/" + std::to_string(current)).Json();
      kind_of_org_[current] = std::string(org.at("level").as_string());
      if (kind_of_org_[current] == "community" || kind_of_org_[current] == "grid") return current;
      const auto children = city_->Get("/api/v1/orgs/" + std::to_string(current) + "/children").Json();
      current = children.at("items").as_array()[0].at("id").as_int64();
    }
    return current;
  }

  // The id of an object of `kind` inside the subtree of `sibling_id`, made by the city user if needed.
  std::int64_t ObjectIn(const std::string& kind, std::int64_t sibling_id) {
    auto& cached = objects_in_[{kind, sibling_id}];
    if (cached == 0) cached = MakeObjectIn(kind, sibling_id);
    return cached;
  }

  std::int64_t MakeObjectIn(const std::string& kind, std::int64_t sibling_id) {
    const std::int64_t community = CommunityUnder(sibling_id);
    if (kind == "orgs") return sibling_id;
    const auto members = city_->Get("/api/v1/members?org=" + std::to_string(community)).Json().at("items").as_array();
    const std::int64_t member_id = members[0].at("id").as_int64();
    if (kind == "members") return member_id;
    if (kind == "transfers") {
      // A transfer between two orgs of the sibling subtree.
      const auto children = city_->Get("/api/v1/orgs/" + std::to_string(community) + "/children").Json();
      const std::int64_t grid = children.at("items").as_array()[0].at("id").as_int64();
      // A member of its own, so that no other call of the matrix has a transfer of it under way.
      const std::string id_number =
          core::CompleteIdNumber("11010519800101" + std::to_string(1000 + ++members_made_).substr(1));
      const auto member = city_->Post(
          "/api/v1/members", boost::json::serialize(boost::json::object{{"org_id", community},
                                                                         {"name", "调动测试"},
                                                                         {"gender", "female"},
                                                                         {"id_number", id_number},
                                                                         {"status", "full"}}));
      EXPECT_EQ(member.status, 201) << member.body;
      const auto transfer =
          city_->Post("/api/v1/members/" + std::to_string(member.Json().at("id").as_int64()) + "/transfers",
                      boost::json::serialize(boost::json::object{{"to_org_id", grid}}));
      EXPECT_EQ(transfer.status, 201) << transfer.body;
      return transfer.Json().at("id").as_int64();
    }
    if (kind == "units") {
      const auto units = city_->Get("/api/v1/units?org=" + std::to_string(sibling_id)).Json().at("items").as_array();
      EXPECT_FALSE(units.empty()) << "the demo city has units in every street";
      return units.empty() ? 0 : units[0].at("id").as_int64();
    }
    if (kind == "joint-committee-members") {
      // Streets and communities have joint committees: below a district, take its first street.
      std::int64_t holder = sibling_id;
      while (city_->Get("/api/v1/orgs/" + std::to_string(holder)).Json().at("level") == "district" ||
             city_->Get("/api/v1/orgs/" + std::to_string(holder)).Json().at("level") == "city") {
        holder = city_->Get("/api/v1/orgs/" + std::to_string(holder) + "/children")
                     .Json()
                     .at("items")
                     .as_array()[0]
                     .at("id")
                     .as_int64();
      }
      const std::string committee = "/api/v1/orgs/" + std::to_string(holder) + "/joint-committee";
      city_->Send(http::Verb::put, committee, R"({"name":"委员会"})");
      const auto seat =
          city_->Post(committee + "/members", R"({"person_name":"成员","post":"委员","term_start":"2025-01-01"})");
      EXPECT_EQ(seat.status, 201) << seat.body;
      return seat.Json().at("id").as_int64();
    }
    if (kind == "duty-items") {
      // An item of the org's own list (only the city could write one through the API, in its own).
      db::Session session(server_.application().database());
      return server_.application().duty_service().SeedItem(
          session.sql(), sibling_id, duty::DutyItemFields{2026, "community", "executing", "矩阵事项", 1, 0},
          server_.clock().NowSeconds());
    }
    if (kind == "supervisions") {
      const auto supervision = city_->Post(
          "/api/v1/supervisions",
          boost::json::serialize(boost::json::object{
              {"target_org_id", community}, {"title", "矩阵督办"}, {"requirement", "整改"}, {"deadline", "2099-12-31"}}));
      EXPECT_EQ(supervision.status, 201) << supervision.body;
      return supervision.Json().at("id").as_int64();
    }
    if (kind == "users") {
      // A staff account in that subtree.
      db::Session session(server_.application().database());
      return server_.application().auth_service().CreateUser(
          session.sql(), auth::NewUser{community, "matrix." + std::to_string(++users_made_), "矩阵测试",
                                       "community_admin", "Matrix-Test-Password-2026"});
    }
    if (kind == "tasks" || kind == "task-assignments") return TaskNodeIn(sibling_id, kind == "tasks");
    if (kind == "progress-reports" || kind == "attachments") return ReportIn(sibling_id, kind == "attachments");
    if (kind == "notifications") {
      db::Session session(server_.application().database());
      db::Transaction transaction(session, db::Transaction::Mode::kWrite);
      server_.application().notification_service().Notify(session.sql(), {sibling_id, "assigned", "矩阵通知", "", ""});
      long long id = 0;
      session.sql() << "SELECT MAX(id) FROM notification", soci::into(id);
      transaction.Commit();
      return id;
    }
    if (kind == "bulletins") {
      const auto bulletin = city_->Post("/api/v1/bulletins", R"({"org_id":)" + std::to_string(sibling_id) +
                                                                 R"(,"period_from":"2026-01-01","period_to":"2026-01-31"})");
      EXPECT_EQ(bulletin.status, 201) << bulletin.body;
      return bulletin.Json().at("id").as_int64();
    }
    if (kind == "request-categories") return std::stoll(leaf_category_);
    if (kind == "open311-partners") {
      // A partner system of that subtree, issued by the city.
      const auto issued = city_->Post("/api/v1/open311-partners", R"({"name":"矩阵对接)" + std::to_string(sibling_id) +
                                                                       R"(","org_id":)" + std::to_string(sibling_id) + "}");
      EXPECT_EQ(issued.status, 201) << issued.body;
      return issued.Json().at("id").as_int64();
    }
    if (kind == "requests") {
      // A request of a community of that subtree, taken by the city's hotline.
      const auto taken = city_->Post("/api/v1/requests", R"({"category_id":)" + leaf_category_ +
                                                             R"(,"title":"矩阵工单","description":"矩阵",)"
                                                             R"("territory_org_id":)" + std::to_string(community) + "}");
      EXPECT_EQ(taken.status, 201) << taken.body;
      return taken.Json().at("id").as_int64();
    }
    if (kind == "agreements") {
      // An agreement of the community with a unit located there (archived or not: other routes of
      // the matrix archive units), seeded for the city's user.
      db::Session session(server_.application().database());
      db::Transaction transaction(session, db::Transaction::Mode::kWrite);
      long long unit_id = 0;
      const long long community_id = community;
      session.sql() << "SELECT MIN(id) FROM unit WHERE org_id = :org", soci::use(community_id, "org"),
          soci::into(unit_id);
      const cobuild::NewAgreement input{community, "矩阵协议", "甲", "乙", "2026-01-01", "2026-01-01", "2026-12-31",
                                        {{unit_id, "甲", "乙"}}, {{"venue", "开放场地", 1, "monthly"}}};
      const std::int64_t city_user = city_->Get("/api/v1/me").Json().at("user").at("id").as_int64();
      const std::int64_t id = server_.application().agreement_service().Seed(session.sql(), input, std::nullopt,
                                                                            city_user, server_.clock().NowSeconds());
      transaction.Commit();
      return id;
    }
    if (kind == "unit-check-ins" || kind == "member-check-ins" || kind == "service-posts") {
      // A running check-in at the community (the demo's, or one seeded for the city's user), or a post.
      db::Session session(server_.application().database());
      db::Transaction transaction(session, db::Transaction::Mode::kWrite);
      const check_in::CheckInService& check_ins = server_.application().check_in_service();
      const std::int64_t city_user = city_->Get("/api/v1/me").Json().at("user").at("id").as_int64();
      const long long community_id = community;
      long long id = 0;
      soci::indicator found = soci::i_null;
      std::int64_t made = 0;
      if (kind == "unit-check-ins") {
        session.sql() << "SELECT MIN(id) FROM unit_check_in WHERE community_id = :org", soci::use(community_id, "org"),
            soci::into(id, found);
        if (found != soci::i_ok) {
          long long unit_id = 0;
          session.sql() << "SELECT MIN(id) FROM unit WHERE org_id = :org", soci::use(community_id, "org"),
              soci::into(unit_id);
          id = check_ins.SeedUnitCheckIn(session.sql(), unit_id, community, community, "2025-03-01", std::nullopt,
                                         city_user, server_.clock().NowSeconds());
        }
      } else if (kind == "member-check-ins") {
        const long long member = member_id;
        session.sql() << "SELECT MIN(id) FROM member_check_in WHERE member_id = :member AND ended_on IS NULL",
            soci::use(member, "member"), soci::into(id, found);
        if (found != soci::i_ok) {
          id = check_ins.SeedMemberCheckIn(session.sql(), member_id, community, "2025-03-01", std::nullopt, city_user,
                                           server_.clock().NowSeconds());
        }
      } else {
        made = check_ins.SeedPost(session.sql(),
                                  check_in::NewServicePost{community, 1, "矩阵岗位", "", 3, "2025-01-01", "2026-12-31"},
                                  city_user, server_.clock().NowSeconds());
        id = made;
      }
      transaction.Commit();
      return id;
    }
    if (kind == "needs" || kind == "resources" || kind == "projects" || kind == "service-centres" ||
        kind == "venues" || kind == "venue-bookings") {
      return ListObjectIn(kind, community);
    }
    if (kind == "workers") {
      const auto workers = city_->Get("/api/v1/workers?org=" + std::to_string(community)).Json().at("items").as_array();
      EXPECT_FALSE(workers.empty()) << "the demo city has workers in every community";
      return workers.empty() ? 0 : workers[0].at("id").as_int64();
    }
    if (kind == "grade-schemes") {
      // The org's own version (the city and 西城区 have theirs), or a new one.
      const auto schemes = city_->Get("/api/v1/grade-schemes?org=" + std::to_string(sibling_id)).Json();
      for (const auto& scheme : schemes.at("items").as_array()) {
        if (scheme.at("org").at("id").as_int64() == sibling_id) return scheme.at("id").as_int64();
      }
    }
    if (kind == "grade-schemes" || kind == "regrading-runs") {
      // A run of a year of its own: runs of nested orgs for one year overlap.
      ++runs_made_;
      const auto made =
          kind == "grade-schemes"
              ? city_->Post("/api/v1/grade-schemes", R"({"template":"three_posts_eighteen_grades","org_id":)" +
                                                         std::to_string(sibling_id) + "}")
              : city_->Post("/api/v1/regrading-runs", R"({"org_id":)" + std::to_string(sibling_id) +
                                                          R"(,"year":)" + std::to_string(2000 + runs_made_) + "}");
      EXPECT_EQ(made.status, 201) << made.body;
      return made.Json().at("id").as_int64();
    }
    if (kind == "qualifications") {
      // The catalogue is deployment-wide: its last entry.
      const auto catalogue = city_->Get("/api/v1/qualifications").Json();
      return catalogue.at("items").as_array().back().at("id").as_int64();
    }
    if (kind == "courses") {
      const auto course = city_->Post("/api/v1/courses", R"({"org_id":)" + std::to_string(sibling_id) +
                                                             R"(,"name":"矩阵课程","hours":4})");
      EXPECT_EQ(course.status, 201) << course.body;
      return course.Json().at("id").as_int64();
    }
    if (kind == "staffing-norms") {
      // A version of a year of its own: one per jurisdiction and year.
      ++runs_made_;
      const auto norm = city_->Post("/api/v1/staffing-norms", R"({"org_id":)" + std::to_string(sibling_id) +
                                                                   R"(,"name":"矩阵标准","effective_from_year":)" +
                                                                   std::to_string(2030 + runs_made_) + "}");
      EXPECT_EQ(norm.status, 201) << norm.body;
      return norm.Json().at("id").as_int64();
    }
    if (kind == "whistles" || kind == "power-acts") return WhistleIn(sibling_id, kind == "power-acts");
    if (kind == "joint-meetings" || kind == "joint-meeting-resolutions") {
      // A held meeting of the community with a resolution, seeded for the city's user.
      db::Session session(server_.application().database());
      db::Transaction transaction(session, db::Transaction::Mode::kWrite);
      const auto& meetings = server_.application().joint_meeting_service();
      const std::int64_t city_user = city_->Get("/api/v1/me").Json().at("user").at("id").as_int64();
      const std::int64_t now = server_.clock().NowSeconds();
      const std::int64_t meeting = meetings.SeedMeeting(
          session.sql(), {community, {"矩阵会议", "2025-12-20", "会议室", "议程"}}, city_user, now);
      meetings.SeedMinutes(session.sql(), meeting, {"纪要", {}}, now);
      const std::int64_t resolution = meetings.SeedResolution(
          session.sql(), meeting, {"矩阵决议", "2026-12-31", {community}}, now);
      transaction.Commit();
      return kind == "joint-meetings" ? meeting : resolution;
    }
    if (kind == "key-enterprises" || kind == "key-enterprise-entries") {
      return KeyEnterpriseIn(sibling_id, kind == "key-enterprise-entries");
    }
    ADD_FAILURE() << "the scope matrix does not know objects of kind '" << kind
                  << "': teach ObjectIn how to make one outside a subtree";
    return 0;
  }

  // A need, resource, project, service centre, venue or booking of the community, seeded for the
  // city's user (who reads the lists but writes none).
  std::int64_t ListObjectIn(const std::string& kind, std::int64_t community) {
    db::Session session(server_.application().database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    const std::int64_t user = city_->Get("/api/v1/me").Json().at("user").at("id").as_int64();
    const std::int64_t now = server_.clock().NowSeconds();
    const auto& lists = server_.application().list_service();
    const auto& venues = server_.application().venue_service();
    std::int64_t id = 0;
    if (kind == "needs") {
      id = lists.SeedNeed(session.sql(),
                          {community, "micro_wish", "venue", {}, "矩阵需求", "矩阵", "居民", 5, "2026-06-30"}, user, now);
    } else if (kind == "resources") {
      cobuild_list::NewResource input;
      input.org_id = community;
      input.resource_kind = "funds";
      input.category = "venue";
      input.title = "矩阵资源";
      input.quantity = 100;
      input.valid_from = "2026-01-01";
      input.valid_to = "2026-12-31";
      id = lists.SeedResource(session.sql(), input, user, now);
    } else if (kind == "projects") {
      cobuild_list::NewProject input;
      input.org_id = community;
      input.category = "venue";
      input.title = "矩阵项目";
      input.owners = "甲";
      input.starts_on = "2026-01-01";
      input.ends_on = "2026-12-31";
      id = lists.SeedProject(session.sql(), input, user, now);
      lists.SeedDelivery(session.sql(), id, {"2026-01-01", "矩阵服务", 1}, user, now);
    } else if (kind == "service-centres") {
      id = venues.SeedCentre(session.sql(), {community, "矩阵中心", "矩阵路", "全天", {"矩阵服务"}}, user, now);
    } else {
      cobuild_list::NewVenue venue;
      venue.org_id = community;
      venue.name = "矩阵场地";
      venue.capacity = 10;
      venue.opening_hours = "全天";
      id = venues.SeedVenue(session.sql(), venue, "2026-01-01", user, now);
      if (kind == "venue-bookings") {
        id = venues.SeedBooking(session.sql(), id, community, {std::nullopt, std::nullopt, "2026-06-01", "09:00",
                                                                "10:00", "矩阵预约", 1},
                                user, now);
      }
    }
    transaction.Commit();
    return id;
  }

  // A whistle (or a power act) of the street at or around `org_id` (a community's street, a
  // district's first street), made by a staff user of that street towards an agency serving it.
  std::int64_t WhistleIn(std::int64_t org_id, bool power_act) {
    std::int64_t street = org_id;
    for (int depth = 0; depth < 4; ++depth) {
      const auto org = city_->Get("/api/v1/orgs/" + std::to_string(street)).Json();
      if (org.at("level") == "street") break;
      street = org.at("level") == "community" ? org.at("parent_id").as_int64() : FirstChild(street);
    }
    const std::string username = "matrix.whistler." + std::to_string(++users_made_);
    {
      db::Session session(server_.application().database());
      server_.application().auth_service().CreateUser(
          session.sql(), auth::NewUser{street, username, "矩阵吹哨", "street_admin", "Matrix-Test-Password-2026"});
    }
    HttpClient whistler = server_.Client();
    EXPECT_EQ(whistler.SignIn(username, "Matrix-Test-Password-2026").status, 200);
    const auto agencies =
        whistler.Get("/api/v1/orgs/" + std::to_string(street) + "/whistle-agencies").Json().at("items").as_array();
    EXPECT_FALSE(agencies.empty()) << "the demo city has agencies serving every street";
    const std::string agency = agencies.empty() ? "0" : std::to_string(agencies[0].at("id").as_int64());
    const auto made =
        power_act ? whistler.Post("/api/v1/power-acts", R"({"agency_org_id":)" + agency +
                                                            R"(,"power":"supervision","subject":"矩阵督办",)"
                                                            R"("text":"矩阵","response_due":"2099-12-31"})")
                  : whistler.Post("/api/v1/whistles", R"({"type":"enforcement","source":"hotline","title":"矩阵吹哨",)"
                                                      R"("description":"矩阵","agency_ids":[)" + agency + "]}");
    EXPECT_EQ(made.status, 201) << made.body;
    return made.Json().at("id").as_int64();
  }

  // A key enterprise of the street at or around `org_id` (as WhistleIn finds it), a unit of that
  // street and an agency serving it, seeded for the city's user; or an open issue in its log.
  std::int64_t KeyEnterpriseIn(std::int64_t org_id, bool entry) {
    std::int64_t street = org_id;
    for (int depth = 0; depth < 4; ++depth) {
      const auto org = city_->Get("/api/v1/orgs/" + std::to_string(street)).Json();
      if (org.at("level") == "street") break;
      street = org.at("level") == "community" ? org.at("parent_id").as_int64() : FirstChild(street);
    }
    db::Session session(server_.application().database());
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    const long long street_id = street;
    long long unit_id = 0, agency_id = 0;
    session.sql() << "SELECT MIN(u.id) FROM unit u JOIN org o ON o.id = u.org_id JOIN org s ON s.id = :street "
                     "WHERE o.path LIKE s.path || '%' AND NOT EXISTS (SELECT 1 FROM key_enterprise k WHERE "
                     "k.unit_id = u.id)",
        soci::use(street_id, "street"), soci::into(unit_id);
    session.sql() << "SELECT MIN(agency_org_id) FROM agency_street WHERE street_org_id = :street",
        soci::use(street_id, "street"), soci::into(agency_id);
    const std::int64_t user = city_->Get("/api/v1/me").Json().at("user").at("id").as_int64();
    const std::int64_t now = server_.clock().NowSeconds();
    const auto& service = server_.application().key_enterprise_service();
    std::int64_t id = service.Seed(session.sql(), {unit_id, street, agency_id, "矩阵"}, "2026-01-01", user, now);
    if (entry) id = service.SeedEntry(session.sql(), id, {"issue", "2026-01-01", "矩阵问题"}, "street", street, user, now);
    transaction.Commit();
    return id;
  }

  // A task node of `org_id` (or its task), issued by the city; the city's own root node for the city.
  std::int64_t TaskNodeIn(std::int64_t org_id, bool task) {
    const bool root = city_->Get("/api/v1/orgs/" + std::to_string(org_id)).Json().at("parent_id").is_null();
    const std::string targets = root ? R"({"mode":"children"})"
                                     : R"({"mode":"list","org_ids":[)" + std::to_string(org_id) + "]}";
    const auto issued = city_->Post("/api/v1/tasks", R"({"title":"矩阵任务","content":"矩阵","deadline":"2026-06-30",)"
                                                     R"("targets":)" + targets + "}");
    EXPECT_EQ(issued.status, 201) << issued.body;
    const auto created = issued.Json();
    if (task) return created.at("id").as_int64();
    if (root) return created.at("root_assignment_id").as_int64();
    const auto nodes = city_->Get("/api/v1/task-assignments?org=" + std::to_string(org_id) +
                                  "&task=" + std::to_string(created.at("id").as_int64()))
                           .Json();
    return nodes.at("items").as_array()[0].at("id").as_int64();
  }

  // A pending report (or its evidence file) on a node of `org_id`, by a user of that org; below a
  // root org, of its first child.
  std::int64_t ReportIn(std::int64_t org_id, bool attachment) {
    if (city_->Get("/api/v1/orgs/" + std::to_string(org_id)).Json().at("parent_id").is_null()) {
      org_id = FirstChild(org_id);
    }
    const std::int64_t node = TaskNodeIn(org_id, false);
    const std::string username = "matrix.reporter." + std::to_string(++users_made_);
    {
      db::Session session(server_.application().database());
      server_.application().auth_service().CreateUser(
          session.sql(), auth::NewUser{org_id, username, "矩阵上报", "street_admin", "Matrix-Test-Password-2026"});
    }
    HttpClient reporter = server_.Client();
    EXPECT_EQ(reporter.SignIn(username, "Matrix-Test-Password-2026").status, 200);
    const std::string path = "/api/v1/task-assignments/" + std::to_string(node);
    const auto file = reporter.Send(http::Verb::post, path + "/attachments", "%PDF-1.4 matrix",
                                    {{"X-File-Name", "matrix.pdf"}});
    EXPECT_EQ(file.status, 201) << file.body;
    if (attachment) return file.Json().at("id").as_int64();
    const auto report = reporter.Post(path + "/reports", R"({"percent":10,"text":"矩阵上报"})");
    EXPECT_EQ(report.status, 201) << report.body;
    return report.Json().at("id").as_int64();
  }

  // The route's path with its parameter filled by an object inside the subtree of `org_id`; a list
  // without one is given that subtree as ?org=.
  std::string Target(const http::Route& route, const std::string& name, std::int64_t org_id) {
    std::string target = route.pattern;
    const std::string kind = route.segments[2];  // api / v1 / <kind> / {…} …
    const bool has_parameter = target.find('{') != std::string::npos;
    for (auto open = target.find('{'); open != std::string::npos; open = target.find('{')) {
      const auto close = target.find('}', open);
      const std::string parameter = target.substr(open + 1, close - open - 1);
      const auto named = kNamedObjects.find(kind);
      const std::string value = parameter == "name" && named != kNamedObjects.end()
                                    ? named->second
                                    : std::to_string(ObjectIn(kind, org_id));
      target.replace(open, close - open + 1, value);
    }
    if (!has_parameter && route.method == http::Verb::get && kUnscoped.count(name) == 0) {
      target += "?org=" + std::to_string(org_id);  // lists and exports take the subtree as ?org=
    }
    return target;
  }

  std::string Body(const std::string& name, std::int64_t org_id, std::int64_t own_org_id) {
    const auto body = kBodies.find(name);
    std::string payload = body == kBodies.end() ? "" : body->second;
    if (payload.find("{unit_check_in}") != std::string::npos) {
      payload = Replace(payload, "{unit_check_in}", std::to_string(ObjectIn("unit-check-ins", org_id)));
    }
    if (payload.find("{unit}") != std::string::npos) {
      // A unit located in that subtree (the demo has units in every community of 和平街道 and 胜利街道).
      db::Session session(server_.application().database());
      const long long org = CommunityUnder(org_id);
      long long unit_id = 0;
      session.sql() << "SELECT MIN(id) FROM unit WHERE org_id = :org", soci::use(org, "org"), soci::into(unit_id);
      payload = Replace(payload, "{unit}", std::to_string(unit_id));
    }
    payload = Replace(payload, "LEAF", leaf_category_);
    payload = Replace(payload, "{org}", std::to_string(org_id));
    payload = Replace(payload, "{own_org}", std::to_string(own_org_id));
    return Replace(payload, "CODE", unit::CompleteCreditCode("91110101MC0000001"));
  }

  TestServer server_;
  std::unique_ptr<HttpClient> city_;
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> objects_in_;
  int users_made_ = 0;
  int members_made_ = 0;
  int runs_made_ = 0;
  std::map<std::int64_t, std::string> kind_of_org_;
  std::string leaf_category_;  // 物业服务质量差: a leaf that communities own
};

// Routes whose service needs a finer permission than the route's own, for the object the matrix
// calls them on.
const std::map<std::string, std::string> kFinerPermission = {
    {"GET /api/v1/members/{id}/identifiers", "member:unmask"},
    {"PUT /api/v1/settings/{name}", "setting:write"},  // audit_retention_days belongs to the system duty
};

// Generated from the route table: every route, called by every staff level on objects of a
// sibling subtree (the neighbouring district, street or community) — each path parameter an object
// of its kind there, each list with ?org= the sibling, each creation naming the sibling in its body
// — answers exactly as for an object that does not exist: 404 with the object's not_found code
// (or 400 with the field's own code for an id in a body), never 403, and nothing of the sibling's.
// A role without the route's permission is refused that first (403), so no route passes for the
// wrong reason. Lists in their default scope (no ?org=) and the unscoped routes carry nothing of
// the sibling's either.
TEST_F(ScopeMatrixTest, EveryRouteAnswersNotFoundOutsideTheSubtree) {
  const auto& routes = server_.application().router().routes();
  int not_found = 0;
  int default_scope = 0;
  for (const Sibling& sibling : kSiblings) {
    const std::int64_t sibling_id = OrgId(sibling.sibling_org);
    const std::int64_t own_id = OrgId(sibling.own_org);
    HttpClient client = server_.SignedIn(sibling.role);
    std::set<std::string> granted;
    const boost::json::value me = client.Get("/api/v1/me").Json();
    for (const auto& permission : me.at("user").at("permissions").as_array()) granted.emplace(permission.as_string());
    for (const http::Route& route : routes) {
      const std::string name = std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
      if (route.access != http::Access::kSignedIn) continue;
      if (route.method != http::Verb::get && kBodies.count(name) == 0) {
        ADD_FAILURE() << "no body for " << name << ": add one to kBodies";
        continue;
      }
      const auto finer = kFinerPermission.find(name);
      const bool permitted = granted.count(route.permission) > 0 &&
                             (finer == kFinerPermission.end() || granted.count(finer->second) > 0);
      const bool has_parameter = route.pattern.find('{') != std::string::npos;
      if (kUnscoped.count(name) == 0) {
        const std::string target = Target(route, name, sibling_id);
        const auto result = client.Send(route.method, target, Body(name, sibling_id, own_id));
        const std::string where = sibling.role + ": " + name + " as " + target + " → " + std::to_string(result.status) +
                                  " " + result.body;
        if (route.pattern.ends_with("/import")) {
          // An import answers 200 with the foreign row refused, and nothing written.
          EXPECT_EQ(result.status, permitted ? 200 : 403) << where;
          if (permitted) {
            const auto report = result.Json();
            EXPECT_EQ(report.at("created").as_int64() + report.at("updated").as_int64(), 0) << where;
            EXPECT_EQ(report.at("errors").as_array().size(), 1u) << where;
          }
        } else {
          const auto body = result.Json();
          ASSERT_TRUE(body.is_object() && body.as_object().size() == 1 && body.as_object().contains("error")) << where;
          const std::string code(body.at("error").at("code").as_string());
          if (!permitted) {
            EXPECT_EQ(result.status, 403) << where;
            EXPECT_EQ(code, "auth.permission_denied") << where;
          } else if (has_parameter || route.method == http::Verb::get) {
            EXPECT_EQ(result.status, 404) << where;
            EXPECT_TRUE(code.ends_with("not_found")) << where;
            ++not_found;
          } else {
            // An id in a body: not found, or the field's own code with the field named.
            const bool field_code = result.status == 400 && code != "request.invalid_argument" &&
                                    body.at("error").as_object().contains("field");
            EXPECT_TRUE((result.status == 404 && code.ends_with("not_found")) || field_code) << where;
            ++not_found;
          }
        }
        EXPECT_EQ(result.body.find(sibling.sibling_org), std::string::npos) << where << ": leaked";
      }
      if (route.method == http::Verb::get && !has_parameter) {
        // The default scope, and the unscoped lists: the actor's own, nothing of the sibling's.
        const auto result = client.Get(route.pattern);
        const std::string where = sibling.role + ": " + name + " (default scope) → " + std::to_string(result.status);
        EXPECT_LT(result.status, 500) << where << " " << result.body;
        EXPECT_EQ(result.status == 403, !permitted) << where << " " << result.body;
        EXPECT_EQ(result.body.find(sibling.sibling_org), std::string::npos) << where << " leaked " << result.body;
        ++default_scope;
      }
    }
  }
  EXPECT_GT(not_found, 3 * 30);
  EXPECT_GT(default_scope, 3 * 15);
}

// An object outside the subtree is refused as not found, and the refusal is audited as a denial.
TEST_F(ScopeMatrixTest, AnObjectOutsideTheSubtreeIsAuditedAsADenial) {
  const std::int64_t sibling_member = ObjectIn("members", OrgId("东风社区"));
  HttpClient community = server_.SignedIn("community");
  const auto denials = [&] {
    db::Session session(server_.application().database());
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied'", soci::into(count);
    return count;
  };
  const long long before = denials();
  const auto result = community.Get("/api/v1/members/" + std::to_string(sibling_member));
  EXPECT_EQ(result.status, 404) << result.body;
  EXPECT_EQ(result.Json().at("error").at("code"), "member.not_found");
  EXPECT_EQ(denials(), before + 1);
  // An id that exists nowhere is answered the same, and is no denial.
  const auto missing = community.Get("/api/v1/members/999999999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Json().at("error").at("code"), "member.not_found");
  EXPECT_EQ(denials(), before + 1);
}

// Generated from the route table: every signed-in route, called by every role — the four staff
// levels and the three separated administrators — on objects inside the role's own subtree,
// answers 403 auth.permission_denied exactly when the role does not grant what the route needs.
TEST_F(ScopeMatrixTest, EveryRouteAnswersExactlyTheRolesGrantingItsPermission) {
  core::Actor security;
  security.user_id = 1;
  security.org_id = 1;
  security.permissions = {"role:write"};
  server_.application().role_service().Create(security, {"matrix_role", "矩阵角色", {"org:read"}});
  int allowed = 0;
  int refused = 0;
  for (const std::string role : {"community", "street", "district", "city", "audit", "system", "security"}) {
    HttpClient client = server_.SignedIn(role);
    const auto me = client.Get("/api/v1/me").Json();
    const std::int64_t own_org = me.at("user").at("org").at("id").as_int64();
    std::set<std::string> granted;
    for (const auto& permission : me.at("user").at("permissions").as_array()) granted.emplace(permission.as_string());
    for (const http::Route& route : server_.application().router().routes()) {
      if (route.access != http::Access::kSignedIn) continue;
      const std::string name = std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
      if (route.method != http::Verb::get && kBodies.count(name) == 0) {
        ADD_FAILURE() << "no body for " << name << ": add one to kBodies";
        continue;
      }
      const auto finer = kFinerPermission.find(name);
      const bool may = granted.count(route.permission) > 0 &&
                       (finer == kFinerPermission.end() || granted.count(finer->second) > 0);
      // Orgs are called strictly inside the subtree: one's own root org has rules of its own (it
      // cannot be archived or moved by its own users).
      const std::int64_t inside = route.segments[2] == "orgs" ? FirstChild(own_org) : own_org;
      const auto result = client.Send(route.method, Target(route, name, inside), Body(name, own_org, own_org));
      const bool denied = result.status == 403 && result.Json().at("error").at("code") == "auth.permission_denied";
      EXPECT_EQ(denied, !may) << role << ": " << name << " (needs " << route.permission << ") → " << result.status
                              << " " << result.body;
      ++(may ? allowed : refused);
    }
  }
  EXPECT_GT(allowed, 60);
  EXPECT_GT(refused, 100);
}

// Every GET route, called on the role's own objects by roles without member:unmask, answers
// without a single full ID number.
TEST_F(ScopeMatrixTest, NoResponseCarriesAFullIdNumberWithoutUnmask) {
  const std::regex full_id_number("[1-9][0-9]{16}[0-9X]");
  for (const std::string role : {"street", "community"}) {
    HttpClient client = server_.SignedIn(role);
    const auto me = client.Get("/api/v1/me").Json();
    const std::int64_t own_org = me.at("user").at("org").at("id").as_int64();
    const std::int64_t community = CommunityUnder(own_org);
    const auto members = client.Get("/api/v1/members").Json().at("items").as_array();
    ASSERT_FALSE(members.empty());
    const std::int64_t member_id = members[0].at("id").as_int64();
    for (const http::Route& route : server_.application().router().routes()) {
      if (route.method != http::Verb::get) continue;
      std::string target = route.pattern;
      const auto parameter = target.find("{id}");
      if (parameter != std::string::npos) {
        const std::string kind = route.segments[2];
        const std::int64_t id = kind == "members" ? member_id : community;
        target.replace(parameter, 4, std::to_string(id));
      }
      const auto result = client.Get(target);
      EXPECT_FALSE(std::regex_search(result.body, full_id_number)) << role << " " << target << ": " << result.body;
    }
  }
}

}  // namespace
}  // namespace liandong::app
