#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "core/china_date.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::whistle {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  if (!result.Json().is_object() || !result.Json().as_object().contains("error")) return "(no error) " + result.body;
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Body(const boost::json::object& object) { return boost::json::serialize(object); }

std::string Path(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/whistles/" + std::to_string(id) + std::string(suffix);
}

class WhistleApiTest : public ::testing::Test {
 protected:
  std::int64_t AgencyId(const std::string& name) {
    const boost::json::value agencies = city_.Get("/api/v1/agencies").Json();
    for (const auto& agency : agencies.at("items").as_array()) {
      if (agency.at("org").at("name").as_string() == name) return agency.at("org").at("id").as_int64();
    }
    ADD_FAILURE() << "no agency " << name;
    return 0;
  }

  HttpClient SignedInAs(std::int64_t org_id, const std::string& username, const std::string& role) {
    {
      db::Session session(server_.application().database());
      server_.application().auth_service().CreateUser(
          session.sql(), auth::NewUser{org_id, username, username, role, "Whistle-Test-Password-2026"});
    }
    HttpClient client = server_.Client();
    const auto result = client.SignIn(username, "Whistle-Test-Password-2026");
    EXPECT_EQ(result.status, 200) << result.body;
    return client;
  }

  boost::json::object NewWhistle(const std::string& type, const std::vector<std::int64_t>& agencies) {
    boost::json::array ids;
    for (const std::int64_t id : agencies) ids.push_back(id);
    return {{"street_org_id", heping_},
            {"type", type},
            {"source", "grid_patrol"},
            {"title", "和平里菜市场周边占道经营、油烟扰民"},
            {"description", "网格员巡查发现菜市场周边长期占道经营，餐饮油烟直排，街道多次劝导无效。"},
            {"address", "和平里菜市场"},
            {"agency_ids", std::move(ids)}};
  }

  std::int64_t Blow(const std::string& type, const std::vector<std::int64_t>& agencies) {
    const auto blown = street_.Post("/api/v1/whistles", Body(NewWhistle(type, agencies)));
    EXPECT_EQ(blown.status, 201) << blown.body;
    return blown.Json().at("id").as_int64();
  }

  boost::json::value Detail(HttpClient& client, std::int64_t id) {
    const auto result = client.Get(Path(id));
    EXPECT_EQ(result.status, 200) << result.body;
    return result.Json();
  }

  // The part of `agency` in a whistle's JSON.
  static boost::json::value PartOf(const boost::json::value& whistle, std::int64_t agency) {
    for (const auto& part : whistle.at("responses").as_array()) {
      if (part.at("agency").at("id").as_int64() == agency) return part;
    }
    ADD_FAILURE() << "no part of " << agency;
    return nullptr;
  }

  HttpResult Act(HttpClient& client, std::int64_t id, std::string_view action, const boost::json::object& body = {}) {
    return client.Post(Path(id, "/" + std::string(action)), Body(body));
  }

  // Moves the clock on `minutes`, ten at a time, every client using its session meanwhile (an idle
  // session ends after 15 minutes).
  void Pass(int minutes) {
    for (int done = 0; done < minutes; done += 10) {
      server_.clock().Advance(std::min(10, minutes - done) * 60);
      for (HttpClient* client :
           {&city_, &district_, &street_, &police_staff_, &urban_staff_, &market_staff_, &guangming_staff_}) {
        client->Get("/api/v1/me");
      }
    }
  }

  std::int64_t CountWhistles() {
    db::Session session(server_.application().database());
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM whistle", soci::into(count);
    return count;
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(street_, {"和平里社区"});
  std::int64_t shengli_ = DemoOrgId(district_, {"胜利街道"});
  std::int64_t police_ = AgencyId("和平派出所");
  std::int64_t urban_ = AgencyId("东城区城管执法队");
  std::int64_t market_ = AgencyId("东城区市场监管所");
  std::int64_t guangming_police_ = AgencyId("光明派出所");
  HttpClient police_staff_ = server_.SignedIn("agency");
  HttpClient urban_staff_ = SignedInAs(urban_, "urban.whistle", "agency_staff");
  HttpClient market_staff_ = SignedInAs(market_, "market.whistle", "agency_staff");
  HttpClient guangming_staff_ = SignedInAs(guangming_police_, "guangming.whistle", "agency_staff");
};

TEST_F(WhistleApiTest, AWhistleIsSignedOffDispatchedReportedClosedOnlyWhenEveryPartIsCompleteAndRated) {
  const std::int64_t id = Blow("enforcement", {police_, urban_});
  auto whistle = Detail(street_, id);
  EXPECT_EQ(whistle.at("state"), "awaiting_sign_off");
  EXPECT_TRUE(whistle.at("can_sign_off").as_bool());
  EXPECT_TRUE(PartOf(whistle, police_).at("arrival_due").is_null());
  // The agencies see it, but nothing is due before the principal leader signs it off.
  EXPECT_EQ(ErrorCode(Act(police_staff_, id, "arrival")), "whistle.wrong_state");

  const auto signed_off = Act(street_, id, "sign-off", {{"text", "同意吹哨，请各部门30分钟内到场"}});
  ASSERT_EQ(signed_off.status, 200) << signed_off.body;
  EXPECT_EQ(signed_off.Json().at("state"), "dispatched");
  EXPECT_FALSE(signed_off.Json().at("signed_after_dispatch").as_bool());
  EXPECT_EQ(PartOf(signed_off.Json(), police_).at("minutes_left").as_int64(), 30);
  // Each summoned agency is told in its inbox.
  const auto inbox = urban_staff_.Get("/api/v1/notifications").Json();
  bool told = false;
  for (const auto& item : inbox.at("items").as_array()) told = told || item.at("kind") == "whistle";
  EXPECT_TRUE(told) << inbox;
  EXPECT_EQ(ErrorCode(Act(street_, id, "sign-off")), "whistle.already_signed_off");

  // 和平派出所 arrives in 10 minutes; the squad in 40, ten minutes late.
  Pass(10);
  const auto police_arrived = Act(police_staff_, id, "arrival", {{"text", "民警2名到场"}});
  ASSERT_EQ(police_arrived.status, 200) << police_arrived.body;
  EXPECT_FALSE(PartOf(police_arrived.Json(), police_).at("late").as_bool());
  EXPECT_EQ(ErrorCode(Act(police_staff_, id, "arrival")), "whistle.already_arrived");
  Pass(30);
  EXPECT_TRUE(PartOf(Detail(street_, id), urban_).at("late").as_bool());  // late before it arrives
  EXPECT_EQ(ErrorCode(Act(urban_staff_, id, "handling", {{"text", "先处置"}})), "whistle.not_arrived");
  const auto urban_arrived = Act(urban_staff_, id, "arrival");
  ASSERT_EQ(urban_arrived.status, 200) << urban_arrived.body;
  const auto urban_part = PartOf(urban_arrived.Json(), urban_);
  EXPECT_TRUE(urban_part.at("late").as_bool());
  EXPECT_EQ(urban_part.at("minutes_late").as_int64(), 10);

  // 事不完、人不撤: no closing while a part is open, and nothing changes.
  EXPECT_EQ(ErrorCode(Act(street_, id, "close")), "whistle.parts_open");
  ASSERT_EQ(Act(police_staff_, id, "completion", {{"text", "已劝离占道摊贩12户"}}).status, 200);
  EXPECT_EQ(ErrorCode(Act(police_staff_, id, "completion", {{"text", "再次完成"}})), "whistle.already_completed");
  EXPECT_EQ(ErrorCode(Act(street_, id, "close")), "whistle.parts_open");
  EXPECT_EQ(Detail(street_, id).at("state"), "dispatched");
  EXPECT_EQ(ErrorCode(Act(street_, id, "ratings", {{"agency_org_id", police_}, {"score", 5}})), "whistle.not_closed");
  ASSERT_EQ(Act(urban_staff_, id, "handling", {{"text", "对3家餐饮店油烟直排立案调查"}}).status, 201);
  ASSERT_EQ(Act(urban_staff_, id, "completion", {{"text", "责令3家餐饮店安装油烟净化设备"}}).status, 200);
  EXPECT_TRUE(Detail(street_, id).at("can_close").as_bool());
  const auto closed = Act(street_, id, "close", {{"text", "联合执法完成，菜市场周边秩序恢复"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json().at("state"), "closed");

  // 评哨: a 1–5 score for each agency, once.
  for (const std::int64_t score : {0, 6, -1}) {
    EXPECT_EQ(ErrorCode(Act(street_, id, "ratings", {{"agency_org_id", police_}, {"score", score}})),
              "whistle.invalid_score");
  }
  EXPECT_EQ(ErrorCode(Act(street_, id, "ratings", {{"agency_org_id", market_}, {"score", 4}})), "whistle.not_summoned");
  EXPECT_EQ(Act(street_, id, "ratings", {{"agency_org_id", police_}, {"score", 5}, {"comment", "响应迅速"}}).status,
            201);
  EXPECT_EQ(ErrorCode(Act(street_, id, "ratings", {{"agency_org_id", police_}, {"score", 4}})),
            "whistle.already_rated");
  EXPECT_EQ(Act(street_, id, "ratings", {{"agency_org_id", urban_}, {"score", 3}, {"comment", "到场迟到"}}).status,
            201);
  EXPECT_FALSE(Detail(street_, id).at("can_rate").as_bool());

  // The agency sees its rating, and the history holds every step with its date.
  const auto seen = Detail(urban_staff_, id);
  EXPECT_EQ(PartOf(seen, urban_).at("score").as_int64(), 3);
  EXPECT_EQ(PartOf(seen, urban_).at("rating_comment"), "到场迟到");
  std::vector<std::string> kinds;
  for (const auto& step : seen.at("steps").as_array()) kinds.emplace_back(step.at("kind").as_string());
  EXPECT_EQ(kinds, (std::vector<std::string>{"blown", "signed_off", "dispatched", "dispatched", "arrived", "arrived",
                                             "completed", "handled", "completed", "closed", "rated", "rated"}));
  // The agency's board lists it among its whistles.
  const auto board = urban_staff_.Get("/api/v1/whistles?state=closed").Json();
  EXPECT_EQ(board.at("total").as_int64(), 1) << board;
}

TEST_F(WhistleApiTest, AnEmergencyIsDispatchedFirstAndSignedAfterwards) {
  const auto blown = street_.Post("/api/v1/whistles", Body(NewWhistle("emergency", {police_})));
  ASSERT_EQ(blown.status, 201) << blown.body;
  const std::int64_t id = blown.Json().at("id").as_int64();
  EXPECT_EQ(blown.Json().at("state"), "dispatched");
  EXPECT_TRUE(blown.Json().at("signed_off_at").is_null());
  ASSERT_EQ(Act(police_staff_, id, "arrival").status, 200);
  ASSERT_EQ(Act(police_staff_, id, "completion", {{"text", "险情排除"}}).status, 200);
  EXPECT_EQ(ErrorCode(Act(street_, id, "close")), "whistle.not_signed_off");
  const auto signed_off = Act(street_, id, "sign-off", {{"text", "同意"}});
  ASSERT_EQ(signed_off.status, 200) << signed_off.body;
  EXPECT_TRUE(signed_off.Json().at("signed_after_dispatch").as_bool());
  EXPECT_EQ(Act(street_, id, "close").status, 200);
}

TEST_F(WhistleApiTest, OnlyASummonedAgencyReportsAndOnlyTheStreetActsForTheStreet) {
  const std::int64_t id = Blow("beyond_means", {police_});
  ASSERT_EQ(Act(street_, id, "sign-off").status, 200);
  // 东城区市场监管所 serves 和平街道 but was not summoned: refused, nothing recorded.
  const auto refused = Act(market_staff_, id, "arrival");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(ErrorCode(refused), "whistle.not_summoned");
  EXPECT_TRUE(PartOf(Detail(street_, id), police_).at("arrived_at").is_null());
  // An agency not summoned by a whistle does not see it at all.
  EXPECT_EQ(ErrorCode(guangming_staff_.Get(Path(id))), "whistle.not_found");
  // Its district reads it; the district does not close it.
  EXPECT_EQ(district_.Get(Path(id)).status, 200);
  EXPECT_EQ(district_.Post(Path(id, "/close"), "{}").status, 403);
}

// The board of each viewer holds exactly the whistles of its subtree's streets and those that
// summoned one of its agencies, counted as one query over both would count them.
TEST_F(WhistleApiTest, EachBoardListsTheWhistlesOfItsStreetsAndItsSummonedAgenciesByStateAndAgency) {
  const std::int64_t waiting = Blow("enforcement", {police_, urban_});
  Pass(10);
  const std::int64_t emergency = Blow("emergency", {market_});
  const auto board = [](HttpClient& client, const std::string& query) {
    const auto result = client.Get("/api/v1/whistles?page_size=100" + query);
    EXPECT_EQ(result.status, 200) << result.body;
    const boost::json::value json = result.Json();
    std::vector<std::int64_t> ids;
    for (const auto& item : json.at("items").as_array()) ids.push_back(item.at("id").as_int64());
    EXPECT_EQ(json.at("total").as_int64(), static_cast<std::int64_t>(ids.size())) << result.body;
    return ids;
  };
  const auto expected = [&](std::int64_t org_id, const std::string& state_condition) {
    db::Session session(server_.application().database());
    std::string path;
    session.sql() << "SELECT path FROM org WHERE id = :id", soci::use(org_id, "id"), soci::into(path);
    const std::string end = path.substr(0, path.size() - 1) + "0";
    std::vector<std::int64_t> ids;
    soci::rowset<long long> rows =
        (session.sql().prepare << "SELECT w.id FROM whistle w JOIN org s ON s.id = w.street_org_id "
                                  "WHERE ((s.path >= :a AND s.path < :b) OR EXISTS (SELECT 1 FROM "
                                  "whistle_response r JOIN org o ON o.id = r.agency_org_id WHERE "
                                  "r.whistle_id = w.id AND o.path >= :c AND o.path < :d))" +
                                      state_condition + " ORDER BY w.blown_at DESC, w.id DESC",
         soci::use(path, "a"), soci::use(end, "b"), soci::use(path, "c"), soci::use(end, "d"));
    for (const long long id : rows) ids.push_back(id);
    return ids;
  };
  const auto has = [](const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };

  const auto open = board(street_, "&state=open");
  EXPECT_EQ(open, expected(heping_, " AND w.state <> 'closed'"));
  ASSERT_GE(open.size(), 2U);
  EXPECT_EQ(open[0], emergency);  // the newest first
  EXPECT_EQ(open[1], waiting);
  const auto awaiting = board(street_, "&state=awaiting_sign_off");
  EXPECT_TRUE(has(awaiting, waiting));
  EXPECT_FALSE(has(awaiting, emergency));
  const auto dispatched = board(street_, "&state=dispatched");
  EXPECT_TRUE(has(dispatched, emergency));
  EXPECT_FALSE(has(dispatched, waiting));
  EXPECT_FALSE(has(board(street_, "&state=closed"), waiting));
  const auto summoning_market = board(street_, "&agency=" + std::to_string(market_));
  EXPECT_TRUE(has(summoning_market, emergency));
  EXPECT_FALSE(has(summoning_market, waiting));

  // Each agency sees the whistles that summoned it, and no other.
  EXPECT_EQ(board(market_staff_, ""), expected(market_, ""));
  EXPECT_TRUE(has(board(market_staff_, ""), emergency));
  EXPECT_FALSE(has(board(market_staff_, ""), waiting));
  EXPECT_TRUE(has(board(urban_staff_, "&state=open"), waiting));
  EXPECT_FALSE(has(board(guangming_staff_, ""), waiting));
  EXPECT_FALSE(has(board(guangming_staff_, ""), emergency));
  EXPECT_EQ(board(guangming_staff_, ""), expected(guangming_police_, ""));
  // The district and the whole city hold both, as the one query over both counts them.
  const std::int64_t district = DemoOrgId(district_, {});
  EXPECT_EQ(board(district_, ""), expected(district, ""));
  EXPECT_TRUE(has(board(district_, "&state=open"), waiting));
  const std::int64_t city = DemoOrgId(city_, {});
  EXPECT_EQ(board(city_, "&state=open"), expected(city, " AND w.state <> 'closed'"));
  EXPECT_TRUE(has(board(city_, "&state=dispatched"), emergency));
  EXPECT_EQ(ErrorCode(street_.Get("/api/v1/whistles?state=gone")), "request.invalid_argument");
}

TEST_F(WhistleApiTest, EveryBadWhistleIsRefusedWithItsOwnCodeAndNothingIsWritten) {
  const std::int64_t before = CountWhistles();
  struct Case {
    std::string field;
    boost::json::value value;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"type", boost::json::value("festival"), "whistle.invalid_type"},
      {"source", boost::json::value("newspaper"), "whistle.invalid_source"},
      {"title", boost::json::value(""), "whistle.invalid_title"},
      {"description", boost::json::value(""), "whistle.invalid_description"},
      {"address", boost::json::value(std::string(201 * 3, 'a')), "whistle.invalid_address"},
      {"agency_ids", boost::json::value(boost::json::array{}), "whistle.no_agencies"},
      {"agency_ids", boost::json::value(boost::json::array{police_, police_}), "whistle.duplicate_agency"},
      {"agency_ids", boost::json::value(boost::json::array{police_, guangming_police_}), "whistle.agency_not_serving"},
      {"street_org_id", boost::json::value(heping_li_), "whistle.invalid_street"},
      {"street_org_id", boost::json::value(shengli_), "org.not_found"},
  };
  for (const Case& c : cases) {
    boost::json::object body = NewWhistle("enforcement", {police_});
    body[c.field] = c.value;
    const auto result = street_.Post("/api/v1/whistles", Body(body));
    EXPECT_EQ(ErrorCode(result), c.code) << c.field << ": " << result.body;
    EXPECT_LT(result.status, 500);
  }
  EXPECT_EQ(CountWhistles(), before);
  // Blowing is the street's: a district may read but not blow.
  EXPECT_EQ(district_.Post("/api/v1/whistles", Body(NewWhistle("enforcement", {police_}))).status, 403);
}

TEST_F(WhistleApiTest, ArrivalTimesAndTheRateBandAreSettingsOfTheCity) {
  auto settings = city_.Get("/api/v1/whistle-settings").Json();
  EXPECT_EQ(settings.at("types").as_array().size(), 3u);
  const auto changed =
      city_.Send(boost::beast::http::verb::put, "/api/v1/whistle-settings",
                 Body({{"types", boost::json::array{{{"code", "enforcement"}, {"arrival_minutes", 45}}}},
                       {"band", {{"low_per_10k", 0.5}, {"high_per_10k", 3}}}}));
  ASSERT_EQ(changed.status, 200) << changed.body;
  const std::int64_t id = Blow("enforcement", {police_});
  const auto signed_off = Act(street_, id, "sign-off");
  EXPECT_EQ(PartOf(signed_off.Json(), police_).at("minutes_left").as_int64(), 45);
  const auto put = [&](const boost::json::object& body) {
    return city_.Send(boost::beast::http::verb::put, "/api/v1/whistle-settings", Body(body));
  };
  EXPECT_EQ(ErrorCode(put({{"types", boost::json::array{{{"code", "enforcement"}, {"arrival_minutes", 0}}}},
                           {"band", {{"low_per_10k", 0.5}, {"high_per_10k", 3}}}})),
            "whistle.invalid_arrival_minutes");
  EXPECT_EQ(ErrorCode(put({{"types", boost::json::array{{{"code", "parade"}, {"arrival_minutes", 20}}}},
                           {"band", {{"low_per_10k", 0.5}, {"high_per_10k", 3}}}})),
            "whistle.invalid_type");
  EXPECT_EQ(ErrorCode(put({{"band", {{"low_per_10k", 3}, {"high_per_10k", 1}}}})), "whistle.invalid_band");
  EXPECT_EQ(street_
                .Send(boost::beast::http::verb::put, "/api/v1/whistle-settings",
                      Body({{"band", {{"low_per_10k", 0.1}, {"high_per_10k", 1}}}}))
                .status,
            403);
  EXPECT_EQ(city_.Get("/api/v1/whistle-settings").Json().at("band").at("low_per_10k").as_double(), 0.5);
}

TEST_F(WhistleApiTest, AStreetsWhistleRateIsPerTenThousandResidentsAndMonthInItsBand) {
  const std::string today = core::ChinaDate(server_.clock().NowSeconds());
  const auto residents = [&](std::int64_t org, const boost::json::object& body) {
    return district_.Send(boost::beast::http::verb::put, "/api/v1/orgs/" + std::to_string(org) + "/residents",
                          Body(body));
  };
  ASSERT_EQ(residents(heping_, {{"residents", 20000}, {"counted_on", today}}).status, 200);
  EXPECT_EQ(ErrorCode(residents(heping_, {{"residents", 0}, {"counted_on", today}})), "whistle.invalid_residents");
  EXPECT_EQ(ErrorCode(residents(heping_, {{"residents", 100}, {"counted_on", "2026-13-01"}})),
            "whistle.invalid_counted_on");
  EXPECT_EQ(ErrorCode(residents(heping_li_, {{"residents", 100}, {"counted_on", today}})), "whistle.invalid_street");
  for (int i = 0; i < 5; ++i) Blow("beyond_means", {police_});
  const auto rates = district_.Get("/api/v1/whistle-rates?org=" + std::to_string(heping_)).Json();
  ASSERT_EQ(rates.at("streets").as_array().size(), 1u);
  const auto& heping = rates.at("streets").as_array()[0];
  EXPECT_EQ(heping.at("whistles").as_int64(), 5);
  EXPECT_DOUBLE_EQ(heping.at("per_10k").as_double(), 2.5);
  EXPECT_EQ(heping.at("band"), "too_high");  // above the shipped 2.0
  // The district page lists its streets: 胜利街道 (61,000 residents in the demo city) blew none.
  const auto district = district_.Get("/api/v1/whistle-rates").Json();
  EXPECT_GE(district.at("streets").as_array().size(), 2u);
  bool shengli_seen = false;
  for (const auto& street : district.at("streets").as_array()) {
    if (street.at("street").at("id").as_int64() != shengli_) continue;
    shengli_seen = true;
    EXPECT_EQ(street.at("residents").as_int64(), 61000);
    EXPECT_EQ(street.at("whistles").as_int64(), 0);
    EXPECT_EQ(street.at("band"), "too_low");
  }
  EXPECT_TRUE(shengli_seen);
  EXPECT_EQ(ErrorCode(district_.Get("/api/v1/whistle-rates?month=2026-13")), "request.invalid_argument");
}

}  // namespace
}  // namespace liandong::whistle
