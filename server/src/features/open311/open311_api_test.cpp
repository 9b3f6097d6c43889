#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <cstdio>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::open311 {
namespace {

using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

// application/x-www-form-urlencoded, as a partner system sends it.
std::string Form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* text : {&name, &value}) {
      for (unsigned char c : *text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out += static_cast<char>(c);
        } else if (c == ' ') {
          out += '+';
        } else {
          char hex[4];
          std::snprintf(hex, sizeof hex, "%%%02X", c);
          out += hex;
        }
      }
      if (text == &name) out += '=';
    }
  }
  return out;
}

const HttpClient::Headers kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

// GeoReport's error list: the code of its one error.
std::int64_t ErrorCodeOf(const HttpResult& result) {
  const boost::json::value body = result.Json();
  const auto& errors = body.as_array();
  EXPECT_EQ(errors.size(), 1u) << result.body;
  return errors.at(0).at("code").as_int64();
}

class Open311ApiTest : public ::testing::Test {
 protected:
  // A partner of `org` issued by the city; its api_key.
  std::string Issue(const std::string& name, std::int64_t org) {
    const auto issued = city_.Post("/api/v1/open311-partners",
                                   boost::json::serialize(boost::json::object{{"name", name}, {"org_id", org}}));
    EXPECT_EQ(issued.status, 201) << issued.body;
    return std::string(issued.Json().at("api_key").as_string());
  }

  HttpResult PostLift(const std::string& key, std::int64_t territory, const std::string& format = "json",
                      bool with_trapped = true) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"api_key", key},
        {"service_code", "07.01.01"},
        {"address_id", std::to_string(territory)},
        {"address_string", "和平里小区3号楼2单元"},
        {"lat", "39.9512"},
        {"long", "116.4238"},
        {"first_name", "秀英"},
        {"last_name", "王"},
        {"phone", "13812345678"},
        {"description", "电梯停在5楼和6楼之间，里面有人 & 老人"},
        {"attribute[LIFT_NO]", "3号楼2单元"},
        {"account_id", "grid-778"},
    };
    if (with_trapped) fields.emplace_back("attribute[TRAPPED]", "2");
    return anonymous_.Post("/open311/v2/requests." + format, Form(fields), kForm);
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient hotline_ = server_.SignedIn("hotline");
  HttpClient anonymous_ = server_.Client();
  std::int64_t dongcheng_ = DemoOrgId(city_, {"东城区"});
  std::int64_t heping_li_ = DemoOrgId(city_, {"东城区", "和平街道", "和平里社区"});
  std::int64_t tuanjie_community_ = DemoOrgId(city_, {"西城区", "团结街道", "团结社区"});
};

TEST_F(Open311ApiTest, ServicesAreTheCataloguesLeavesInJsonAndXml) {
  const auto json = anonymous_.Get("/open311/v2/services.json");
  ASSERT_EQ(json.status, 200) << json.body;
  EXPECT_EQ(json.Header("Content-Type"), "application/json; charset=utf-8");
  const boost::json::value list = json.Json();
  const auto& services = list.as_array();
  EXPECT_GE(services.size(), 300u);
  bool lift = false;
  for (const auto& service : services) {
    if (service.at("service_code") != "07.01.01") continue;
    lift = true;
    EXPECT_EQ(service.at("service_name"), "电梯困人");
    EXPECT_EQ(service.at("description"), "电梯 / 电梯运行 / 电梯困人");
    EXPECT_EQ(service.at("group"), "电梯");
    EXPECT_EQ(service.at("metadata"), true);
    EXPECT_EQ(service.at("type"), "realtime");
  }
  EXPECT_TRUE(lift);

  const auto xml = anonymous_.Get("/open311/v2/services.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_EQ(xml.Header("Content-Type"), "text/xml; charset=utf-8");
  EXPECT_TRUE(xml.body.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><service_code>"))
      << xml.body.substr(0, 200);
  EXPECT_NE(xml.body.find("<service_code>07.01.01</service_code><service_name>电梯困人</service_name>"),
            std::string::npos);
}

TEST_F(Open311ApiTest, AServiceDefinitionListsItsAttributes) {
  const auto lift = anonymous_.Get("/open311/v2/services/07.01.01.json");
  ASSERT_EQ(lift.status, 200) << lift.body;
  const auto& definition = lift.Json();
  EXPECT_EQ(definition.at("service_code"), "07.01.01");
  const auto& attributes = definition.at("attributes").as_array();
  ASSERT_EQ(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].at("code"), "LIFT_NO");
  EXPECT_EQ(attributes[0].at("datatype"), "string");
  EXPECT_EQ(attributes[0].at("required"), true);
  EXPECT_EQ(attributes[1].at("code"), "TRAPPED");
  EXPECT_EQ(attributes[1].at("order"), 2);

  const auto noise = anonymous_.Get("/open311/v2/services/01.01.01.xml");
  ASSERT_EQ(noise.status, 200);
  EXPECT_NE(noise.body.find("<service_definition><service_code>01.01.01</service_code><attributes><attribute>"),
            std::string::npos)
      << noise.body;
  EXPECT_NE(noise.body.find("<values><value><key>day</key>"), std::string::npos);

  const auto missing = anonymous_.Get("/open311/v2/services/99.99.json");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCodeOf(missing), 404);
  const auto missing_xml = anonymous_.Get("/open311/v2/services/99.99.xml");
  EXPECT_EQ(missing_xml.status, 404);
  EXPECT_NE(missing_xml.body.find("<errors><error><code>404</code><description>"), std::string::npos);
}

TEST_F(Open311ApiTest, APartnerPostsARequestAndReadsItBackWithoutTheResidentsPersonalData) {
  const std::string key = Issue("东城区网格化管理平台", dongcheng_);

  const auto posted = PostLift(key, heping_li_);
  ASSERT_EQ(posted.status, 201) << posted.body;
  const boost::json::value posted_body = posted.Json();
  const auto& answer = posted_body.as_array().at(0);
  const std::string id(answer.at("service_request_id").as_string());
  const std::string token(answer.at("token").as_string());
  EXPECT_EQ(answer.at("account_id"), "grid-778");
  EXPECT_NE(std::string(answer.at("service_notice").as_string()).find("前办结"), std::string::npos);

  // As any request: routed by its leaf, on the hotline's… and the partner's timeline.
  const auto detail = hotline_.Get("/api/v1/requests/" + id);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.Json().at("channel"), "partner");
  EXPECT_EQ(detail.Json().at("resident_name"), "王**");

  const auto read = anonymous_.Get("/open311/v2/requests/" + id + ".json?api_key=" + key);
  ASSERT_EQ(read.status, 200) << read.body;
  const boost::json::value read_body = read.Json();
  const auto& request = read_body.as_array().at(0);
  EXPECT_EQ(request.at("service_request_id").as_string(), id);
  EXPECT_EQ(request.at("status"), "open");
  EXPECT_EQ(request.at("service_code"), "07.01.01");
  EXPECT_EQ(request.at("description"), "电梯停在5楼和6楼之间，里面有人 & 老人");
  EXPECT_EQ(request.at("address"), "和平里小区3号楼2单元");
  EXPECT_EQ(request.at("address_id").as_string(), std::to_string(heping_li_));
  EXPECT_FALSE(request.at("agency_responsible").as_string().empty());
  EXPECT_TRUE(request.at("requested_datetime").as_string().ends_with("+08:00"));
  EXPECT_FALSE(request.at("expected_datetime").is_null());
  EXPECT_DOUBLE_EQ(request.at("lat").as_double(), 39.9512);
  // The resident's name and phone never leave through GeoReport.
  EXPECT_EQ(read.body.find("13812345678"), std::string::npos);
  EXPECT_EQ(read.body.find("秀英"), std::string::npos);
  EXPECT_EQ(read.body.find("5678"), std::string::npos);

  const auto xml = anonymous_.Get("/open311/v2/requests/" + id + ".xml?api_key=" + key);
  ASSERT_EQ(xml.status, 200);
  EXPECT_NE(xml.body.find("<service_requests><request><service_request_id>" + id + "</service_request_id>"),
            std::string::npos)
      << xml.body;
  EXPECT_NE(xml.body.find("里面有人 &amp; 老人"), std::string::npos);

  const auto by_token = anonymous_.Get("/open311/v2/tokens/" + token + ".json?api_key=" + key);
  ASSERT_EQ(by_token.status, 200) << by_token.body;
  EXPECT_EQ(by_token.Json().as_array().at(0).at("service_request_id").as_string(), id);

  // The list: by date range, code and status.
  const auto open = anonymous_.Get("/open311/v2/requests.json?api_key=" + key + "&service_code=07.01.01&status=open");
  ASSERT_EQ(open.status, 200) << open.body;
  bool listed = false;
  const boost::json::value open_body = open.Json();
  for (const auto& item : open_body.as_array()) listed = listed || item.at("service_request_id").as_string() == id;
  EXPECT_TRUE(listed);
  const auto closed = anonymous_.Get("/open311/v2/requests.json?api_key=" + key + "&status=closed");
  ASSERT_EQ(closed.status, 200);
  const boost::json::value closed_body = closed.Json();
  for (const auto& item : closed_body.as_array()) EXPECT_EQ(item.at("status"), "closed");
  const auto old = anonymous_.Get("/open311/v2/requests.json?api_key=" + key +
                                  "&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00%2B08:00");
  ASSERT_EQ(old.status, 200) << old.body;
  EXPECT_TRUE(old.Json().as_array().empty());
}

TEST_F(Open311ApiTest, RefusalsComeInGeoReportsErrorFormatAndChangeNothing) {
  const std::string key = Issue("东城区网格化管理平台", dongcheng_);
  auto count = [&] { return anonymous_.Get("/open311/v2/requests.json?api_key=" + key).Json().as_array().size(); };
  const auto before = count();

  const auto no_key = PostLift("", heping_li_);
  EXPECT_EQ(no_key.status, 403);
  EXPECT_EQ(ErrorCodeOf(no_key), 403);
  const auto wrong_key = PostLift("not-a-key", heping_li_, "xml");
  EXPECT_EQ(wrong_key.status, 403);
  EXPECT_NE(wrong_key.body.find("<errors><error><code>403</code>"), std::string::npos) << wrong_key.body;

  const auto no_attribute = PostLift(key, heping_li_, "json", false);
  EXPECT_EQ(no_attribute.status, 400) << no_attribute.body;
  const boost::json::value refusal = no_attribute.Json();
  EXPECT_NE(std::string(refusal.as_array().at(0).at("description").as_string()).find("TRAPPED"), std::string::npos);

  // Another district's community is no address this partner may use.
  const auto elsewhere = PostLift(key, tuanjie_community_);
  EXPECT_EQ(elsewhere.status, 400) << elsewhere.body;

  const auto bad_value = anonymous_.Post("/open311/v2/requests.json",
                                         Form({{"api_key", key},
                                               {"service_code", "01.01.01"},
                                               {"address_id", std::to_string(heping_li_)},
                                               {"description", "楼下广场舞"},
                                               {"attribute[NOISE_TIME]", "afternoon"}}),
                                         kForm);
  EXPECT_EQ(bad_value.status, 400) << bad_value.body;
  const auto not_leaf = anonymous_.Post("/open311/v2/requests.json",
                                        Form({{"api_key", key},
                                              {"service_code", "07.01"},
                                              {"address_id", std::to_string(heping_li_)},
                                              {"description", "电梯"}}),
                                        kForm);
  EXPECT_EQ(not_leaf.status, 400) << not_leaf.body;
  EXPECT_EQ(count(), before);

  const auto too_long = anonymous_.Get("/open311/v2/requests.json?api_key=" + key +
                                       "&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
  EXPECT_EQ(too_long.status, 400);
  const auto bad_date = anonymous_.Get("/open311/v2/requests.json?api_key=" + key + "&start_date=2026-01-01");
  EXPECT_EQ(bad_date.status, 400);
  const auto bad_status = anonymous_.Get("/open311/v2/requests.json?api_key=" + key + "&status=pending");
  EXPECT_EQ(bad_status.status, 400);
  EXPECT_EQ(anonymous_.Get("/open311/v2/requests.json").status, 403);
}

TEST_F(Open311ApiTest, APartnerSeesItsOwnAreaOnlyAndARevokedKeyStopsWorking) {
  const std::string key = Issue("东城区网格化管理平台", dongcheng_);
  // A request of another district, taken by the hotline.
  const auto categories = hotline_.Get("/api/v1/request-categories").Json().at("items").as_array();
  std::int64_t category = 0;
  for (const auto& item : categories) {
    if (item.at("code") == "03.01.01") category = item.at("id").as_int64();
  }
  ASSERT_GT(category, 0);
  const auto taken = hotline_.Post(
      "/api/v1/requests", boost::json::serialize(boost::json::object{{"channel", "hotline"},
                                                                     {"category_id", category},
                                                                     {"title", "小区门禁坏了"},
                                                                     {"description", "门禁坏了一周"},
                                                                     {"resident_name", "李四"},
                                                                     {"resident_phone", "13900001111"},
                                                                     {"territory_org_id", tuanjie_community_}}));
  ASSERT_EQ(taken.status, 201) << taken.body;
  const std::string elsewhere = std::to_string(taken.Json().at("id").as_int64());
  EXPECT_EQ(anonymous_.Get("/open311/v2/requests/" + elsewhere + ".json?api_key=" + key).status, 404);
  const boost::json::value visible = anonymous_.Get("/open311/v2/requests.json?api_key=" + key).Json();
  for (const auto& item : visible.as_array()) {
    EXPECT_NE(item.at("service_request_id").as_string(), elsewhere);
  }
  // A partner of the whole city reads every district's requests, by id and in the list.
  const std::string city_key = Issue("市城市运行管理平台", DemoOrgId(city_, {}));
  EXPECT_EQ(anonymous_.Get("/open311/v2/requests/" + elsewhere + ".json?api_key=" + city_key).status, 200);
  const boost::json::value everywhere = anonymous_.Get("/open311/v2/requests.json?api_key=" + city_key).Json();
  bool listed = false;
  for (const auto& item : everywhere.as_array())
    listed = listed || item.at("service_request_id").as_string() == elsewhere;
  EXPECT_TRUE(listed) << everywhere;

  // Only the city's administrators manage partners.
  EXPECT_EQ(street_.Get("/api/v1/open311-partners").status, 403);
  const auto partners = city_.Get("/api/v1/open311-partners").Json().at("items").as_array();
  ASSERT_EQ(partners.size(), 2u) << "the district's and the city's";
  std::int64_t partner = 0;
  for (const auto& each : partners) {
    if (each.at("key_hint").as_string() == key.substr(0, 6)) partner = each.at("id").as_int64();
  }
  ASSERT_NE(partner, 0) << "the district's partner shows the start of its key";
  EXPECT_EQ(city_.Post("/api/v1/open311-partners/" + std::to_string(partner) + "/revoke", "{}").status, 400);
  const auto revoked = city_.Post("/api/v1/open311-partners/" + std::to_string(partner) + "/revoke",
                                  R"({"reason":"平台升级，更换密钥"})");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_FALSE(revoked.Json().at("revoked_at").is_null());
  EXPECT_EQ(anonymous_.Get("/open311/v2/requests.json?api_key=" + key).status, 403);
  EXPECT_EQ(PostLift(key, heping_li_).status, 403);
  EXPECT_EQ(
      city_.Post("/api/v1/open311-partners/" + std::to_string(partner) + "/revoke", R"({"reason":"再次吊销"})").status,
      409);
  // A second partner of the same name is refused; the key of a new one works.
  EXPECT_EQ(city_
                .Post("/api/v1/open311-partners", boost::json::serialize(boost::json::object{
                                                      {"name", "东城区网格化管理平台"}, {"org_id", dongcheng_}}))
                .status,
            409);
}

}  // namespace
}  // namespace liandong::open311
