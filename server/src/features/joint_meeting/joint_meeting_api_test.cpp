#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::joint_meeting {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string MeetingPath(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/joint-meetings/" + std::to_string(id) + std::string(suffix);
}

std::string TaskPath(std::int64_t resolution_id) {
  return "/api/v1/joint-meeting-resolutions/" + std::to_string(resolution_id) + "/task";
}

std::string MeetingBody(std::int64_t org_id, const std::string& date, const std::string& title = "第四季度联席会议") {
  return boost::json::serialize(boost::json::object{{"org_id", org_id},
                                                    {"title", title},
                                                    {"meeting_date", date},
                                                    {"place", "党群服务中心二楼会议室"},
                                                    {"agenda", "一、通报共建项目进展\n二、研究老旧小区加装电梯"}});
}

std::string ResolutionBody(const std::string& deadline, const boost::json::array& org_ids) {
  return boost::json::serialize(boost::json::object{{"text", "各社区牵头摸排加装电梯意愿，年底前形成方案"},
                                                    {"deadline", deadline},
                                                    {"responsible_org_ids", org_ids}});
}

std::vector<std::string> AttendeeNames(const boost::json::value& meeting) {
  std::vector<std::string> names;
  for (const auto& attendee : meeting.at("attendees").as_array())
    names.emplace_back(attendee.at("person_name").as_string());
  return names;
}

class JointMeetingApiTest : public ::testing::Test {
 protected:
  // The city's role convenes no meeting in the demo; here it may, to reach other levels and streets.
  void SetUp() override {
    db::Session session(server_.application().database());
    session.sql() << "INSERT INTO role_permission (role, permission) VALUES ('city_admin', 'cobuild:write')";
  }

  std::int64_t AuditCount(const std::string& action, std::int64_t target_id) {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().CountFor(session.sql(), action, target_id);
  }

  std::int64_t TaskCount() {
    db::Session session(server_.application().database());
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM task", soci::into(count);
    return count;
  }

  // A meeting of 和平街道 on `date`, convened by the street.
  std::int64_t Convene(const std::string& date) {
    const auto created = street_.Post("/api/v1/joint-meetings", MeetingBody(heping_, date));
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json().at("id").as_int64();
  }

  HttpResult RecordMinutes(HttpClient& client, std::int64_t meeting_id, const boost::json::array& attendees) {
    return client.Send(
        verb::put, MeetingPath(meeting_id, "/minutes"),
        boost::json::serialize(boost::json::object{{"minutes", "会议听取了共建项目进展汇报，议定加装电梯摸排工作。"},
                                                   {"attendees", attendees}}));
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(street_, {"和平里社区"});
  std::int64_t dongfeng_ = DemoOrgId(street_, {"东风社区"});
  std::int64_t dongcheng_ = DemoOrgId(city_, {"东城区"});
  std::int64_t shengli_ = DemoOrgId(city_, {"东城区", "胜利街道"});
  std::int64_t heping_tech_ = DemoUnitId(street_, "和平科技有限公司");
};

TEST_F(JointMeetingApiTest, AMeetingsResolutionBecomesATaskOfTheResponsibleCommunitiesAndEachPointsAtTheOther) {
  // Convened: the street's joint committee members are invited, nobody marked yet.
  const auto created = street_.Post("/api/v1/joint-meetings", MeetingBody(heping_, "2025-12-20"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t meeting = created.Json().at("id").as_int64();
  EXPECT_EQ(created.Json().at("state").as_string(), "planned");
  EXPECT_EQ(AttendeeNames(created.Json()), (std::vector<std::string>{"李红", "张伟", "陈明"}));
  EXPECT_TRUE(created.Json().at("attendees").as_array()[0].at("present").is_null());
  EXPECT_EQ(created.Json().at("attendees").as_array()[0].at("unit").at("name").as_string(), "东城区第一人民医院");

  // Resolutions come after the minutes.
  const auto too_early = street_.Post(MeetingPath(meeting, "/resolutions"),
                                      ResolutionBody("2026-03-31", boost::json::array{heping_li_, dongfeng_}));
  EXPECT_EQ(too_early.status, 409) << too_early.body;
  EXPECT_EQ(ErrorCode(too_early), "joint_meeting.no_minutes");

  const auto held = RecordMinutes(
      street_, meeting,
      boost::json::array{
          boost::json::object{{"person_name", "李红"}, {"post", "兼职副书记"}, {"present", true}},
          boost::json::object{
              {"person_name", "张伟"}, {"post", "兼职委员"}, {"present", false}, {"absence_reason", "出差"}},
          boost::json::object{{"person_name", "陈明"}, {"post", "委员"}, {"present", true}},
          boost::json::object{
              {"person_name", "王芳"}, {"unit_id", heping_tech_}, {"post", "列席"}, {"present", true}}});
  ASSERT_EQ(held.status, 200) << held.body;
  EXPECT_EQ(held.Json().at("state").as_string(), "held");
  EXPECT_EQ(held.Json().at("attendee_count").as_int64(), 4);
  EXPECT_EQ(held.Json().at("present_count").as_int64(), 3);
  EXPECT_EQ(held.Json().at("attendees").as_array()[1].at("absence_reason").as_string(), "出差");
  EXPECT_EQ(held.Json().at("attendees").as_array()[3].at("unit").at("name").as_string(), "和平科技有限公司");

  const auto resolution = street_.Post(MeetingPath(meeting, "/resolutions"),
                                       ResolutionBody("2026-03-31", boost::json::array{heping_li_, dongfeng_}));
  ASSERT_EQ(resolution.status, 201) << resolution.body;
  const std::int64_t resolution_id = resolution.Json().at("id").as_int64();
  EXPECT_EQ(resolution.Json().at("position").as_int64(), 1);
  EXPECT_EQ(resolution.Json().at("responsible_orgs").as_array().size(), 2u);
  EXPECT_TRUE(resolution.Json().at("task").is_null());

  // Issued as the street's task to both communities.
  const auto issued = street_.Post(TaskPath(resolution_id), "{}");
  ASSERT_EQ(issued.status, 201) << issued.body;
  const auto task = issued.Json().at("task");
  ASSERT_TRUE(task.is_object()) << issued.body;
  const std::int64_t task_id = task.at("id").as_int64();
  EXPECT_EQ(task.at("executing_count").as_int64(), 2);
  EXPECT_EQ(task.at("title").as_string(), "联席会议决议：各社区牵头摸排加装电梯意愿，年底前形成方案");
  EXPECT_FALSE(task.at("my_assignment_id").is_null());

  // The task names its meeting and resolution, for the street and for a community that carries it out.
  const auto street_task = street_.Get("/api/v1/tasks/" + std::to_string(task_id));
  ASSERT_EQ(street_task.status, 200) << street_task.body;
  EXPECT_EQ(street_task.Json().at("origin").at("meeting_id").as_int64(), meeting);
  EXPECT_EQ(street_task.Json().at("origin").at("resolution_id").as_int64(), resolution_id);
  EXPECT_EQ(street_task.Json().at("origin").at("resolution_position").as_int64(), 1);
  const auto community_task = community_.Get("/api/v1/tasks/" + std::to_string(task_id));
  ASSERT_EQ(community_task.status, 200) << community_task.body;
  const std::int64_t node = community_task.Json().at("my_assignment_id").as_int64();
  const auto community_node = community_.Get("/api/v1/task-assignments/" + std::to_string(node));
  ASSERT_EQ(community_node.status, 200) << community_node.body;
  EXPECT_EQ(community_node.Json().at("origin").at("meeting_title").as_string(), "第四季度联席会议");
  EXPECT_NE(std::string(community_node.Json().at("content").as_string()).find("决议第 1 项"), std::string::npos);

  // The meeting shows the task, and a second issue is refused.
  const auto detail = street_.Get(MeetingPath(meeting));
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.Json().at("tasked_count").as_int64(), 1);
  EXPECT_EQ(detail.Json().at("resolutions").as_array()[0].at("task").at("id").as_int64(), task_id);
  const std::int64_t tasks = TaskCount();
  const auto again = street_.Post(TaskPath(resolution_id), "{}");
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(ErrorCode(again), "joint_meeting.resolution_has_task");
  EXPECT_EQ(TaskCount(), tasks);

  EXPECT_EQ(AuditCount("joint_meeting.create", meeting), 1);
  EXPECT_EQ(AuditCount("joint_meeting.record_minutes", meeting), 1);
  EXPECT_EQ(AuditCount("joint_meeting.add_resolution", resolution_id), 1);
  EXPECT_EQ(AuditCount("joint_meeting.issue_task", resolution_id), 1);
}

TEST_F(JointMeetingApiTest, BadInputGetsItsOwnCodeAndWritesNothing) {
  const auto district = city_.Post("/api/v1/joint-meetings", MeetingBody(dongcheng_, "2025-12-20"));
  EXPECT_EQ(district.status, 400) << district.body;
  EXPECT_EQ(ErrorCode(district), "joint_meeting.invalid_level");
  const auto bad_date = street_.Post("/api/v1/joint-meetings", MeetingBody(heping_, "2025-13-01"));
  EXPECT_EQ(ErrorCode(bad_date), "joint_meeting.invalid_date");
  const auto no_title = street_.Post("/api/v1/joint-meetings", MeetingBody(heping_, "2025-12-20", ""));
  EXPECT_EQ(ErrorCode(no_title), "joint_meeting.invalid_title");
  const auto other_street = street_.Post("/api/v1/joint-meetings", MeetingBody(shengli_, "2025-12-20"));
  EXPECT_EQ(other_street.status, 404) << other_street.body;

  // No minutes before the meeting's day.
  const std::int64_t future = Convene("2026-02-01");
  const auto early = RecordMinutes(street_, future, boost::json::array{});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(ErrorCode(early), "joint_meeting.not_held_yet");

  // An absence needs its reason; the invitees stay as they were.
  const std::int64_t meeting = Convene("2025-12-20");
  const auto no_reason = RecordMinutes(
      street_, meeting,
      boost::json::array{boost::json::object{{"person_name", "张伟"}, {"post", "委员"}, {"present", false}}});
  EXPECT_EQ(no_reason.status, 400) << no_reason.body;
  EXPECT_EQ(ErrorCode(no_reason), "joint_meeting.invalid_attendee");
  const auto unchanged = street_.Get(MeetingPath(meeting)).Json();
  EXPECT_EQ(unchanged.at("state").as_string(), "planned");
  EXPECT_EQ(AttendeeNames(unchanged), (std::vector<std::string>{"李红", "张伟", "陈明"}));
  ASSERT_EQ(RecordMinutes(street_, meeting, boost::json::array{}).status, 200);

  // A deadline before the meeting; the street itself, or an org of another street, as responsible.
  const auto before =
      street_.Post(MeetingPath(meeting, "/resolutions"), ResolutionBody("2025-12-01", boost::json::array{heping_li_}));
  EXPECT_EQ(ErrorCode(before), "joint_meeting.invalid_deadline");
  const auto itself =
      street_.Post(MeetingPath(meeting, "/resolutions"), ResolutionBody("2026-03-31", boost::json::array{heping_}));
  EXPECT_EQ(ErrorCode(itself), "joint_meeting.invalid_responsible_org");
  const auto elsewhere =
      city_.Post(MeetingPath(meeting, "/resolutions"), ResolutionBody("2026-03-31", boost::json::array{shengli_}));
  EXPECT_EQ(ErrorCode(elsewhere), "joint_meeting.invalid_responsible_org");
  const auto none = street_.Post(MeetingPath(meeting, "/resolutions"), ResolutionBody("2026-03-31", {}));
  EXPECT_EQ(ErrorCode(none), "joint_meeting.invalid_responsible_org");
  EXPECT_EQ(street_.Get(MeetingPath(meeting)).Json().at("resolution_count").as_int64(), 0);

  // Only the street issues its meeting's resolution, and not once its deadline has passed.
  const auto late =
      street_.Post(MeetingPath(meeting, "/resolutions"), ResolutionBody("2025-12-31", boost::json::array{heping_li_}));
  ASSERT_EQ(late.status, 201) << late.body;
  const std::int64_t late_id = late.Json().at("id").as_int64();
  const std::int64_t tasks = TaskCount();
  const auto by_city = city_.Post(TaskPath(late_id), "{}");
  EXPECT_EQ(by_city.status, 403) << by_city.body;
  EXPECT_EQ(ErrorCode(by_city), "joint_meeting.not_meeting_org");
  const auto past = street_.Post(TaskPath(late_id), "{}");
  EXPECT_EQ(ErrorCode(past), "task.invalid_deadline");
  EXPECT_EQ(TaskCount(), tasks);
  EXPECT_TRUE(street_.Get(MeetingPath(meeting)).Json().at("resolutions").as_array()[0].at("task").is_null());
}

TEST_F(JointMeetingApiTest, ListsTheSubtreesMeetingsNewestFirstAndNobodyReadsAnotherStreets) {
  const std::int64_t older = Convene("2025-09-15");
  const std::int64_t newer = Convene("2025-12-20");
  const auto community_meeting =
      community_.Post("/api/v1/joint-meetings", MeetingBody(heping_li_, "2025-11-10", "社区大党委会议"));
  ASSERT_EQ(community_meeting.status, 201) << community_meeting.body;
  const std::int64_t community_id = community_meeting.Json().at("id").as_int64();
  const auto other = city_.Post("/api/v1/joint-meetings", MeetingBody(shengli_, "2025-12-01", "胜利街道联席会议"));
  ASSERT_EQ(other.status, 201) << other.body;
  const std::int64_t other_id = other.Json().at("id").as_int64();

  const auto listed = street_.Get("/api/v1/joint-meetings?page_size=100");
  ASSERT_EQ(listed.status, 200) << listed.body;
  std::vector<std::int64_t> ids;
  const auto page = listed.Json();
  for (const auto& item : page.at("items").as_array()) ids.push_back(item.at("id").as_int64());
  const auto position = [&](std::int64_t id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
  EXPECT_LT(position(newer), position(community_id));
  EXPECT_LT(position(community_id), position(older));
  EXPECT_LT(position(older), static_cast<std::ptrdiff_t>(ids.size()));
  EXPECT_EQ(position(other_id), static_cast<std::ptrdiff_t>(ids.size()));
  EXPECT_EQ(page.at("total").as_int64(), static_cast<std::int64_t>(ids.size()));

  const auto held = street_.Get("/api/v1/joint-meetings?state=held&page_size=100").Json();
  for (const auto& item : held.at("items").as_array()) EXPECT_EQ(item.at("state").as_string(), "held");
  const auto community_list = community_.Get("/api/v1/joint-meetings?page_size=100").Json();
  for (const auto& item : community_list.at("items").as_array()) {
    EXPECT_EQ(item.at("org").at("id").as_int64(), heping_li_);
  }
  // The city's list holds every street's meetings, newest first, and the total counts them all.
  const auto city_page = city_.Get("/api/v1/joint-meetings?page_size=100").Json();
  std::vector<std::int64_t> city_ids;
  for (const auto& item : city_page.at("items").as_array()) city_ids.push_back(item.at("id").as_int64());
  EXPECT_EQ(city_page.at("total").as_int64(), static_cast<std::int64_t>(city_ids.size()));
  const auto city_position = [&](std::int64_t id) {
    return std::find(city_ids.begin(), city_ids.end(), id) - city_ids.begin();
  };
  EXPECT_LT(city_position(newer), city_position(other_id));
  EXPECT_LT(city_position(other_id), city_position(community_id));
  EXPECT_LT(city_position(older), static_cast<std::ptrdiff_t>(city_ids.size()));
  const auto city_planned = city_.Get("/api/v1/joint-meetings?state=planned&page_size=100").Json();
  EXPECT_EQ(city_planned.at("total").as_int64(), static_cast<std::int64_t>(city_planned.at("items").as_array().size()));
  for (const auto& item : city_planned.at("items").as_array()) EXPECT_EQ(item.at("state").as_string(), "planned");
  EXPECT_EQ(community_.Get(MeetingPath(newer)).status, 404);
  EXPECT_EQ(street_.Get(MeetingPath(other_id)).status, 404);
  EXPECT_EQ(ErrorCode(street_.Get("/api/v1/joint-meetings?state=done")), "request.invalid_argument");
}

}  // namespace
}  // namespace liandong::joint_meeting
