#include "app/demo_city.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.hpp"
#include "testing/test_server.hpp"

namespace liandong::app {
namespace {

TEST(DemoCityTest, CreatesTheCityOnceWithFreshPasswords) {
  testing::TestServer first({.fresh_demo = true});
  testing::TestServer second({.fresh_demo = true});
  std::set<std::string> roles;
  for (const std::string role : {"city", "district", "street", "community"}) {
    roles.insert(role);
    EXPECT_NE(first.Login(role).password, second.Login(role).password) << "no fixed demo passwords";
    EXPECT_GE(first.Login(role).password.size(), 12u);
    EXPECT_EQ(first.SignedIn(role).Get("/api/v1/me").status, 200) << role;
  }
  EXPECT_TRUE(CreateDemoCity(first.application(), first.clock()).empty()) << "never twice";
}

// What a newcomer finds on the responsibility pages of `liandong demo`: every page has records,
// in the states the story left them.
TEST(DemoCityTest, ActivityLeavesEveryResponsibilityPageInARealisticState) {
  testing::TestServer server({.demo_activity = true});
  testing::HttpClient city = server.SignedIn("city");
  testing::HttpClient district = server.SignedIn("district");
  testing::HttpClient street = server.SignedIn("street");
  testing::HttpClient community = server.SignedIn("community");

  std::set<std::string> duty_levels;
  const auto duty_items = district.Get("/api/v1/duty-items?year=2026").Json();
  for (const auto& item : duty_items.at("items").as_array()) {
    duty_levels.insert(std::string(item.at("level").as_string()));
  }
  EXPECT_EQ(duty_levels, (std::set<std::string>{"city", "district", "street", "community"}));

  EXPECT_EQ(city.Get("/api/v1/tasks").Json().at("total").as_int64(), 3);
  EXPECT_EQ(district.Get("/api/v1/tasks").Json().at("total").as_int64(), 2);
  const auto overdue = city.Get("/api/v1/task-assignments?subtree=true&state=overdue").Json();
  ASSERT_EQ(overdue.at("total").as_int64(), 1) << overdue;
  const auto& late = overdue.at("items").as_array()[0];
  EXPECT_EQ(late.at("org").at("name").as_string(), "东风社区");
  EXPECT_EQ(city.Get("/api/v1/task-assignments?subtree=true&state=done").Json().at("total").as_int64(), 5)
      << "the training at 东城区, 和平街道 and 和平里社区, 和平里社区's self-check, 东城区's experience";
  const auto reviews = street.Get("/api/v1/reviews").Json();
  ASSERT_EQ(reviews.at("total").as_int64(), 1) << reviews;
  EXPECT_EQ(district.Get("/api/v1/reviews").Json().at("total").as_int64(), 0);

  const auto supervisions = street.Get("/api/v1/supervisions?view=issued").Json();
  ASSERT_EQ(supervisions.at("total").as_int64(), 1) << supervisions;
  EXPECT_EQ(supervisions.at("items").as_array()[0].at("state").as_string(), "open") << "awaiting rectification";
  EXPECT_EQ(supervisions.at("items").as_array()[0].at("assignment").at("id"), late.at("id"));
  const auto accountability = city.Get("/api/v1/accountabilities").Json();
  ASSERT_EQ(accountability.at("total").as_int64(), 1) << accountability;
  EXPECT_EQ(accountability.at("items").as_array()[0].at("supervision").at("id"),
            supervisions.at("items").as_array()[0].at("id"));

  const auto state_of = [](testing::HttpClient& client, const std::string& org) {
    std::vector<std::string> states;
    const auto bulletins = client.Get("/api/v1/bulletins").Json();
    for (const auto& item : bulletins.at("items").as_array()) {
      if (item.at("org").at("name").as_string() == org) states.emplace_back(item.at("state").as_string());
    }
    return states;
  };
  EXPECT_EQ(state_of(city, "示范市"), std::vector<std::string>{"published"});
  EXPECT_EQ(state_of(district, "东城区"), std::vector<std::string>{"draft"});

  // The inbox holds what those actions sent; what came after each user last looked is unread.
  std::set<std::string> kinds;
  for (testing::HttpClient* client : {&city, &district, &street, &community}) {
    const auto inbox = client->Get("/api/v1/notifications").Json();
    EXPECT_FALSE(inbox.at("items").as_array().empty()) << inbox;
    if (client == &district || client == &street) {
      EXPECT_GT(inbox.at("unread").as_int64(), 0) << inbox;
    }
    for (const auto& item : inbox.at("items").as_array()) kinds.insert(std::string(item.at("kind").as_string()));
  }
  for (const std::string kind : {"assigned", "reported", "accepted", "escalated", "bulletin"}) {
    EXPECT_TRUE(kinds.contains(kind)) << kind;
  }
}

TEST(DemoCityTest, WritesLoginsReadableOnlyByTheOwner) {
  const auto path = std::filesystem::temp_directory_path() / ("liandong-logins-" + core::RandomHex(6)) / "logins.tsv";
  WriteDemoLogins(path, {{"city", "city.admin", "pw1"}, {"street", "street.admin", "pw2"}});
  const auto permissions = std::filesystem::status(path).permissions();
  EXPECT_EQ(permissions & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::ifstream file(path);
  std::string contents((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(contents, "city\tcity.admin\tpw1\nstreet\tstreet.admin\tpw2\n");
  std::filesystem::remove_all(path.parent_path());
}

// The residents' requests of the demo: the squad's note on the garbage station carries its
// 清运记录, which the street that hosts the request downloads.
TEST(DemoCityTest, ARequestsStepCarriesItsEvidence) {
  testing::TestServer server({.demo_activity = true});
  testing::HttpClient street = server.SignedIn("street");
  const auto requests = street.Get("/api/v1/requests?page_size=100").Json();
  std::int64_t garbage = 0;
  for (const auto& item : requests.at("items").as_array()) {
    if (item.at("title") == "垃圾站两天未清运") garbage = item.at("id").as_int64();
  }
  ASSERT_NE(garbage, 0) << requests;
  const auto detail = street.Get("/api/v1/requests/" + std::to_string(garbage)).Json();
  std::string file_name;
  std::int64_t file_id = 0;
  for (const auto& step : detail.at("steps").as_array()) {
    for (const auto& file : step.at("attachments").as_array()) {
      EXPECT_EQ(step.at("kind"), "note");
      file_name = file.at("file_name").as_string();
      file_id = file.at("id").as_int64();
    }
  }
  EXPECT_EQ(file_name, "垃圾站清运记录.pdf");
  const auto download =
      street.Get("/api/v1/requests/" + std::to_string(garbage) + "/attachments/" + std::to_string(file_id));
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_TRUE(download.body.starts_with("%PDF-1.4")) << download.body.substr(0, 20);
  EXPECT_TRUE(download.body.ends_with("%%EOF\n"));
}

// The joint meetings of the demo: 和平街道's last one is held with its attendance and minutes, one
// resolution already a task of two communities that points back at it, one waiting; the next one
// is planned.
TEST(DemoCityTest, AJointMeetingsResolutionIsATaskOfTwoCommunities) {
  testing::TestServer server({.demo_activity = true});
  testing::HttpClient street = server.SignedIn("street");
  testing::HttpClient community = server.SignedIn("community");
  const auto meetings = street.Get("/api/v1/joint-meetings").Json();
  ASSERT_EQ(meetings.at("total").as_int64(), 3) << meetings;
  const auto& next = meetings.at("items").as_array()[0];
  EXPECT_EQ(next.at("state"), "planned");
  EXPECT_EQ(next.at("attendee_count").as_int64(), 3) << "the 大工委's members are invited";
  const auto& held = meetings.at("items").as_array()[2];
  EXPECT_EQ(held.at("title"), "和平街道大工委第三季度联席会议");
  EXPECT_EQ(held.at("present_count").as_int64(), 4);
  EXPECT_EQ(held.at("resolution_count").as_int64(), 2);
  EXPECT_EQ(held.at("tasked_count").as_int64(), 1);
  const auto detail = street.Get("/api/v1/joint-meetings/" + std::to_string(held.at("id").as_int64())).Json();
  const auto& task = detail.at("resolutions").as_array()[0].at("task");
  ASSERT_TRUE(task.is_object()) << detail;
  EXPECT_EQ(task.at("executing_count").as_int64(), 2);
  const auto seen = community.Get("/api/v1/tasks/" + std::to_string(task.at("id").as_int64())).Json();
  EXPECT_EQ(seen.at("origin").at("meeting_id"), held.at("id"));
  EXPECT_TRUE(detail.at("resolutions").as_array()[1].at("task").is_null());
}

}  // namespace
}  // namespace liandong::app
