#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::joint_committee {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::DemoUnitId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string CommitteePath(std::int64_t org_id, std::string_view suffix = "") {
  return "/api/v1/orgs/" + std::to_string(org_id) + "/joint-committee" + std::string(suffix);
}

std::string MemberPath(std::int64_t member_id) {
  return "/api/v1/joint-committee-members/" + std::to_string(member_id);
}

std::string SeatsPath(std::int64_t unit_id) {
  return "/api/v1/units/" + std::to_string(unit_id) + "/joint-committee-seats";
}

std::vector<std::string> MemberNames(const boost::json::value& committee) {
  std::vector<std::string> names;
  for (const auto& member : committee.at("members").as_array())
    names.emplace_back(member.at("person_name").as_string());
  return names;
}

std::vector<std::string> SeatCommittees(const HttpResult& result) {
  std::vector<std::string> names;
  const auto body = result.Json();
  for (const auto& seat : body.at("items").as_array()) names.emplace_back(seat.at("committee").at("name").as_string());
  return names;
}

class JointCommitteeApiTest : public ::testing::Test {
 protected:
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
  std::int64_t heping_tech_ = DemoUnitId(street_, "和平科技有限公司");
};

TEST_F(JointCommitteeApiTest, ShowsTheStreetsCommitteeWithItsPartTimeMembers) {
  const auto result = street_.Get(CommitteePath(heping_));
  ASSERT_EQ(result.status, 200) << result.body;
  const auto committee = result.Json();
  EXPECT_EQ(committee.at("name").as_string(), "和平街道大工委");
  EXPECT_EQ(committee.at("scope").as_string(), "street");
  EXPECT_EQ(committee.at("org_id").as_int64(), heping_);
  EXPECT_EQ(MemberNames(committee), (std::vector<std::string>{"李红", "张伟", "陈明"}));
  const auto& first = committee.at("members").as_array()[0];
  EXPECT_EQ(first.at("unit").at("name").as_string(), "东城区第一人民医院");
  EXPECT_EQ(first.at("post").as_string(), "兼职副书记");
  EXPECT_TRUE(first.at("part_time").as_bool());
  EXPECT_EQ(first.at("term_start").as_string(), "2024-01-01");
  EXPECT_EQ(first.at("term_end").as_string(), "2026-12-31");
  EXPECT_TRUE(committee.at("members").as_array()[2].at("term_end").is_null());
  EXPECT_EQ(city_.Get(CommitteePath(heping_)).Json(), committee);

  const auto none = city_.Get(CommitteePath(shengli_));
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(ErrorCode(none), "joint_committee.not_found");
}

TEST_F(JointCommitteeApiTest, SetsUpACommunityCommitteeAndItsMembers) {
  const auto created = community_.Send(verb::put, CommitteePath(heping_li_), R"({"name":"和平里社区党委"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("scope").as_string(), "community");
  EXPECT_TRUE(created.Json().at("members").as_array().empty());
  const std::int64_t committee_id = created.Json().at("id").as_int64();
  EXPECT_EQ(AuditCount("joint_committee.create", committee_id), 1);

  const auto renamed = community_.Send(verb::put, CommitteePath(heping_li_), R"({"name":"和平里社区大党委"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json().at("id").as_int64(), committee_id);
  EXPECT_EQ(renamed.Json().at("name").as_string(), "和平里社区大党委");
  EXPECT_EQ(AuditCount("joint_committee.rename", committee_id), 1);

  const auto part_time =
      community_.Post(CommitteePath(heping_li_, "/members"),
                      R"({"person_name":"张伟","unit_id":)" + std::to_string(heping_tech_) +
                          R"(,"post":"兼职委员","part_time":true,"term_start":"2025-01-01","term_end":"2027-12-31"})");
  ASSERT_EQ(part_time.status, 201) << part_time.body;
  EXPECT_EQ(part_time.Json().at("unit").at("name").as_string(), "和平科技有限公司");
  const auto secretary =
      community_.Post(CommitteePath(heping_li_, "/members"),
                      R"({"person_name":"周静","post":"书记","part_time":false,"term_start":"2025-01-01"})");
  ASSERT_EQ(secretary.status, 201) << secretary.body;
  EXPECT_TRUE(secretary.Json().at("unit").is_null());
  EXPECT_FALSE(secretary.Json().at("part_time").as_bool());
  EXPECT_TRUE(secretary.Json().at("term_end").is_null());
  const std::int64_t member_id = part_time.Json().at("id").as_int64();
  EXPECT_EQ(AuditCount("joint_committee.add_member", member_id), 1);

  const auto patched = community_.Send(verb::patch, MemberPath(member_id), R"({"post":"兼职副书记","term_end":null})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json().at("post").as_string(), "兼职副书记");
  EXPECT_TRUE(patched.Json().at("term_end").is_null());
  EXPECT_EQ(patched.Json().at("unit").at("id").as_int64(), heping_tech_) << "fields not in the patch stay";
  EXPECT_EQ(AuditCount("joint_committee.update_member", member_id), 1);

  const std::int64_t secretary_id = secretary.Json().at("id").as_int64();
  EXPECT_EQ(community_.Delete(MemberPath(secretary_id)).status, 204);
  EXPECT_EQ(AuditCount("joint_committee.remove_member", secretary_id), 1);
  EXPECT_EQ(community_.Delete(MemberPath(secretary_id)).status, 404);
  EXPECT_EQ(MemberNames(community_.Get(CommitteePath(heping_li_)).Json()), std::vector<std::string>{"张伟"});

  // Who sits where: the street sees both committees, the community only its own.
  EXPECT_EQ(SeatCommittees(street_.Get(SeatsPath(heping_tech_))),
            (std::vector<std::string>{"和平街道大工委", "和平里社区大党委"}));
  EXPECT_EQ(SeatCommittees(community_.Get(SeatsPath(heping_tech_))), std::vector<std::string>{"和平里社区大党委"});
  const auto seats = street_.Get(SeatsPath(heping_tech_)).Json().at("items").as_array();
  EXPECT_EQ(seats[0].at("committee").at("scope").as_string(), "street");
  EXPECT_EQ(seats[0].at("committee").at("org").at("name").as_string(), "和平街道");
  EXPECT_EQ(seats[0].at("person_name").as_string(), "张伟");
  EXPECT_EQ(seats[1].at("post").as_string(), "兼职副书记");
  EXPECT_TRUE(street_.Get(SeatsPath(DemoUnitId(street_, "晨光律师事务所"))).Json().at("items").as_array().empty());
}

TEST_F(JointCommitteeApiTest, RejectsInvalidInputWithClearCodes) {
  const std::int64_t grid = DemoOrgId(street_, {"和平里社区", "第一网格党支部"});
  const std::int64_t district = DemoOrgId(city_, {"东城区"});
  const struct {
    HttpClient* client;
    std::int64_t org_id;
    std::string body;
    int status;
    std::string code;
  } puts[] = {
      {&street_, grid, R"({"name":"网格大党委"})", 400, "joint_committee.invalid_level"},
      {&city_, district, R"({"name":"东城区大工委"})", 400, "joint_committee.invalid_level"},
      {&street_, heping_, R"({"name":""})", 400, "joint_committee.invalid_name"},
      {&street_, heping_, R"({"name":7})", 400, "joint_committee.invalid_name"},
      {&street_, heping_, R"({})", 400, "joint_committee.invalid_name"},
      {&street_, 987654, R"({"name":"大工委"})", 404, "org.not_found"},
  };
  for (const auto& test : puts) {
    const auto result = test.client->Send(verb::put, CommitteePath(test.org_id), test.body);
    EXPECT_EQ(result.status, test.status) << test.body;
    EXPECT_EQ(ErrorCode(result), test.code) << test.body;
  }

  const std::int64_t sibling_unit = DemoUnitId(city_, "胜利中学");
  const std::int64_t archived_unit = DemoUnitId(street_, "和平文化传媒工作室");
  ASSERT_EQ(street_.Post("/api/v1/units/" + std::to_string(archived_unit) + "/archive", "").status, 200);
  const auto member = [](std::string_view field, std::string_view json_value) {
    boost::json::object body{{"person_name", "王芳"}, {"post", "兼职委员"}, {"term_start", "2025-01-01"}};
    if (json_value.empty()) {
      body.erase(field);
    } else {
      body[field] = boost::json::parse(json_value);
    }
    return boost::json::serialize(body);
  };
  const struct {
    std::string body;
    int status;
    std::string code;
  } members[] = {
      {member("person_name", ""), 400, "joint_committee.invalid_person_name"},
      {member("person_name", R"("")"), 400, "joint_committee.invalid_person_name"},
      {member("post", ""), 400, "joint_committee.invalid_post"},
      {member("term_start", ""), 400, "joint_committee.invalid_date"},
      {member("term_start", R"("2025-02-30")"), 400, "joint_committee.invalid_date"},
      {member("term_end", R"("2025/12/31")"), 400, "joint_committee.invalid_date"},
      {member("term_end", R"("2024-12-31")"), 400, "joint_committee.invalid_term"},
      {member("unit_id", "987654"), 404, "joint_committee.unit_not_found"},
      {member("unit_id", std::to_string(archived_unit)), 400, "joint_committee.invalid_unit"},
      {member("unit_id", R"("和平科技")"), 400, "joint_committee.invalid_unit"},
      {member("unit_id", std::to_string(sibling_unit)), 404, "joint_committee.unit_not_found"},
      {member("part_time", R"("yes")"), 400, "request.invalid_argument"},
  };
  for (const auto& test : members) {
    const auto result = street_.Post(CommitteePath(heping_, "/members"), test.body);
    EXPECT_EQ(result.status, test.status) << test.body;
    EXPECT_EQ(ErrorCode(result), test.code) << test.body;
  }
  EXPECT_EQ(street_.Get(CommitteePath(heping_)).Json().at("members").as_array().size(), 3u) << "nothing added";

  const auto no_committee = street_.Post(CommitteePath(dongfeng_, "/members"), member("post", R"("委员")"));
  EXPECT_EQ(no_committee.status, 404);
  EXPECT_EQ(ErrorCode(no_committee), "joint_committee.not_found");
  const auto missing = street_.Send(verb::patch, MemberPath(987654), R"({"post":"委员"})");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCode(missing), "joint_committee.member_not_found");
  const std::int64_t first_member =
      street_.Get(CommitteePath(heping_)).Json().at("members").as_array()[0].at("id").as_int64();
  const auto bad_term = street_.Send(verb::patch, MemberPath(first_member), R"({"term_end":"2023-12-31"})");
  EXPECT_EQ(bad_term.status, 400);
  EXPECT_EQ(ErrorCode(bad_term), "joint_committee.invalid_term");
}

TEST_F(JointCommitteeApiTest, NobodyReachesCommitteesOutsideTheirSubtree) {
  // A committee in the sibling street, set up by the city.
  ASSERT_EQ(city_.Send(verb::put, CommitteePath(shengli_), R"({"name":"胜利街道大工委"})").status, 201);
  const std::int64_t sibling_unit = DemoUnitId(city_, "胜利中学");
  const auto sibling_member = city_.Post(CommitteePath(shengli_, "/members"),
                                         R"({"person_name":"何静","unit_id":)" + std::to_string(sibling_unit) +
                                             R"(,"post":"兼职委员","term_start":"2025-01-01"})");
  ASSERT_EQ(sibling_member.status, 201) << sibling_member.body;
  const std::int64_t sibling_member_id = sibling_member.Json().at("id").as_int64();
  const std::int64_t street_member_id =
      street_.Get(CommitteePath(heping_)).Json().at("members").as_array()[0].at("id").as_int64();
  const std::string new_member = R"({"person_name":"某人","post":"委员","term_start":"2025-01-01"})";

  const struct {
    HttpClient* client;
    verb method;
    std::string target;
    std::string body;
  } cases[] = {
      {&street_, verb::get, CommitteePath(shengli_), ""},
      {&street_, verb::put, CommitteePath(shengli_), R"({"name":"改名"})"},
      {&street_, verb::post, CommitteePath(shengli_, "/members"), new_member},
      {&street_, verb::patch, MemberPath(sibling_member_id), R"({"post":"书记"})"},
      {&street_, verb::delete_, MemberPath(sibling_member_id), ""},
      {&street_, verb::get, SeatsPath(sibling_unit), ""},
      {&community_, verb::get, CommitteePath(heping_), ""},
      {&community_, verb::put, CommitteePath(heping_), R"({"name":"改名"})"},
      {&community_, verb::post, CommitteePath(heping_, "/members"), new_member},
      {&community_, verb::patch, MemberPath(street_member_id), R"({"post":"书记"})"},
      {&community_, verb::delete_, MemberPath(street_member_id), ""},
      {&community_, verb::put, CommitteePath(dongfeng_), R"({"name":"东风社区大党委"})"},
      {&community_, verb::get, SeatsPath(DemoUnitId(street_, "东风物流有限公司")), ""},
  };
  for (const auto& test : cases) {
    const auto result = test.client->Send(test.method, test.target, test.body);
    // Outside the subtree: answered as an object that does not exist.
    EXPECT_EQ(result.status, 404) << test.target << " " << result.body;
    EXPECT_TRUE(ErrorCode(result).ends_with("not_found")) << test.target << " " << result.body;
    EXPECT_EQ(result.body.find("name"), std::string::npos) << result.body;
    EXPECT_EQ(result.body.find("大工委"), std::string::npos) << result.body;
  }
  EXPECT_EQ(MemberNames(city_.Get(CommitteePath(shengli_)).Json()), std::vector<std::string>{"何静"}) << "unchanged";
  EXPECT_EQ(city_.Get(CommitteePath(shengli_)).Json().at("name").as_string(), "胜利街道大工委");
  EXPECT_EQ(street_.Get(CommitteePath(heping_)).Json().at("members").as_array().size(), 3u);
}

}  // namespace
}  // namespace liandong::joint_committee
