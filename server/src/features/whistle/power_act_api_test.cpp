#include <gtest/gtest.h>

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

class PowerActApiTest : public ::testing::Test {
 protected:
  std::int64_t AgencyId(const std::string& name) {
    const boost::json::value agencies = city_.Get("/api/v1/agencies").Json();
    for (const auto& agency : agencies.at("items").as_array()) {
      if (agency.at("org").at("name").as_string() == name) return agency.at("org").at("id").as_int64();
    }
    ADD_FAILURE() << "no agency " << name;
    return 0;
  }

  std::string Date(int days) { return core::AddDays(core::ChinaDate(server_.clock().NowSeconds()), days); }

  boost::json::object NewAct(const std::string& power, std::int64_t agency) {
    return {{"street_org_id", heping_},
            {"agency_org_id", agency},
            {"power", power},
            {"subject", "和平里菜市场周边环境整治"},
            {"text", "建议派出所在早晚高峰增派警力，配合街道整治菜市场周边交通秩序。"},
            {"evidence", "居民议事会会议纪要（2026年第3次）"},
            {"response_due", Date(7)}};
  }

  HttpResult Create(const boost::json::object& body) { return street_.Post("/api/v1/power-acts", Body(body)); }

  std::int64_t CountActs() {
    db::Session session(server_.application().database());
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM power_act", soci::into(count);
    return count;
  }

  boost::json::value CountsOf(HttpClient& client, const std::string& as_of, std::int64_t agency) {
    const auto result = client.Get("/api/v1/power-act-counts?as_of=" + as_of);
    EXPECT_EQ(result.status, 200) << result.body;
    const boost::json::value body = result.Json();
    for (const auto& item : body.at("items").as_array()) {
      if (item.at("agency").at("id").as_int64() == agency) return item;
    }
    return nullptr;
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t police_ = AgencyId("和平派出所");
  std::int64_t guangming_police_ = AgencyId("光明派出所");
  HttpClient police_staff_ = server_.SignedIn("agency");
};

TEST_F(PowerActApiTest, AStreetActsTheAgencyAnswersTheOutcomeIsRecordedAndCountsReadAsOfAnyDay) {
  const auto created = Create(NewAct("recommendation", police_));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  EXPECT_EQ(created.Json().at("state"), "awaiting_answer");
  const std::string path = "/api/v1/power-acts/" + std::to_string(id);
  // The street needs the answer before the outcome.
  EXPECT_EQ(ErrorCode(street_.Post(path + "/conclusion", Body({{"outcome", "adopted"}}))), "power_act.not_answered");
  const std::string before_answer = core::FormatUtc(server_.clock().NowSeconds());

  server_.clock().Advance(10 * 60);
  const auto seen = police_staff_.Get(path);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_TRUE(seen.Json().at("can_answer").as_bool());
  EXPECT_EQ(ErrorCode(police_staff_.Post(path + "/answer", Body({{"text", ""}}))), "power_act.invalid_answer");
  const auto answered = police_staff_.Post(path + "/answer", Body({{"text", "已安排早晚高峰各增派2名警力。"}}));
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.Json().at("state"), "answered");
  EXPECT_EQ(ErrorCode(police_staff_.Post(path + "/answer", Body({{"text", "再答复"}}))), "power_act.wrong_state");
  EXPECT_EQ(ErrorCode(police_staff_.Post(path + "/conclusion", Body({{"outcome", "adopted"}}))),
            "auth.permission_denied");
  EXPECT_EQ(ErrorCode(street_.Post(path + "/conclusion", Body({{"outcome", "maybe"}}))), "power_act.invalid_outcome");
  const auto concluded = street_.Post(path + "/conclusion", Body({{"outcome", "adopted"}, {"text", "建议已落实"}}));
  ASSERT_EQ(concluded.status, 200) << concluded.body;
  EXPECT_EQ(concluded.Json().at("outcome"), "adopted");

  const auto read = street_.Get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  const auto detail = read.Json();
  std::vector<std::string> kinds;
  for (const auto& step : detail.at("steps").as_array()) kinds.emplace_back(step.at("kind").as_string());
  EXPECT_EQ(kinds, (std::vector<std::string>{"acted", "answered", "concluded"}));

  // As of the moment before the answer: one act, unanswered; as of now: answered and adopted.
  const auto then = CountsOf(district_, before_answer, police_);
  ASSERT_TRUE(then.is_object());
  EXPECT_EQ(then.at("acts").as_int64(), 1);
  EXPECT_EQ(then.at("answered").as_int64(), 0);
  EXPECT_EQ(then.at("adopted").as_int64(), 0);
  const auto now = CountsOf(district_, core::FormatUtc(server_.clock().NowSeconds()), police_);
  EXPECT_EQ(now.at("answered").as_int64(), 1);
  EXPECT_EQ(now.at("answered_late").as_int64(), 0);
  EXPECT_EQ(now.at("adopted").as_int64(), 1);
  // The agency lists the acts aimed at it.
  EXPECT_EQ(police_staff_.Get("/api/v1/power-acts").Json().at("total").as_int64(), 1);
}

TEST_F(PowerActApiTest, PersonnelRecommendationsAreReadOnlyWithTheirOwnPermission) {
  const auto created = Create(NewAct("personnel_recommendation", police_));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/power-acts/" + std::to_string(created.Json().at("id").as_int64());
  // The district and the agency (no power:personnel) neither read nor list it.
  EXPECT_EQ(ErrorCode(district_.Get(path)), "power_act.not_found");
  EXPECT_EQ(ErrorCode(police_staff_.Get(path)), "power_act.not_found");
  EXPECT_EQ(district_.Get("/api/v1/power-acts").Json().at("total").as_int64(), 0);
  EXPECT_TRUE(CountsOf(district_, core::FormatUtc(server_.clock().NowSeconds()), police_).is_null());
  // The street and the city do; the street records the department's decision without an answer.
  EXPECT_EQ(street_.Get(path).status, 200);
  EXPECT_EQ(city_.Get("/api/v1/power-acts?power=personnel_recommendation").Json().at("total").as_int64(), 1);
  EXPECT_EQ(street_.Post(path + "/conclusion", Body({{"outcome", "partly_adopted"}})).status, 200);
}

TEST_F(PowerActApiTest, EveryBadActIsRefusedWithItsOwnCodeAndNothingIsWritten) {
  const std::int64_t before = CountActs();
  struct Case {
    std::string field;
    boost::json::value value;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"power", boost::json::value("veto"), "power_act.invalid_power"},
      {"subject", boost::json::value(""), "power_act.invalid_subject"},
      {"subject", boost::json::value(std::string(101, 'a')), "power_act.invalid_subject"},
      {"text", boost::json::value(""), "power_act.invalid_text"},
      {"evidence", boost::json::value(std::string(2001, 'a')), "power_act.invalid_evidence"},
      {"response_due", boost::json::value(Date(-1)), "power_act.invalid_response_due"},
      {"response_due", boost::json::value("2026-02-30"), "power_act.invalid_response_due"},
      {"agency_org_id", boost::json::value(guangming_police_), "power_act.agency_not_serving"},
      {"street_org_id", boost::json::value(DemoOrgId(street_, {"和平里社区"})), "power_act.invalid_street"},
      {"street_org_id", boost::json::value(DemoOrgId(district_, {"胜利街道"})), "org.not_found"},
  };
  for (const Case& c : cases) {
    boost::json::object body = NewAct("supervision", police_);
    body[c.field] = c.value;
    const auto result = Create(body);
    EXPECT_EQ(ErrorCode(result), c.code) << c.field << ": " << result.body;
    EXPECT_LT(result.status, 500);
  }
  EXPECT_EQ(CountActs(), before);
  // Answering is the targeted agency's only.
  const auto created = Create(NewAct("supervision", police_));
  ASSERT_EQ(created.status, 201);
  const std::string path = "/api/v1/power-acts/" + std::to_string(created.Json().at("id").as_int64());
  EXPECT_EQ(street_.Post(path + "/answer", Body({{"text", "街道自己答复"}})).status, 403);
}

}  // namespace
}  // namespace liandong::whistle
