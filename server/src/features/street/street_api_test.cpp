#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::street {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string ProfilePath(std::int64_t org_id) { return "/api/v1/orgs/" + std::to_string(org_id) + "/street-profile"; }

std::string ProgressPath(std::int64_t org_id) { return "/api/v1/orgs/" + std::to_string(org_id) + "/reform-progress"; }

std::vector<std::string> Powers(const boost::json::value& profile) {
  std::vector<std::string> powers;
  for (const auto& grant : profile.at("powers").as_array()) powers.emplace_back(grant.at("power").as_string());
  return powers;
}

// name → {office_set_up, deputy_secretary_appointed, function_list_published, powers_granted}
using Stage = std::tuple<bool, bool, bool, std::int64_t>;

std::map<std::string, Stage> Stages(const boost::json::value& progress) {
  std::map<std::string, Stage> stages;
  for (const auto& row : progress.at("items").as_array()) {
    stages[std::string(row.at("name").as_string())] =
        Stage{row.at("office_set_up").as_bool(), row.at("deputy_secretary_appointed").as_bool(),
              row.at("function_list_published").as_bool(), row.at("powers_granted").as_int64()};
  }
  return stages;
}

class StreetProfileApiTest : public ::testing::Test {
 protected:
  std::int64_t AuditCount(const std::string& action, std::int64_t target_id) {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().CountFor(session.sql(), action, target_id);
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t city_id_ = DemoOrgId(city_, {});
  std::int64_t dongcheng_ = DemoOrgId(city_, {"东城区"});
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(street_, {"和平里社区"});
  std::int64_t shengli_ = DemoOrgId(city_, {"东城区", "胜利街道"});
  std::int64_t tuanjie_ = DemoOrgId(city_, {"西城区", "团结街道"});
};

TEST_F(StreetProfileApiTest, ShowsEachStreetAtItsStage) {
  const auto heping = street_.Get(ProfilePath(heping_));
  ASSERT_EQ(heping.status, 200) << heping.body;
  const auto profile = heping.Json();
  EXPECT_EQ(profile.at("org_id").as_int64(), heping_);
  EXPECT_TRUE(profile.at("office_set_up").as_bool());
  EXPECT_EQ(profile.at("office_set_up_on").as_string(), "2024-03-01");
  EXPECT_EQ(profile.at("deputy_secretary").as_string(), "王志刚");
  EXPECT_EQ(profile.at("deputy_secretary_since").as_string(), "2024-04-15");
  EXPECT_TRUE(profile.at("function_list_published").as_bool());
  EXPECT_EQ(profile.at("function_list_published_on").as_string(), "2024-06-30");
  EXPECT_EQ(Powers(profile), (std::vector<std::string>{"disposal", "recommendation", "participation", "supervision",
                                                       "personnel_recommendation"}));
  EXPECT_EQ(profile.at("powers").as_array()[0].at("granted_on").as_string(), "2024-07-01");

  const auto shengli = city_.Get(ProfilePath(shengli_)).Json();
  EXPECT_FALSE(shengli.at("function_list_published").as_bool());
  EXPECT_TRUE(shengli.at("function_list_published_on").is_null());
  EXPECT_EQ(Powers(shengli), (std::vector<std::string>{"disposal", "recommendation"}));

  const auto tuanjie = city_.Get(ProfilePath(tuanjie_));
  ASSERT_EQ(tuanjie.status, 200) << "a street without a profile has taken no step yet";
  EXPECT_EQ(tuanjie.Json(), (boost::json::value{{"org_id", tuanjie_},
                                                {"office_set_up", false},
                                                {"office_set_up_on", nullptr},
                                                {"deputy_secretary", ""},
                                                {"deputy_secretary_since", nullptr},
                                                {"function_list_published", false},
                                                {"function_list_published_on", nullptr},
                                                {"powers", boost::json::array{}}}));
}

TEST_F(StreetProfileApiTest, ReformProgressHasOneRowPerStreet) {
  const auto city = city_.Get(ProgressPath(city_id_));
  ASSERT_EQ(city.status, 200) << city.body;
  const auto progress = city.Json();
  EXPECT_EQ(progress.at("org_id").as_int64(), city_id_);
  EXPECT_EQ(Stages(progress), (std::map<std::string, Stage>{{"和平街道", {true, true, true, 5}},
                                                            {"胜利街道", {true, true, false, 2}},
                                                            {"光明街道", {true, false, false, 0}},
                                                            {"团结街道", {false, false, false, 0}}}));
  EXPECT_EQ(progress.at("totals"), (boost::json::value{{"streets", 4},
                                                       {"office_set_up", 3},
                                                       {"deputy_secretary_appointed", 2},
                                                       {"function_list_published", 1},
                                                       {"all_powers_granted", 1}}));
  for (const auto& row : progress.at("items").as_array()) {
    const bool east = row.at("name") == "和平街道" || row.at("name") == "胜利街道";
    EXPECT_EQ(row.at("district").as_string(), east ? "东城区" : "西城区") << row.at("name");
  }

  const auto district = district_.Get(ProgressPath(dongcheng_)).Json();
  EXPECT_EQ(district.at("items").as_array().size(), 2u);
  EXPECT_EQ(district.at("items").as_array()[0].at("org_id").as_int64(), heping_) << "by district, as created";
  EXPECT_EQ(district.at("totals").at("streets").as_int64(), 2);
  EXPECT_EQ(street_.Get(ProgressPath(heping_)).Json().at("items").as_array().size(), 1u) << "a street is its own row";
}

TEST_F(StreetProfileApiTest, SettingTheProfileReplacesItAndMovesTheProgress) {
  const auto put = street_.Send(verb::put, ProfilePath(heping_), R"({
    "org_id": 1,
    "office_set_up": true, "office_set_up_on": "2024-03-01",
    "deputy_secretary": "赵敏", "deputy_secretary_since": "2025-09-01",
    "function_list_published": false, "function_list_published_on": null,
    "powers": [{"power": "supervision", "granted_on": "2025-01-02"},
               {"power": "disposal", "granted_on": "2024-07-01"}]
  })");
  ASSERT_EQ(put.status, 200) << put.body;
  const auto profile = put.Json();
  EXPECT_EQ(profile.at("org_id").as_int64(), heping_) << "the path names the street, not the body";
  EXPECT_EQ(profile.at("deputy_secretary").as_string(), "赵敏");
  EXPECT_EQ(Powers(profile), (std::vector<std::string>{"disposal", "supervision"})) << "in the powers' order";
  EXPECT_EQ(street_.Get(ProfilePath(heping_)).Json(), profile);
  EXPECT_EQ(AuditCount("street.update_profile", heping_), 1);
  EXPECT_EQ(Stages(district_.Get(ProgressPath(dongcheng_)).Json()).at("和平街道"), (Stage{true, true, false, 2}));

  const auto first = city_.Send(verb::put, ProfilePath(tuanjie_), R"({"office_set_up": true})");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.Json().at("office_set_up_on").is_null()) << "a step may be taken without its date known";
  EXPECT_EQ(city_.Get(ProgressPath(city_id_)).Json().at("totals").at("office_set_up").as_int64(), 4);
}

TEST_F(StreetProfileApiTest, RejectsInvalidProfilesWithClearCodes) {
  const struct {
    std::int64_t org_id;
    std::string body;
    std::string code;
  } cases[] = {
      {heping_li_, R"({})", "street.not_a_street"},
      {heping_, R"({"office_set_up":true,"office_set_up_on":"2024-02-30"})", "street.invalid_date"},
      {heping_, R"({"office_set_up":true,"office_set_up_on":20240301})", "street.invalid_date"},
      {heping_, R"({"office_set_up":false,"office_set_up_on":"2024-03-01"})", "street.date_without_step"},
      {heping_, R"({"deputy_secretary":"","deputy_secretary_since":"2024-03-01"})", "street.date_without_step"},
      {heping_, R"({"function_list_published_on":"2024-03-01"})", "street.date_without_step"},
      {heping_, R"({"deputy_secretary":42})", "street.invalid_deputy_secretary"},
      {heping_, R"({"office_set_up":"yes"})", "request.invalid_argument"},
      {heping_, R"({"powers":{"disposal":"2024-07-01"}})", "street.invalid_power"},
      {heping_, R"({"powers":[{"power":"taxation","granted_on":"2024-07-01"}]})", "street.invalid_power"},
      {heping_, R"({"powers":[{"power":"disposal"}]})", "street.invalid_date"},
      {heping_, R"({"powers":[{"power":"disposal","granted_on":"July"}]})", "street.invalid_date"},
      {heping_,
       R"({"powers":[{"power":"disposal","granted_on":"2024-07-01"},{"power":"disposal","granted_on":"2024-08-01"}]})",
       "street.duplicate_power"},
  };
  for (const auto& test : cases) {
    const auto result = street_.Send(verb::put, ProfilePath(test.org_id), test.body);
    EXPECT_EQ(result.status, 400) << test.body;
    EXPECT_EQ(ErrorCode(result), test.code) << test.body;
  }
  std::string long_name;
  for (int i = 0; i < 51; ++i) long_name += "王";
  const auto too_long = street_.Send(verb::put, ProfilePath(heping_), R"({"deputy_secretary":")" + long_name + "\"}");
  EXPECT_EQ(ErrorCode(too_long), "street.invalid_deputy_secretary");
  EXPECT_EQ(street_.Get(ProfilePath(heping_)).Json().at("deputy_secretary").as_string(), "王志刚") << "unchanged";
  EXPECT_EQ(ErrorCode(city_.Get(ProfilePath(dongcheng_))), "street.not_a_street");
  EXPECT_EQ(city_.Get(ProfilePath(987654)).status, 404);
  EXPECT_EQ(city_.Get(ProgressPath(987654)).status, 404);
}

TEST_F(StreetProfileApiTest, NobodyReachesProfilesOutsideTheirSubtree) {
  const std::string body = R"({"office_set_up":true,"office_set_up_on":"2025-01-01"})";
  const struct {
    HttpClient* client;
    verb method;
    std::string target;
  } cases[] = {
      {&street_, verb::get, ProfilePath(shengli_)},    {&street_, verb::put, ProfilePath(shengli_)},
      {&street_, verb::get, ProgressPath(dongcheng_)}, {&street_, verb::get, ProgressPath(shengli_)},
      {&community_, verb::get, ProfilePath(heping_)},  {&community_, verb::put, ProfilePath(heping_)},
      {&community_, verb::get, ProgressPath(heping_)}, {&district_, verb::get, ProfilePath(tuanjie_)},
      {&district_, verb::get, ProgressPath(city_id_)},
  };
  for (const auto& test : cases) {
    const auto result = test.client->Send(test.method, test.target, test.method == verb::put ? body : "");
    // Outside the subtree: answered as an org that does not exist.
    EXPECT_EQ(result.status, 404) << test.target << " " << result.body;
    EXPECT_EQ(ErrorCode(result), "org.not_found") << test.target;
    EXPECT_EQ(result.body.find("街道"), std::string::npos) << result.body;
    EXPECT_EQ(result.body.find("office_set_up"), std::string::npos) << result.body;
  }
  EXPECT_EQ(Stages(city_.Get(ProgressPath(city_id_)).Json()).at("胜利街道"), (Stage{true, true, false, 2}))
      << "unchanged";
}

}  // namespace
}  // namespace liandong::street
