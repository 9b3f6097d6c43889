#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "features/unit/unit_credit_code.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::unit {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::vector<std::string> Names(const HttpResult& result) {
  std::vector<std::string> names;
  const auto body = result.Json();
  for (const auto& unit : body.at("items").as_array()) names.emplace_back(unit.at("name").as_string());
  return names;
}

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string UnitPath(std::int64_t id, std::string_view suffix = "") {
  return "/api/v1/units/" + std::to_string(id) + std::string(suffix);
}

class UnitApiTest : public ::testing::Test {
 protected:
  // A new private enterprise in `org_id` with a fresh valid credit code.
  boost::json::object NewUnit(std::int64_t org_id, int serial = 1) {
    char number[16];
    std::snprintf(number, sizeof number, "%05d", serial);
    return boost::json::object{
        {"name", "和平新材料科技有限公司"},
        {"credit_code", CompleteCreditCode(std::string("91110101MB1") + number + "Y")},
        {"unit_kind", "private_enterprise"},
        {"industry", "新材料"},
        {"staff_count", 66},
        {"legal_representative", "林立"},
        {"org_id", org_id},
        {"eligible_for_org", true},
        {"key_enterprise", false},
    };
  }

  std::int64_t AuditCount(const std::string& action, std::int64_t target_id) {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().CountFor(session.sql(), action, target_id);
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(street_, {"和平里社区"});
  std::int64_t dongfeng_ = DemoOrgId(street_, {"东风社区"});
  std::int64_t shengli_ = DemoOrgId(city_, {"东城区", "胜利街道"});
};

TEST_F(UnitApiTest, ListsTheUnitsOfTheActorsSubtree) {
  const struct {
    HttpClient* client;
    std::string query;
    std::int64_t total;
  } cases[] = {
      {&city_, "", 24},
      {&street_, "", 11},
      {&community_, "", 4},
      {&street_, "?org=" + std::to_string(dongfeng_), 3},
      {&city_, "?org=" + std::to_string(shengli_), 5},
  };
  for (const auto& test : cases) {
    const auto result = test.client->Get("/api/v1/units" + test.query);
    ASSERT_EQ(result.status, 200) << test.query << result.body;
    EXPECT_EQ(result.Json().at("total").as_int64(), test.total) << test.query;
    EXPECT_EQ(result.Json().at("page").as_int64(), 1);
    EXPECT_EQ(result.Json().at("page_size").as_int64(), 20);
  }

  const auto unit = street_.Get(UnitPath(DemoUnitId(street_, "和平科技有限公司"))).Json();
  EXPECT_EQ(unit.at("unit_kind").as_string(), "private_enterprise");
  EXPECT_EQ(unit.at("org").at("name").as_string(), "和平里社区");
  EXPECT_EQ(unit.at("own_org").at("name").as_string(), "和平科技有限公司党支部");
  EXPECT_TRUE(unit.at("joint_branch_org").is_null());
  EXPECT_EQ(unit.at("coverage").as_string(), "own_org");
  EXPECT_EQ(unit.at("key_enterprise").as_bool(), true);
  EXPECT_EQ(unit.at("archived").as_bool(), false);
  EXPECT_EQ(NormaliseCreditCode(unit.at("credit_code").as_string()), unit.at("credit_code").as_string());
}

TEST_F(UnitApiTest, ExportsTheFilteredListAsASpreadsheetAndAuditsIt) {
  const auto exported = street_.Get("/api/v1/units/export?coverage=own_org");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_TRUE(exported.body.starts_with("PK")) << "an .xlsx is a zip";
  EXPECT_NE(exported.Header("Content-Disposition").find("units.xlsx"), std::string::npos);
  db::Session session(server_.application().database());
  std::string detail;
  session.sql() << "SELECT detail FROM audit_log WHERE action = 'unit.export'", soci::into(detail);
  const auto listed = street_.Get("/api/v1/units?coverage=own_org").Json();
  EXPECT_EQ(detail, std::to_string(listed.at("total").as_int64()) + " rows");
  EXPECT_EQ(street_.Get("/api/v1/units/export?org=" + std::to_string(shengli_)).status, 404)
      << "another street's units are not the street user's to export";
}

TEST_F(UnitApiTest, FiltersByKindEligibilityAndCoverage) {
  const struct {
    std::string query;
    std::vector<std::string> names;
  } cases[] = {
      {"?unit_kind=government_agency", {"东城区税务局和平税务所"}},
      {"?eligible=false", {"和平里便民超市", "和平文化传媒工作室"}},
      {"?eligible=true&coverage=uncovered", {"建设数码科技有限公司", "建设社区养老服务中心"}},
      {"?coverage=joint_branch", {"东风物流有限公司", "东风餐饮管理有限公司"}},
      {"?coverage=work_only", {"晨光律师事务所"}},
      {"?coverage=own_org&org=" + std::to_string(heping_li_), {"和平科技有限公司", "东城区第一人民医院"}},
      {"?unit_kind=private_enterprise&eligible=true&coverage=own_org", {"和平科技有限公司"}},
  };
  for (const auto& test : cases) {
    const auto result = street_.Get("/api/v1/units" + test.query);
    ASSERT_EQ(result.status, 200) << test.query << result.body;
    EXPECT_EQ(Names(result), test.names) << test.query;
    EXPECT_EQ(result.Json().at("total").as_int64(), static_cast<std::int64_t>(test.names.size())) << test.query;
  }
}

TEST_F(UnitApiTest, SearchesNamesWithTwoCharacterWords) {
  const struct {
    HttpClient* client;
    std::string query;
    std::vector<std::string> names;
  } cases[] = {
      {&street_, "科技", {"和平科技有限公司", "建设数码科技有限公司"}},
      {&city_, "科技", {"和平科技有限公司", "建设数码科技有限公司", "胜利科技发展有限公司", "振兴软件科技有限公司"}},
      {&street_, "和平科技", {"和平科技有限公司"}},
      {&street_, "医", {"东城区第一人民医院"}},
      {&street_, "胜利", {}},
      {&street_, "火星", {}},
  };
  for (const auto& test : cases) {
    const auto result =
        test.client->Get("/api/v1/units?q=" + boost::urls::encode(test.query, boost::urls::unreserved_chars));
    ASSERT_EQ(result.status, 200) << test.query << result.body;
    EXPECT_EQ(Names(result), test.names) << test.query;
  }
}

TEST_F(UnitApiTest, SearchTextWithoutLettersFiltersNothing) {
  for (const std::string query : {"%25%25", "+", "%E3%80%82"}) {  // "%%", " ", "。"
    const auto result = street_.Get("/api/v1/units?q=" + query);
    ASSERT_EQ(result.status, 200) << query;
    EXPECT_EQ(result.Json().at("total").as_int64(), 11) << query;
  }
  EXPECT_EQ(Names(street_.Get("/api/v1/units?q=%25%E5%8C%BB_")), std::vector<std::string>{"东城区第一人民医院"})
      << "%医_: wildcards in a one-character search are not wildcards";
}

TEST_F(UnitApiTest, PagesThroughTheList) {
  std::vector<std::string> all;
  for (int page = 1; page <= 3; ++page) {
    const auto result = street_.Get("/api/v1/units?page_size=5&page=" + std::to_string(page));
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.Json().at("total").as_int64(), 11);
    EXPECT_EQ(result.Json().at("items").as_array().size(), page < 3 ? 5u : 1u);
    for (const std::string& name : Names(result)) all.push_back(name);
  }
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 11u);
  EXPECT_TRUE(street_.Get("/api/v1/units?page=9").Json().at("items").as_array().empty());
}

TEST_F(UnitApiTest, CreatesUpdatesAndArchivesAUnit) {
  boost::json::object input = NewUnit(dongfeng_);
  std::string code(input.at("credit_code").as_string());
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  input["credit_code"] = " " + code;
  const auto created = street_.Post("/api/v1/units", boost::json::serialize(input));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto unit = created.Json();
  const std::int64_t id = unit.at("id").as_int64();
  EXPECT_EQ(unit.at("credit_code").as_string(), NewUnit(dongfeng_).at("credit_code").as_string()) << "normalised";
  EXPECT_EQ(unit.at("org").at("name").as_string(), "东风社区");
  EXPECT_EQ(unit.at("coverage").as_string(), "uncovered");
  EXPECT_EQ(AuditCount("unit.create", id), 1);
  EXPECT_EQ(street_.Get(UnitPath(id)).Json(), unit);

  const std::int64_t joint_branch = DemoUnitId(street_, "东风物流有限公司") != 0
                                        ? street_.Get(UnitPath(DemoUnitId(street_, "东风物流有限公司")))
                                              .Json()
                                              .at("joint_branch_org")
                                              .at("id")
                                              .as_int64()
                                        : 0;
  const struct {
    std::string body;
    std::string coverage;
  } steps[] = {
      {R"({"instructor":"刘建国"})", "work_only"},
      {R"({"joint_branch_org_id":)" + std::to_string(joint_branch) + "}", "joint_branch"},
      {R"({"own_org_id":)" + std::to_string(dongfeng_) + "}", "own_org"},
      {R"({"own_org_id":null,"joint_branch_org_id":null,"instructor":""})", "uncovered"},
      {R"({"eligible_for_org":false})", "not_eligible"},
  };
  for (const auto& step : steps) {
    const auto patched = street_.Send(verb::patch, UnitPath(id), step.body);
    ASSERT_EQ(patched.status, 200) << step.body << patched.body;
    EXPECT_EQ(patched.Json().at("coverage").as_string(), step.coverage) << step.body;
  }
  const auto renamed = street_.Send(verb::patch, UnitPath(id), R"({"name":"东风新材料有限公司","staff_count":70})");
  EXPECT_EQ(renamed.Json().at("name").as_string(), "东风新材料有限公司");
  EXPECT_EQ(renamed.Json().at("staff_count").as_int64(), 70);
  EXPECT_EQ(renamed.Json().at("industry").as_string(), "新材料") << "fields not in the patch stay";
  EXPECT_EQ(Names(street_.Get("/api/v1/units?q=%E6%96%B0%E6%9D%90")), std::vector<std::string>{"东风新材料有限公司"})
      << "the search follows the new name (新材)";
  EXPECT_EQ(AuditCount("unit.update", id), 6);

  const auto archived = street_.Post(UnitPath(id, "/archive"), "");
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_TRUE(archived.Json().at("archived").as_bool());
  EXPECT_EQ(AuditCount("unit.archive", id), 1);
  EXPECT_EQ(street_.Get("/api/v1/units").Json().at("total").as_int64(), 11) << "archived units leave the list";
  EXPECT_TRUE(street_.Get(UnitPath(id)).Json().at("archived").as_bool()) << "and stay readable";
  for (const auto& again :
       {street_.Post(UnitPath(id, "/archive"), ""), street_.Send(verb::patch, UnitPath(id), R"({"name":"再改名"})")}) {
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(ErrorCode(again), "unit.archived");
  }
  const auto reused = street_.Post("/api/v1/units", boost::json::serialize(NewUnit(dongfeng_)));
  EXPECT_EQ(reused.status, 409) << "an archived unit keeps its credit code";
  EXPECT_EQ(ErrorCode(reused), "unit.credit_code_taken");
}

TEST_F(UnitApiTest, RejectsInvalidUnitsWithClearCodes) {
  const std::int64_t grid = DemoOrgId(street_, {"东风社区", "第一网格党支部"});
  const std::string taken(
      street_.Get(UnitPath(DemoUnitId(street_, "和平科技有限公司"))).Json().at("credit_code").as_string());
  const struct {
    std::string field;
    boost::json::value value;  // null: leave the field out
    int status;
    std::string code;
  } cases[] = {
      {"name", nullptr, 400, "unit.invalid_name"},
      {"name", "", 400, "unit.invalid_name"},
      {"name", boost::json::string(std::string(101 * 3, 'a')), 400, "unit.invalid_name"},
      {"credit_code", "91110101MA01A0001", 400, "unit.invalid_credit_code"},
      {"credit_code", "91110101MA01A00010", 400, "unit.invalid_credit_code"},
      {"credit_code", 911101, 400, "unit.invalid_credit_code"},
      {"credit_code", boost::json::string(taken), 409, "unit.credit_code_taken"},
      {"unit_kind", "company", 400, "unit.invalid_kind"},
      {"unit_kind", nullptr, 400, "unit.invalid_kind"},
      {"staff_count", -1, 400, "unit.invalid_staff_count"},
      {"staff_count", "many", 400, "unit.invalid_staff_count"},
      {"staff_count", 1.5, 400, "unit.invalid_staff_count"},
      {"industry", 12, 400, "unit.invalid_field"},
      {"eligible_for_org", "yes", 400, "unit.invalid_field"},
      {"org_id", nullptr, 400, "unit.invalid_org"},
      {"org_id", 987654, 400, "unit.invalid_org"},
      {"org_id", grid, 400, "unit.invalid_org"},
      {"org_id", shengli_, 400, "unit.invalid_org"},  // outside the subtree: as if it did not exist
      {"own_org_id", 987654, 400, "unit.invalid_own_org"},
      {"own_org_id", shengli_, 400, "unit.invalid_own_org"},
      {"joint_branch_org_id", dongfeng_, 400, "unit.invalid_joint_branch"},
      {"joint_branch_org_id", 0, 400, "unit.invalid_joint_branch"},
  };
  for (const auto& test : cases) {
    boost::json::object input = NewUnit(dongfeng_, 7);
    if (test.value.is_null()) {
      input.erase(test.field);
    } else {
      input[test.field] = test.value;
    }
    const auto result = street_.Post("/api/v1/units", boost::json::serialize(input));
    EXPECT_EQ(result.status, test.status) << test.field << " " << boost::json::serialize(test.value);
    EXPECT_EQ(ErrorCode(result), test.code) << test.field << " " << boost::json::serialize(test.value);
    EXPECT_FALSE(result.Json().at("error").at("message").as_string().empty());
  }
  EXPECT_EQ(street_.Get("/api/v1/units").Json().at("total").as_int64(), 11) << "nothing was created";

  const std::int64_t id = DemoUnitId(street_, "晨光律师事务所");
  const auto bad_patch = street_.Send(verb::patch, UnitPath(id), R"({"unit_kind":"company"})");
  EXPECT_EQ(bad_patch.status, 400);
  EXPECT_EQ(ErrorCode(bad_patch), "unit.invalid_kind");
  const auto taken_patch = street_.Send(verb::patch, UnitPath(id), R"({"credit_code":")" + taken + R"("})");
  EXPECT_EQ(taken_patch.status, 409);
  EXPECT_EQ(ErrorCode(taken_patch), "unit.credit_code_taken");

  const struct {
    std::string query;
    std::string code;
  } bad_queries[] = {
      {"?unit_kind=company", "unit.invalid_kind"},    {"?eligible=yes", "request.invalid_argument"},
      {"?coverage=half", "unit.invalid_coverage"},    {"?page=0", "request.invalid_argument"},
      {"?page_size=101", "request.invalid_argument"}, {"?org=abc", "request.invalid_argument"},
  };
  for (const auto& test : bad_queries) {
    const auto result = street_.Get("/api/v1/units" + test.query);
    EXPECT_EQ(result.status, 400) << test.query;
    EXPECT_EQ(ErrorCode(result), test.code) << test.query;
  }
  EXPECT_EQ(street_.Get("/api/v1/units?org=987654").status, 404);
  EXPECT_EQ(street_.Get(UnitPath(987654)).status, 404);
  EXPECT_EQ(ErrorCode(street_.Get(UnitPath(987654))), "unit.not_found");
  EXPECT_EQ(server_.Client().Get("/api/v1/units").status, 401);
}

TEST_F(UnitApiTest, ImportCommitsTheValidRowsAndReportsTheRest) {
  const std::int64_t hospital = DemoUnitId(street_, "东城区第一人民医院");
  const std::int64_t supermarket = DemoUnitId(street_, "和平里便民超市");
  boost::json::object changed_hospital;
  boost::json::object same_supermarket;
  for (const auto& [id, out] : {std::pair{hospital, &changed_hospital}, std::pair{supermarket, &same_supermarket}}) {
    const auto unit = street_.Get(UnitPath(id)).Json().as_object();
    *out = boost::json::object{
        {"name", unit.at("name")},
        {"credit_code", unit.at("credit_code")},
        {"unit_kind", unit.at("unit_kind")},
        {"industry", unit.at("industry")},
        {"staff_count", unit.at("staff_count")},
        {"legal_representative", unit.at("legal_representative")},
        {"org_id", unit.at("org").at("id")},
        {"eligible_for_org", unit.at("eligible_for_org")},
        {"own_org_id", unit.at("own_org").is_null() ? boost::json::value(nullptr) : unit.at("own_org").at("id")},
        {"instructor", unit.at("instructor")},
        {"key_enterprise", unit.at("key_enterprise")},
    };
  }
  changed_hospital["staff_count"] = 900;
  boost::json::object bad_code = NewUnit(dongfeng_, 2);
  bad_code["credit_code"] = "91110101MA01A00019";
  boost::json::object outside = NewUnit(shengli_, 3);
  boost::json::object bad_types = NewUnit(dongfeng_, 4);
  bad_types["staff_count"] = "很多";
  bad_types.erase("unit_kind");
  const boost::json::array rows = {NewUnit(dongfeng_, 1), bad_code, changed_hospital, same_supermarket,
                                   NewUnit(dongfeng_, 1), outside,  bad_types,        "not a row"};
  const std::string body = boost::json::serialize(boost::json::object{{"rows", rows}});

  const auto first = street_.Post("/api/v1/units/import", body);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto result = first.Json();
  EXPECT_EQ(result.at("created").as_int64(), 1);
  EXPECT_EQ(result.at("updated").as_int64(), 1);
  EXPECT_EQ(result.at("unchanged").as_int64(), 1);
  std::vector<std::tuple<std::int64_t, std::string, std::string>> errors;
  for (const auto& error : result.at("errors").as_array()) {
    errors.emplace_back(error.at("row").as_int64(), error.at("field").as_string(), error.at("code").as_string());
    EXPECT_FALSE(error.at("message").as_string().empty());
  }
  EXPECT_EQ(errors, (std::vector<std::tuple<std::int64_t, std::string, std::string>>{
                        {2, "credit_code", "unit.invalid_credit_code"},
                        {5, "credit_code", "unit.duplicate_in_import"},
                        {6, "org_id", "unit.invalid_org"},
                        {7, "staff_count", "unit.invalid_staff_count"},
                        {7, "unit_kind", "unit.invalid_kind"},
                        {8, "", "unit.invalid_row"},
                    }));
  EXPECT_EQ(result.at("errors").as_array()[0].at("message").as_string(), "统一社会信用代码应为 18 位且校验位正确");

  EXPECT_EQ(street_.Get("/api/v1/units").Json().at("total").as_int64(), 12) << "the one new unit, once";
  EXPECT_EQ(street_.Get(UnitPath(hospital)).Json().at("staff_count").as_int64(), 900);
  EXPECT_EQ(city_.Get("/api/v1/units?org=" + std::to_string(shengli_)).Json().at("total").as_int64(), 5);

  const auto second = street_.Post("/api/v1/units/import", body).Json();
  EXPECT_EQ(second.at("created").as_int64(), 0) << "re-importing changes nothing";
  EXPECT_EQ(second.at("updated").as_int64(), 0);
  EXPECT_EQ(second.at("unchanged").as_int64(), 3);
  EXPECT_EQ(second.at("errors").as_array().size(), 6u);
  EXPECT_EQ(street_.Get("/api/v1/units").Json().at("total").as_int64(), 12);
  EXPECT_EQ(AuditCount("unit.update", hospital), 1);

  const auto english = street_.Post("/api/v1/units/import", body, {{"Accept-Language", "en"}}).Json();
  EXPECT_EQ(english.at("errors").as_array()[0].at("message").as_string(),
            "The unified social credit code must have 18 characters and a correct check character");

  for (const std::string bad : {R"({})", R"({"rows":{}})"}) {
    const auto rejected = street_.Post("/api/v1/units/import", bad);
    EXPECT_EQ(rejected.status, 400) << bad;
    EXPECT_EQ(ErrorCode(rejected), "request.invalid_argument") << bad;
  }
  const auto empty = street_.Post("/api/v1/units/import", R"({"rows":[]})").Json();
  EXPECT_EQ(empty.at("created").as_int64() + empty.at("updated").as_int64() + empty.at("unchanged").as_int64(), 0);
}

TEST_F(UnitApiTest, NobodyReachesUnitsOutsideTheirSubtree) {
  const std::int64_t sibling_unit = DemoUnitId(city_, "胜利科技发展有限公司");
  const std::int64_t other_community_unit = DemoUnitId(street_, "东风物流有限公司");
  const struct {
    HttpClient* client;
    verb method;
    std::string target;
    std::string body;
  } cases[] = {
      {&street_, verb::get, UnitPath(sibling_unit), ""},
      {&street_, verb::patch, UnitPath(sibling_unit), R"({"name":"改名"})"},
      {&street_, verb::post, UnitPath(sibling_unit, "/archive"), ""},
      {&street_, verb::get, "/api/v1/units?org=" + std::to_string(shengli_), ""},
      {&street_, verb::get, "/api/v1/orgs/" + std::to_string(shengli_) + "/coverage", ""},
      {&community_, verb::get, UnitPath(other_community_unit), ""},
      {&community_, verb::patch, UnitPath(other_community_unit), R"({"instructor":"某人"})"},
      {&community_, verb::post, UnitPath(other_community_unit, "/archive"), ""},
      {&community_, verb::get, "/api/v1/units?org=" + std::to_string(dongfeng_), ""},
      {&community_, verb::get, "/api/v1/orgs/" + std::to_string(heping_) + "/coverage", ""},
  };
  for (const auto& test : cases) {
    const auto result = test.client->Send(test.method, test.target, test.body);
    // Outside the subtree: as if the unit or org did not exist.
    EXPECT_EQ(result.status, 404) << test.target << result.body;
    EXPECT_TRUE(ErrorCode(result).ends_with("not_found")) << test.target;
    EXPECT_EQ(result.body.find("\"name\""), std::string::npos) << result.body;
    EXPECT_EQ(result.body.find("科技"), std::string::npos) << result.body;
  }
  EXPECT_EQ(city_.Get(UnitPath(sibling_unit)).Json().at("name").as_string(), "胜利科技发展有限公司") << "unchanged";
  EXPECT_FALSE(street_.Get(UnitPath(other_community_unit)).Json().at("archived").as_bool());
  EXPECT_EQ(Names(street_.Get("/api/v1/units?q=%E8%83%9C%E5%88%A9")).size(), 0u) << "胜利 is not in the street";
}

TEST_F(UnitApiTest, AnArchivedOrgTakesNoNewUnits) {
  TestServer server;
  HttpClient street = server.SignedIn("street");
  const std::int64_t street_id = street.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  const auto community = street.Post("/api/v1/orgs", boost::json::serialize(boost::json::object{
                                                         {"parent_id", street_id},
                                                         {"level", "community"},
                                                         {"kind", "branch"},
                                                         {"name", "将撤销社区"}}));
  ASSERT_EQ(community.status, 201) << community.body;
  const std::int64_t community_id = community.Json().at("id").as_int64();
  ASSERT_EQ(street.Post("/api/v1/orgs/" + std::to_string(community_id) + "/archive", "{}").status, 200);
  const auto refused = street.Post("/api/v1/units", boost::json::serialize(NewUnit(community_id, 77)));
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(ErrorCode(refused), "unit.invalid_org");
}

}  // namespace
}  // namespace liandong::unit
