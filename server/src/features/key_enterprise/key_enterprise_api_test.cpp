#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "core/china_date.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::key_enterprise {
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

class KeyEnterpriseApiTest : public ::testing::Test {
 protected:
  std::int64_t AgencyId(const std::string& name) {
    const boost::json::value agencies = city_.Get("/api/v1/agencies").Json();
    for (const auto& agency : agencies.at("items").as_array()) {
      if (agency.at("org").at("name").as_string() == name) return agency.at("org").at("id").as_int64();
    }
    ADD_FAILURE() << "no agency " << name;
    return 0;
  }

  std::int64_t UnitId(const std::string& name) {
    db::Session session(server_.application().database());
    long long id = 0;
    session.sql() << "SELECT MIN(id) FROM unit WHERE name = :name", soci::use(name, "name"), soci::into(id);
    return id;
  }

  std::string Date(int days) { return core::AddDays(core::ChinaDate(server_.clock().NowSeconds()), days); }

  boost::json::object NewEnterprise() {
    return {{"unit_id", heping_tech_},
            {"street_org_id", heping_},
            {"agency_org_id", police_},
            {"reason", "规模以上软件企业，治安保卫重点单位"}};
  }

  std::int64_t Count(const std::string& table) {
    db::Session session(server_.application().database());
    long long count = 0;
    session.sql() << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return count;
  }

  std::int64_t Unread(HttpClient& client) {
    return client.Get("/api/v1/notifications/unread-count").Json().at("unread").as_int64();
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  HttpClient police_staff_ = server_.SignedIn("agency");
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t police_ = AgencyId("和平派出所");
  std::int64_t guangming_police_ = AgencyId("光明派出所");
  std::int64_t heping_tech_ = UnitId("和平科技有限公司");       // a key enterprise of 和平里社区
  std::int64_t supermarket_ = UnitId("和平里便民超市");         // not a key enterprise
  std::int64_t shengli_tech_ = UnitId("胜利科技发展有限公司");  // a key enterprise of 胜利街道
};

TEST_F(KeyEnterpriseApiTest, TheStreetListsAnEnterpriseBothSidesWriteTheLogAndEitherResolvesAnIssue) {
  const std::int64_t police_unread = Unread(police_staff_);
  const auto created = street_.Post("/api/v1/key-enterprises", Body(NewEnterprise()));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  EXPECT_EQ(created.Json().at("unit").at("name"), "和平科技有限公司");
  EXPECT_EQ(created.Json().at("agency").at("name"), "和平派出所");
  EXPECT_EQ(created.Json().at("department"), "公安分局");
  EXPECT_EQ(created.Json().at("listed_on").as_string(), Date(0));
  EXPECT_EQ(Unread(police_staff_), police_unread + 1) << "the agency hears it is the 条 owner";
  const std::string path = "/api/v1/key-enterprises/" + std::to_string(id);

  // The street visits; the agency raises an issue; the street sees both, newest first.
  const auto visit = street_.Post(
      path + "/entries", Body({{"kind", "visit"}, {"happened_on", Date(-2)}, {"text", "走访企业，了解用工需求"}}));
  ASSERT_EQ(visit.status, 201) << visit.body;
  EXPECT_EQ(visit.Json().at("side"), "street");
  EXPECT_TRUE(visit.Json().at("status").is_null());
  const std::int64_t street_unread = Unread(street_);
  const auto issue = police_staff_.Post(
      path + "/entries", Body({{"kind", "issue"}, {"happened_on", Date(0)}, {"text", "园区夜间照明不足"}}));
  ASSERT_EQ(issue.status, 201) << issue.body;
  EXPECT_EQ(issue.Json().at("side"), "agency");
  EXPECT_EQ(issue.Json().at("status"), "open");
  EXPECT_EQ(Unread(street_), street_unread + 1) << "the street hears of the agency's issue";

  const auto listed = district_.Get("/api/v1/key-enterprises?open_issues=true");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json().at("total").as_int64(), 1);
  const auto row = listed.Json().at("items").at(0);
  EXPECT_EQ(row.at("visits").as_int64(), 1);
  EXPECT_EQ(row.at("open_issues").as_int64(), 1);
  EXPECT_EQ(row.at("last_visit_on").as_string(), Date(-2));

  const auto detail = street_.Get(path);
  ASSERT_EQ(detail.status, 200) << detail.body;
  ASSERT_EQ(detail.Json().at("entries").as_array().size(), 2u);
  EXPECT_EQ(detail.Json().at("entries").at(0).at("text"), "园区夜间照明不足");
  EXPECT_TRUE(detail.Json().at("can_write").as_bool());
  EXPECT_FALSE(district_.Get(path).Json().at("can_write").as_bool()) << "the district reads only";

  // The street resolves the agency's issue; it cannot be resolved twice, and a visit never.
  const std::string resolve = "/api/v1/key-enterprise-entries/" + std::to_string(issue.Json().at("id").as_int64());
  EXPECT_EQ(ErrorCode(street_.Post(resolve + "/resolve", Body({{"resolution", ""}}))),
            "key_enterprise.invalid_resolution");
  const auto resolved = street_.Post(resolve + "/resolve", Body({{"resolution", "已协调加装路灯12盏"}}));
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.Json().at("status"), "resolved");
  EXPECT_EQ(resolved.Json().at("resolved_on").as_string(), Date(0));
  EXPECT_EQ(resolved.Json().at("resolved_by_org").at("id").as_int64(), heping_);
  const auto again = police_staff_.Post(resolve + "/resolve", Body({{"resolution", "再次"}}));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "key_enterprise.already_resolved");
  const std::string visit_path = "/api/v1/key-enterprise-entries/" + std::to_string(visit.Json().at("id").as_int64());
  EXPECT_EQ(ErrorCode(street_.Post(visit_path + "/resolve", Body({{"resolution", "无"}}))),
            "key_enterprise.not_an_issue");
  EXPECT_EQ(district_.Get("/api/v1/key-enterprises?open_issues=true").Json().at("total").as_int64(), 0);
  EXPECT_EQ(city_.Get("/api/v1/key-enterprises?q=和平科技").Json().at("total").as_int64(), 1);
  EXPECT_EQ(city_.Get("/api/v1/key-enterprises?q=%25").Json().at("total").as_int64(), 0) << "% is literal";
}

TEST_F(KeyEnterpriseApiTest, BadInputGetsItsOwnCodeAndListsNothing) {
  const std::int64_t before = Count("key_enterprise");
  const auto with = [&](const char* field, boost::json::value value) {
    boost::json::object body = NewEnterprise();
    body[field] = std::move(value);
    return street_.Post("/api/v1/key-enterprises", Body(body));
  };
  EXPECT_EQ(ErrorCode(with("reason", "")), "key_enterprise.invalid_reason");
  EXPECT_EQ(ErrorCode(with("reason", std::string(201 * 3, 'a').c_str())), "key_enterprise.invalid_reason");
  EXPECT_EQ(ErrorCode(with("unit_id", supermarket_)), "key_enterprise.not_key_enterprise");
  EXPECT_EQ(ErrorCode(with("unit_id", shengli_tech_)), "key_enterprise.unit_not_found") << "another street's unit";
  EXPECT_EQ(ErrorCode(with("agency_org_id", guangming_police_)), "key_enterprise.agency_not_serving");
  EXPECT_EQ(ErrorCode(with("street_org_id", DemoOrgId(street_, {"和平里社区"}))), "key_enterprise.invalid_street");
  EXPECT_EQ(Count("key_enterprise"), before);

  ASSERT_EQ(street_.Post("/api/v1/key-enterprises", Body(NewEnterprise())).status, 201);
  const auto twice = street_.Post("/api/v1/key-enterprises", Body(NewEnterprise()));
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(ErrorCode(twice), "key_enterprise.already_listed");
  EXPECT_EQ(Count("key_enterprise"), before + 1);

  const std::int64_t id = street_.Get("/api/v1/key-enterprises").Json().at("items").at(0).at("id").as_int64();
  const std::string entries = "/api/v1/key-enterprises/" + std::to_string(id) + "/entries";
  const std::int64_t entries_before = Count("key_enterprise_entry");
  const auto entry = [&](const std::string& kind, const std::string& on, const std::string& text) {
    return ErrorCode(street_.Post(entries, Body({{"kind", kind}, {"happened_on", on}, {"text", text}})));
  };
  EXPECT_EQ(entry("meeting", Date(0), "走访"), "key_enterprise.invalid_kind");
  EXPECT_EQ(entry("visit", Date(1), "明天的走访"), "key_enterprise.invalid_date") << "no future visits";
  EXPECT_EQ(entry("visit", Date(-400), "很久以前"), "key_enterprise.invalid_date");
  EXPECT_EQ(entry("visit", "2026-02-30", "走访"), "key_enterprise.invalid_date");
  EXPECT_EQ(entry("visit", Date(0), ""), "key_enterprise.invalid_text");
  EXPECT_EQ(Count("key_enterprise_entry"), entries_before);
}

TEST_F(KeyEnterpriseApiTest, OnlyTheTwoOwnersAndTheLevelsAboveSeeAnEnterprise) {
  const auto created = street_.Post("/api/v1/key-enterprises", Body(NewEnterprise()));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/key-enterprises/" + std::to_string(created.Json().at("id").as_int64());
  EXPECT_EQ(police_staff_.Get(path).status, 200) << "the 条 owner";
  EXPECT_EQ(police_staff_.Get("/api/v1/key-enterprises").Json().at("total").as_int64(), 1);
  EXPECT_EQ(city_.Get(path).status, 200);
  // 和平里社区 (where the unit sits) has no key_enterprise:read; 胜利街道's staff see nothing of it.
  EXPECT_EQ(community_.Get(path).status, 403);
  HttpClient squad = server_.SignedIn("squad");
  const auto other = squad.Get(path);
  EXPECT_EQ(other.status, 404) << "an agency that is not the owner";
  EXPECT_EQ(ErrorCode(other), "key_enterprise.not_found");
  EXPECT_EQ(squad.Get("/api/v1/key-enterprises").Json().at("total").as_int64(), 0);
  EXPECT_EQ(ErrorCode(squad.Post(path + "/entries",
                                 Body({{"kind", "visit"}, {"happened_on", Date(0)}, {"text", "越权走访"}}))),
            "key_enterprise.not_found");
}

}  // namespace
}  // namespace liandong::key_enterprise
