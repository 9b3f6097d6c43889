#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::duty {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string ItemPath(std::int64_t id) { return "/api/v1/duty-items/" + std::to_string(id); }

std::vector<std::string> Descriptions(const HttpResult& result) {
  std::vector<std::string> descriptions;
  const auto body = result.Json();
  for (const auto& item : body.at("items").as_array()) descriptions.emplace_back(item.at("description").as_string());
  std::sort(descriptions.begin(), descriptions.end());
  return descriptions;
}

class DutyApiTest : public ::testing::Test {
 protected:
  std::int64_t AuditCount(const std::string& action, std::int64_t target_id) {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().CountFor(session.sql(), action, target_id);
  }

  // An item of another org's list, as that org's own staff would write it.
  std::int64_t SeedItem(std::int64_t org_id, const std::string& level, const std::string& description) {
    db::Session session(server_.application().database());
    return server_.application().duty_service().SeedItem(
        session.sql(), org_id, DutyItemFields{2026, level, "direct", description, organisation_department_, 0},
        server_.clock().NowSeconds());
  }

  HttpResult Create(HttpClient& client, boost::json::object body) {
    return client.Post("/api/v1/duty-items", boost::json::serialize(body));
  }

  std::int64_t DepartmentId(const std::string& name) {
    const auto departments = city_.Get("/api/v1/departments").Json();
    for (const auto& department : departments.at("items").as_array()) {
      if (department.at("name") == name.c_str()) return department.at("id").as_int64();
    }
    ADD_FAILURE() << "no department " << name;
    return 0;
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t dongcheng_ = DemoOrgId(district_, {});
  std::int64_t heping_ = DemoOrgId(street_, {});
  std::int64_t heping_li_ = DemoOrgId(community_, {});
  std::int64_t shengli_ = DemoOrgId(district_, {"胜利街道"});
  std::int64_t xicheng_ = DemoOrgId(city_, {"西城区"});
  std::int64_t organisation_department_ = DepartmentId("组织部门");
};

TEST_F(DutyApiTest, ListsTheDepartmentsThatOwnItems) {
  const auto result = community_.Get("/api/v1/departments");
  ASSERT_EQ(result.status, 200) << result.body;
  const auto items = result.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 9u);
  EXPECT_EQ(items[0].at("name").as_string(), "组织部门");
  EXPECT_EQ(items[8].at("name").as_string(), "妇联");
}

TEST_F(DutyApiTest, ItemsReachTheLevelsTheyBindAndNotASiblingsSubtree) {
  const auto city_item = Create(city_, {{"year", 2026},
                                        {"level", "community"},
                                        {"description", "落实“三会一课”制度"},
                                        {"department_id", organisation_department_}});
  ASSERT_EQ(city_item.status, 201) << city_item.body;
  EXPECT_EQ(city_item.Json().at("responsibility_kind").as_string(), "executing") << "the community level's default";
  EXPECT_EQ(city_item.Json().at("org").at("level").as_string(), "city");
  EXPECT_EQ(city_item.Json().at("department").at("name").as_string(), "组织部门");
  EXPECT_EQ(AuditCount("duty.create", city_item.Json().at("id").as_int64()), 1);
  const auto district_item = Create(district_, {{"year", 2026},
                                                {"level", "street"},
                                                {"description", "指导街道落实大工委制度"},
                                                {"department_id", organisation_department_},
                                                {"sort_order", 2}});
  ASSERT_EQ(district_item.status, 201) << district_item.body;
  EXPECT_EQ(district_item.Json().at("responsibility_kind").as_string(), "direct");
  EXPECT_EQ(district_item.Json().at("org").at("name").as_string(), "东城区");
  EXPECT_EQ(district_item.Json().at("sort_order").as_int64(), 2);
  SeedItem(shengli_, "community", "胜利街道的清单事项");
  SeedItem(xicheng_, "street", "西城区的清单事项");

  const std::vector<std::string> from_above = {"指导街道落实大工委制度", "落实“三会一课”制度"};
  EXPECT_EQ(Descriptions(community_.Get("/api/v1/duty-items?year=2026")), from_above);
  EXPECT_EQ(Descriptions(street_.Get("/api/v1/duty-items")), from_above) << "not the sibling street's";
  EXPECT_EQ(Descriptions(district_.Get("/api/v1/duty-items")),
            (std::vector<std::string>{"指导街道落实大工委制度", "胜利街道的清单事项", "落实“三会一课”制度"}))
      << "its own, the city's that bind it, and those written inside its subtree; not 西城区's";
  EXPECT_EQ(Descriptions(street_.Get("/api/v1/duty-items?level=street")),
            std::vector<std::string>{"指导街道落实大工委制度"});
  EXPECT_TRUE(street_.Get("/api/v1/duty-items?year=2025").Json().at("items").as_array().empty());
  EXPECT_EQ(Descriptions(district_.Get("/api/v1/duty-items?org=" + std::to_string(heping_))), from_above)
      << "the list as 和平街道 sees it";

  const auto sibling = street_.Get("/api/v1/duty-items?org=" + std::to_string(shengli_));
  EXPECT_EQ(sibling.status, 404);  // as if the org did not exist
  EXPECT_EQ(ErrorCode(sibling), "org.not_found");
  EXPECT_EQ(sibling.body.find("胜利"), std::string::npos);
}

TEST_F(DutyApiTest, OnlyTheWritingOrgChangesItsItemsAndNotWhileTheyAreLinked) {
  const auto created = Create(city_, {{"year", 2026},
                                      {"level", "community"},
                                      {"description", "建立党建联席会议"},
                                      {"department_id", organisation_department_}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();

  const auto not_owner = district_.Patch(ItemPath(id), R"({"description":"区里改市里的"})");
  EXPECT_EQ(not_owner.status, 403);
  EXPECT_EQ(ErrorCode(not_owner), "duty.not_owner");
  const auto not_owner_delete = district_.Delete(ItemPath(id));
  EXPECT_EQ(ErrorCode(not_owner_delete), "duty.not_owner");
  const auto no_permission = street_.Patch(ItemPath(id), R"({"description":"街道改市里的"})");
  EXPECT_EQ(no_permission.status, 403);
  EXPECT_EQ(ErrorCode(no_permission), "auth.permission_denied");
  const std::int64_t xicheng_item = SeedItem(xicheng_, "street", "西城区的清单事项");
  const auto hidden = district_.Patch(ItemPath(xicheng_item), R"({"description":"越界"})");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(ErrorCode(hidden), "duty.not_found");
  EXPECT_EQ(hidden.body.find("西城"), std::string::npos);

  const auto patched =
      city_.Patch(ItemPath(id), R"({"description":"建立并落实党建联席会议","responsibility_kind":"direct"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json().at("description").as_string(), "建立并落实党建联席会议");
  EXPECT_EQ(patched.Json().at("responsibility_kind").as_string(), "direct");
  EXPECT_EQ(patched.Json().at("level").as_string(), "community") << "fields not in the patch stay";
  EXPECT_EQ(AuditCount("duty.update", id), 1);

  // A supervision about the item: it stays until the supervision no longer names it.
  const auto supervision =
      city_.Post("/api/v1/supervisions", boost::json::serialize(boost::json::object{{"target_org_id", heping_li_},
                                                                                    {"duty_item_id", id},
                                                                                    {"title", "联席会议落实情况"},
                                                                                    {"requirement", "报送会议记录"},
                                                                                    {"deadline", "2026-03-31"}}));
  ASSERT_EQ(supervision.status, 201) << supervision.body;
  EXPECT_EQ(supervision.Json().at("duty_item").at("description").as_string(), "建立并落实党建联席会议");
  const auto in_use = city_.Delete(ItemPath(id));
  EXPECT_EQ(in_use.status, 409);
  EXPECT_EQ(ErrorCode(in_use), "duty.in_use");
  EXPECT_EQ(Descriptions(community_.Get("/api/v1/duty-items")), std::vector<std::string>{"建立并落实党建联席会议"});

  const auto unlinked = Create(district_, {{"year", 2026},
                                           {"level", "community"},
                                           {"description", "临时事项"},
                                           {"department_id", organisation_department_}});
  const std::int64_t unlinked_id = unlinked.Json().at("id").as_int64();
  EXPECT_EQ(district_.Delete(ItemPath(unlinked_id)).status, 204);
  EXPECT_EQ(AuditCount("duty.delete", unlinked_id), 1);
  EXPECT_EQ(district_.Delete(ItemPath(unlinked_id)).status, 404);
  EXPECT_EQ(Descriptions(community_.Get("/api/v1/duty-items")), std::vector<std::string>{"建立并落实党建联席会议"});
}

TEST_F(DutyApiTest, CopiesAYearsListToANewYearOnce) {
  for (const char* description : {"抓好街道党建工作", "推进社区书记述职评议"}) {
    ASSERT_EQ(Create(district_, {{"year", 2026},
                                 {"level", "street"},
                                 {"description", description},
                                 {"department_id", organisation_department_}})
                  .status,
              201);
  }
  Create(city_, {{"year", 2026},
                 {"level", "district"},
                 {"description", "市级事项"},
                 {"department_id", organisation_department_}});

  const auto copied = district_.Post("/api/v1/duty-items/copy", R"({"from_year":2026,"to_year":2027})");
  ASSERT_EQ(copied.status, 200) << copied.body;
  EXPECT_EQ(copied.Json().at("created").as_int64(), 2) << "only the district's own items";
  EXPECT_EQ(AuditCount("duty.copy", dongcheng_), 1);
  const auto next_year = street_.Get("/api/v1/duty-items?year=2027");
  EXPECT_EQ(Descriptions(next_year), (std::vector<std::string>{"抓好街道党建工作", "推进社区书记述职评议"}));
  const auto next_year_items = next_year.Json();
  for (const auto& item : next_year_items.at("items").as_array()) {
    EXPECT_EQ(item.at("year").as_int64(), 2027);
    EXPECT_EQ(item.at("responsibility_kind").as_string(), "direct");
  }
  EXPECT_EQ(Descriptions(street_.Get("/api/v1/duty-items?year=2026")).size(), 3u) << "2026 stays as it was";

  const auto again = district_.Post("/api/v1/duty-items/copy", R"({"from_year":2026,"to_year":2027})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again), "duty.year_exists");
  EXPECT_EQ(Descriptions(street_.Get("/api/v1/duty-items?year=2027")).size(), 2u) << "nothing copied twice";
  const auto empty = district_.Post("/api/v1/duty-items/copy", R"({"from_year":2020,"to_year":2028})");
  EXPECT_EQ(empty.Json().at("created").as_int64(), 0);
}

TEST_F(DutyApiTest, RejectsBadInputWithItsCodeAndWritesNothing) {
  const auto item = [&](std::string_view field, std::string_view json_value) {
    boost::json::object body{{"year", 2026},
                             {"level", "community"},
                             {"description", "落实制度"},
                             {"department_id", organisation_department_}};
    if (json_value.empty()) {
      body.erase(field);
    } else {
      body[field] = boost::json::parse(json_value);
    }
    return boost::json::serialize(body);
  };
  std::string long_text = "\"";
  for (int i = 0; i < 2001; ++i) long_text += "责";
  long_text += "\"";
  const struct {
    std::string body;
    std::string code;
  } cases[] = {
      {item("year", ""), "duty.invalid_year"},
      {item("year", "1999"), "duty.invalid_year"},
      {item("year", R"("2026")"), "duty.invalid_year"},
      {item("level", ""), "duty.invalid_level"},
      {item("level", R"("province")"), "duty.invalid_level"},
      {item("level", R"("city")"), "duty.invalid_level"},  // above the district
      {item("level", R"("grid")"), "duty.invalid_kind"},   // a level without a default kind
      {item("responsibility_kind", R"("leader")"), "duty.invalid_kind"},
      {item("description", ""), "duty.invalid_description"},
      {item("description", R"("   ")"), "duty.invalid_description"},
      {item("description", long_text), "duty.invalid_description"},
      {item("department_id", ""), "duty.invalid_department"},
      {item("department_id", "987654"), "duty.invalid_department"},
      {item("sort_order", "-1"), "duty.invalid_sort_order"},
      {item("sort_order", R"("first")"), "duty.invalid_sort_order"},
  };
  for (const auto& test : cases) {
    const auto result = district_.Post("/api/v1/duty-items", test.body);
    EXPECT_EQ(result.status, 400) << test.body;
    EXPECT_EQ(ErrorCode(result), test.code) << test.body;
  }
  const auto grid = district_.Post("/api/v1/duty-items",
                                   item("level", R"("grid")").insert(1, R"("responsibility_kind":"executing",)"));
  EXPECT_EQ(grid.status, 201) << "a level without a default names its kind: " << grid.body;
  EXPECT_EQ(Descriptions(district_.Get("/api/v1/duty-items")).size(), 1u) << "only the valid one was written";

  const std::int64_t id = grid.Json().at("id").as_int64();
  const auto bad_patch = district_.Patch(ItemPath(id), R"({"level":"province"})");
  EXPECT_EQ(ErrorCode(bad_patch), "duty.invalid_level");
  EXPECT_EQ(district_.Get("/api/v1/duty-items").Json().at("items").as_array()[0].at("level").as_string(), "grid");
  for (const std::string copy :
       {R"({"from_year":2026,"to_year":2026})", R"({"from_year":2026})", R"({"from_year":2026,"to_year":3000})"}) {
    const auto result = district_.Post("/api/v1/duty-items/copy", copy);
    EXPECT_EQ(result.status, 400) << copy;
    EXPECT_EQ(ErrorCode(result), "duty.invalid_year") << copy;
  }
}

}  // namespace
}  // namespace liandong::duty
