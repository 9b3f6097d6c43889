#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <set>
#include <vector>

#include "core/china_date.hpp"
#include "db/database.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/tallies.hpp"
#include "testing/test_server.hpp"

namespace liandong::cobuild_overview {
namespace {

using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;
using testing::TestServerOptions;

const std::vector<std::string> kFigures = {"agreements_active", "agreements_expiring", "reports_due",
                                           "reports_late",      "needs_open",          "needs_matched",
                                           "members_reported",  "units_reported",      "service_minutes"};

std::string ErrorCode(const HttpResult& result) {
  if (!result.Json().is_object() || !result.Json().as_object().contains("error")) return "(none) " + result.body;
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Serialize(const boost::json::object& body) { return boost::json::serialize(body); }

class OverviewApiTest : public ::testing::Test {
 protected:
  OverviewApiTest() : server_(TestServerOptions{.demo_activity = true}) {}

  void SetUp() override {
    city_ = std::make_unique<HttpClient>(server_.SignedIn("city"));
    street_ = std::make_unique<HttpClient>(server_.SignedIn("street"));
    community_ = std::make_unique<HttpClient>(server_.SignedIn("community"));
    heping_ = street_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    hepingli_ = community_->Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    shengli_ = DemoOrgId(*city_, {"东城区", "胜利街道"});
    today_ = core::ChinaDate(server_.clock().NowSeconds());
  }

  boost::json::object Overview(HttpClient& client, const std::string& query = "") {
    const auto result = client.Get("/api/v1/cobuilding-overview" + query);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.Json().as_object();
  }

  static std::int64_t Figure(const boost::json::value& row, const std::string& name) { return row.at(name).as_int64(); }

  std::int64_t Total(HttpClient& client, const std::string& path) {
    const auto result = client.Get(path);
    EXPECT_EQ(result.status, 200) << path << " " << result.body;
    return result.Json().at("total").as_int64();
  }

  // Each figure of the row of `org_id` against the total of the list it drills down to.
  void ExpectDrillDownsAgree(HttpClient& client, const boost::json::value& row, std::int64_t org_id, int year) {
    const std::string org = std::to_string(org_id);
    EXPECT_EQ(Figure(row, "agreements_active"), Total(client, "/api/v1/agreements?org=" + org + "&state=active"));
    EXPECT_EQ(Figure(row, "agreements_expiring"), Total(client, "/api/v1/agreements?org=" + org + "&state=expiring"));
    EXPECT_EQ(Figure(row, "reports_late"),
              Total(client, "/api/v1/agreements?org=" + org + "&state=in_force&late=true"));
    EXPECT_EQ(Figure(row, "reports_due"), Total(client, "/api/v1/agreements?org=" + org + "&state=in_force&due=true"));
    EXPECT_EQ(Figure(row, "needs_open"), Total(client, "/api/v1/needs?org=" + org + "&status=open"));
    EXPECT_EQ(Figure(row, "needs_matched"), Total(client, "/api/v1/needs?org=" + org + "&status=matched"));
    EXPECT_EQ(Figure(row, "members_reported"), Total(client, "/api/v1/member-check-ins?org=" + org));
    EXPECT_EQ(Figure(row, "units_reported"), Total(client, "/api/v1/unit-check-ins?org=" + org));
    const auto hours = client.Get("/api/v1/service-hours?org=" + org + "&year=" + std::to_string(year));
    ASSERT_EQ(hours.status, 200) << hours.body;
    EXPECT_EQ(Figure(row, "service_minutes"), hours.Json().at("total_minutes").as_int64());
  }

  TestServer server_;
  std::unique_ptr<HttpClient> city_, street_, community_;
  std::int64_t heping_ = 0, hepingli_ = 0, shengli_ = 0;
  std::string today_;
};

// The street's hours, merged from each community's newest entries: every page continues the one
// before in (served_on, id) order, newest first, across the communities, and the total (kept as a
// tally) counts exactly the entries listed.
TEST_F(OverviewApiTest, TheHoursDrillDownPagesInOrderAcrossTheStreetsCommunities) {
  const int year = std::stoi(today_.substr(0, 4)) - 1;  // the demo's hours, before the test clock's new year
  const std::string base = "/api/v1/service-hours?year=" + std::to_string(year);
  const auto whole = street_->Get(base + "&page_size=100").Json();
  const auto& all = whole.at("items").as_array();
  ASSERT_EQ(whole.at("total").as_int64(), static_cast<std::int64_t>(all.size())) << "the demo's year fits a page";
  std::set<std::int64_t> communities;
  std::int64_t minutes = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    communities.insert(all[i].at("community").at("id").as_int64());
    minutes += all[i].at("minutes").as_int64();
    if (i == 0) continue;
    const auto& before = all[i - 1];
    const bool newer_first = before.at("served_on").as_string() > all[i].at("served_on").as_string() ||
                             (before.at("served_on") == all[i].at("served_on") &&
                              before.at("id").as_int64() > all[i].at("id").as_int64());
    EXPECT_TRUE(newer_first) << before << " then " << all[i];
  }
  ASSERT_GE(communities.size(), 2u) << "the merge needs entries of two communities";
  EXPECT_EQ(whole.at("total_minutes").as_int64(), minutes);
  std::vector<std::int64_t> paged;
  for (int page = 1; paged.size() < all.size() && page <= 100; ++page) {
    const auto items = street_->Get(base + "&page_size=3&page=" + std::to_string(page)).Json().at("items");
    ASSERT_FALSE(items.as_array().empty()) << "page " << page;
    for (const auto& item : items.as_array()) paged.push_back(item.at("id").as_int64());
  }
  ASSERT_EQ(paged.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i], all[i].at("id").as_int64()) << i;
}

TEST_F(OverviewApiTest, EachFigureOfAStreetIsTheTotalOfTheListItDrillsDownTo) {
  const auto overview = Overview(*street_);
  EXPECT_EQ(overview.at("as_of").as_string(), today_);
  const int year = static_cast<int>(overview.at("year").as_int64());
  EXPECT_EQ(year, std::stoi(today_.substr(0, 4)));
  EXPECT_EQ(overview.at("org").at("id"), heping_);
  const auto& rows = overview.at("rows").as_array();
  ASSERT_EQ(rows.size(), 1u) << "a street sees its own row";
  EXPECT_EQ(rows[0].at("org").at("name"), "和平街道");
  ExpectDrillDownsAgree(*street_, rows[0], heping_, year);
  for (const std::string& name : kFigures) EXPECT_EQ(Figure(rows[0], name), Figure(overview.at("total"), name)) << name;
  // The demo street is at work: agreements in force, needs open, members and units reported.
  EXPECT_GT(Figure(rows[0], "agreements_active") + Figure(rows[0], "agreements_expiring"), 0);
  EXPECT_GT(Figure(rows[0], "needs_open"), 0);
  EXPECT_GT(Figure(rows[0], "members_reported"), 0);
  EXPECT_GT(Figure(rows[0], "units_reported"), 0);
  // The tests' clock stands on New Year's Day: the demo's hours were served last year, which the
  // drill-down of that year lists.
  const auto last_year = street_->Get("/api/v1/service-hours?year=" + std::to_string(year - 1)).Json();
  EXPECT_GT(last_year.at("total_minutes").as_int64(), 0);
  EXPECT_EQ(last_year.at("year"), year - 1);

  // A community sees its own row, which its lists agree with too.
  const auto own = Overview(*community_);
  ASSERT_EQ(own.at("rows").as_array().size(), 1u);
  EXPECT_EQ(own.at("rows").as_array()[0].at("org").at("id"), hepingli_);
  ExpectDrillDownsAgree(*community_, own.at("rows").as_array()[0], hepingli_, year);
  EXPECT_LE(Figure(own.at("total"), "members_reported"), Figure(rows[0], "members_reported"));
}

TEST_F(OverviewApiTest, TheCitySeesARowPerStreetThatAddUpToItsTotal) {
  const auto overview = Overview(*city_);
  const auto& rows = overview.at("rows").as_array();
  ASSERT_GT(rows.size(), 2u);
  const auto street_view = Overview(*street_).at("rows").as_array()[0];
  bool found = false;
  for (const std::string& name : kFigures) {
    std::int64_t sum = 0;
    for (const auto& row : rows) {
      EXPECT_EQ(row.at("org").at("level"), "street");
      sum += Figure(row, name);
    }
    EXPECT_EQ(sum, Figure(overview.at("total"), name)) << name;
  }
  for (const auto& row : rows) {
    if (row.at("org").at("id") != heping_) continue;
    found = true;
    for (const std::string& name : kFigures) EXPECT_EQ(Figure(row, name), Figure(street_view, name)) << name;
  }
  EXPECT_TRUE(found) << "和平街道 is a row of the city's overview";
  // Narrowed to the district, only its streets.
  const std::int64_t dongcheng = DemoOrgId(*city_, {"东城区"});
  const auto district = Overview(*city_, "?org=" + std::to_string(dongcheng));
  EXPECT_EQ(district.at("org").at("name"), "东城区");
  EXPECT_LT(district.at("rows").as_array().size(), rows.size());
  EXPECT_GE(district.at("rows").as_array().size(), 2u);
}

TEST_F(OverviewApiTest, WritesMoveTheFiguresAndTheTalliesEqualACountAfresh) {
  const auto before = Overview(*street_).at("rows").as_array()[0];
  const int year = std::stoi(today_.substr(0, 4));

  // A need raised.
  const auto need = community_->Post("/api/v1/needs", Serialize({{"org_id", hepingli_},
                                                                 {"need_kind", "need"},
                                                                 {"category", "venue"},
                                                                 {"title", "老年人棋牌活动需要场地"},
                                                                 {"description", "每周两次，需要可容纳 30 人的活动室"},
                                                                 {"beneficiaries", "社区老年人"},
                                                                 {"beneficiary_count", 30},
                                                                 {"wanted_by", core::AddDays(today_, 30)}}));
  ASSERT_EQ(need.status, 201) << need.body;

  // An in-service member reported, signed up to a post, and two hours served today.
  HttpClient unit = server_.SignedIn("unit");
  const std::int64_t branch = unit.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  const std::string id_number = "110105199003151239";
  const auto member = unit.Post("/api/v1/members", Serialize({{"org_id", branch},
                                                              {"name", "秦朗"},
                                                              {"gender", "male"},
                                                              {"id_number", id_number},
                                                              {"status", "full"},
                                                              {"in_service", true}}));
  ASSERT_EQ(member.status, 201) << member.body;
  const auto reported =
      community_->Post("/api/v1/member-check-ins", Serialize({{"id_number", id_number}, {"community_id", hepingli_}}));
  ASSERT_EQ(reported.status, 201) << reported.body;
  const std::int64_t check_in = reported.Json().at("id").as_int64();
  const auto categories = community_->Get("/api/v1/service-categories").Json().at("items").as_array();
  const auto post = community_->Post("/api/v1/service-posts", Serialize({{"community_id", hepingli_},
                                                                         {"category_id", categories[0].at("id")},
                                                                         {"title", "社区政策宣讲员"},
                                                                         {"headcount", 3},
                                                                         {"starts_on", core::AddDays(today_, -10)},
                                                                         {"ends_on", core::AddDays(today_, 30)}}));
  ASSERT_EQ(post.status, 201) << post.body;
  const std::string post_path = "/api/v1/service-posts/" + std::to_string(post.Json().at("id").as_int64());
  ASSERT_EQ(community_->Post(post_path + "/sign-ups", Serialize({{"check_in_id", check_in}})).status, 201);
  const auto served = community_->Post(post_path + "/hours",
                                       Serialize({{"check_in_id", check_in}, {"served_on", today_}, {"hours", 2}}));
  ASSERT_EQ(served.status, 201) << served.body;

  const auto after = Overview(*street_).at("rows").as_array()[0];
  EXPECT_EQ(Figure(after, "needs_open"), Figure(before, "needs_open") + 1);
  EXPECT_EQ(Figure(after, "members_reported"), Figure(before, "members_reported") + 1);
  EXPECT_EQ(Figure(after, "service_minutes"), Figure(before, "service_minutes") + 120);
  ExpectDrillDownsAgree(*street_, after, heping_, year);
  // The newest entry of the street's hours is the one just recorded.
  const auto hours = street_->Get("/api/v1/service-hours?org=" + std::to_string(heping_)).Json();
  EXPECT_EQ(hours.at("year"), year);
  bool listed = false;
  for (const auto& entry : hours.at("items").as_array()) {
    if (entry.at("member").at("name") == "秦朗" && entry.at("minutes") == 120) listed = true;
  }
  EXPECT_TRUE(listed) << hours;

  // What the writes kept equals what a count afresh finds (the generator's path).
  testing::ExpectTalliesEqualARecount(server_);
}

// The city's rows are counted once per day and version of the agreements: a signature, a
// termination and the next morning each show at once, never a stale figure.
TEST_F(OverviewApiTest, TheCitysRowsFollowEveryAgreementWriteAndTheDay) {
  const auto heping_row = [&](HttpClient& client) {
    const auto overview = Overview(client);
    for (const auto& row : overview.at("rows").as_array()) {
      if (row.at("org").at("id") == heping_) return row;
    }
    ADD_FAILURE() << "和平街道 is not a row";
    return boost::json::value();
  };
  const auto before = heping_row(*city_);
  const std::int64_t unit = DemoUnitId(*street_, "和平科技有限公司");
  const auto sign = [&](const std::string& start_on) {
    const boost::json::object body = {
        {"org_id", heping_},
        {"title", "和平街道与和平科技有限公司共驻共建协议"},
        {"org_head", "王志刚"},
        {"org_liaison", "赵敏"},
        {"signed_on", today_},
        {"start_on", start_on},
        {"end_on", core::AddDays(today_, 365)},
        {"parties", boost::json::array{{{"unit_id", unit}, {"head", "张伟"}, {"liaison", "李明"}}}},
        {"commitments",
         boost::json::array{{{"kind", "venue"}, {"description", "开放会议室"}, {"quantity", 2}, {"rhythm", "monthly"}}}}};
    const auto signed_ = street_->Post("/api/v1/agreements", Serialize(body));
    EXPECT_EQ(signed_.status, 201) << signed_.body;
    return signed_.Json().at("id").as_int64();
  };

  const std::int64_t now = sign(today_);
  EXPECT_EQ(Figure(heping_row(*city_), "agreements_active"), Figure(before, "agreements_active") + 1);
  const auto terminated = street_->Post("/api/v1/agreements/" + std::to_string(now) + "/terminate",
                                        R"({"reason":"单位搬迁出辖区"})");
  ASSERT_EQ(terminated.status, 200) << terminated.body;
  EXPECT_EQ(Figure(heping_row(*city_), "agreements_active"), Figure(before, "agreements_active"));

  // Signed today, in force from tomorrow: counted when the day comes.
  sign(core::AddDays(today_, 1));
  EXPECT_EQ(Figure(heping_row(*city_), "agreements_active"), Figure(before, "agreements_active"));
  server_.clock().Advance(24 * 60 * 60);
  HttpClient city = server_.SignedIn("city");
  HttpClient street = server_.SignedIn("street");
  // The lists count it (and whatever else the day moved): the city's row agrees with them.
  const auto tomorrow = heping_row(city);
  ExpectDrillDownsAgree(street, tomorrow, heping_, std::stoi(today_.substr(0, 4)));
}

TEST_F(OverviewApiTest, NobodySeesAnotherStreetsFiguresAndBadInputIsRefused) {
  EXPECT_EQ(street_->Get("/api/v1/cobuilding-overview?org=" + std::to_string(shengli_)).status, 404);
  EXPECT_EQ(community_->Get("/api/v1/cobuilding-overview?org=" + std::to_string(heping_)).status, 404);
  EXPECT_EQ(street_->Get("/api/v1/service-hours?org=" + std::to_string(shengli_)).status, 404);
  const auto bad_org = street_->Get("/api/v1/cobuilding-overview?org=abc");
  EXPECT_EQ(bad_org.status, 400);
  EXPECT_EQ(bad_org.Json().at("error").at("field"), "org");
  const auto bad_year = street_->Get("/api/v1/service-hours?year=1999");
  EXPECT_EQ(bad_year.status, 400);
  EXPECT_EQ(bad_year.Json().at("error").at("field"), "year");
  const auto bad_state = street_->Get("/api/v1/agreements?state=signed");
  EXPECT_EQ(bad_state.status, 400);
  EXPECT_EQ(ErrorCode(street_->Get("/api/v1/agreements?due=maybe")), "request.invalid_argument");
}

}  // namespace
}  // namespace liandong::cobuild_overview
