#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::app {
namespace {

using testing::HttpClient;
using testing::TestServer;
using testing::TestServerOptions;

std::int64_t Total(HttpClient& client, const std::string& query) {
  return client.Get("/api/v1/agreements" + query).Json().at("total").as_int64();
}

// A newcomer finds agreements in every state: running with a late report, expiring, ended and
// renewed, terminated; the street sees only its own and its communities'.
TEST(DemoCobuildTest, TheDemoCityHasAgreementsInEveryState) {
  TestServer server(TestServerOptions{.demo_activity = true});
  HttpClient city = server.SignedIn("city");
  EXPECT_EQ(Total(city, ""), 6);
  EXPECT_EQ(Total(city, "?state=expiring"), 1);
  EXPECT_EQ(Total(city, "?state=ended"), 2);
  EXPECT_EQ(Total(city, "?late=true"), 1);

  // The whole city's lists (read from index agreement_recent, without the orgs) count and page as
  // the districts' lists do together.
  const std::int64_t root = city.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  const auto districts = city.Get("/api/v1/orgs/" + std::to_string(root) + "/children").Json();
  for (const std::string filter : {"", "state=active", "state=expiring", "state=ended", "state=upcoming",
                                   "state=in_force", "late=true", "due=true", "q=%E8%83%9C%E5%88%A9"}) {
    std::int64_t sum = 0;
    for (const auto& district : districts.at("items").as_array()) {
      sum += Total(city, "?org=" + std::to_string(district.at("id").as_int64()) + "&" + filter);
    }
    const auto whole = city.Get("/api/v1/agreements?page_size=100&" + filter).Json();
    EXPECT_EQ(whole.at("total").as_int64(), sum) << filter;
    EXPECT_EQ(static_cast<std::int64_t>(whole.at("items").as_array().size()), sum) << filter;
  }

  HttpClient street = server.SignedIn("street");
  const auto own = street.Get("/api/v1/agreements").Json();
  ASSERT_EQ(own.at("total"), 2);
  const auto late = street.Get("/api/v1/agreements?late=true").Json().at("items").as_array();
  ASSERT_EQ(late.size(), 1u);
  const auto detail = street.Get("/api/v1/agreements/" + std::to_string(late[0].at("id").as_int64())).Json();
  std::int64_t missing = 0;
  std::int64_t filed = 0;
  for (const auto& report : detail.at("reports").as_array()) {
    missing += report.at("status") == "missing" ? 1 : 0;
    filed += report.at("status") == "filed" || report.at("status") == "late_filed" ? 1 : 0;
  }
  EXPECT_EQ(missing, 1);
  EXPECT_GE(filed, 3);
  EXPECT_GT(detail.at("fulfilment").at("commitments_delivered").as_int64(), 0);
  // The sweep told 和平街道 of the missing report.
  bool told = false;
  const auto inbox = street.Get("/api/v1/notifications?page_size=100").Json();
  for (const auto& item : inbox.at("items").as_array()) {
    told = told || item.at("kind") == "agreement";
  }
  EXPECT_TRUE(told);

  // The units' own logins: 胜利科技发展有限公司's branch has this quarter's report to file itself;
  // 和平科技有限公司's liaison finds the street's and the community's agreements with its company.
  HttpClient unit = server.SignedIn("unit");
  const auto ours = unit.Get("/api/v1/agreements").Json();
  ASSERT_EQ(ours.at("total"), 1) << ours;
  const auto software = unit.Get("/api/v1/agreements/" + std::to_string(ours.at("items").as_array()[0].at("id").as_int64()));
  ASSERT_EQ(software.status, 200) << software.body;
  EXPECT_TRUE(software.Json().at("can_report").as_bool());
  HttpClient liaison = server.SignedIn("liaison");
  EXPECT_EQ(liaison.Get("/api/v1/me").Json().at("user").at("role"), "unit_admin");
  EXPECT_EQ(Total(liaison, ""), 2);
}

}  // namespace
}  // namespace liandong::app
