// Party members over HTTP on both databases: masking, audited unmasking, validation, search,
// import, export and transfers, each within the actor's subtree.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "core/identity.hpp"
#include "db/database.hpp"
#include "testing/test_server.hpp"

namespace liandong::member {
namespace {

using testing::HttpClient;
using testing::TestServer;

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

// A full 18-character ID number anywhere in a text.
const std::regex kFullIdNumber("[0-9]{17}[0-9X]");

class MemberApiTest : public ::testing::Test {
 protected:
  std::int64_t IdOf(const std::string& name) {
    HttpClient& city = CityForLookups();
    const boost::json::value hits = city.Get("/api/v1/orgs?q=" + name + "&limit=100").Json();
    for (const auto& hit : hits.at("items").as_array()) {
      if (hit.at("name").as_string() == name) return hit.at("id").as_int64();
    }
    ADD_FAILURE() << "no org named " << name;
    return 0;
  }
  boost::json::object NewMember(std::int64_t org_id, const std::string& id_number, const std::string& name = "新党员") {
    return {
        {"org_id", org_id},       {"name", name},        {"gender", "female"},        {"id_number", id_number},
        {"phone", "13912345678"}, {"education", "本科"}, {"joined_on", "2015-07-01"}, {"full_member_on", "2016-07-01"},
        {"status", "full"}};
  }
  std::int64_t AuditCount(const std::string& action, std::int64_t target_id) {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().CountFor(session.sql(), action, target_id);
  }
  // One session for lookups: each login would otherwise end the oldest of a user's three sessions.
  HttpClient& CityForLookups() {
    if (!lookups_) lookups_ = std::make_unique<HttpClient>(server_.SignedIn("city"));
    return *lookups_;
  }
  TestServer server_;
  std::unique_ptr<HttpClient> lookups_;
};

TEST_F(MemberApiTest, ListsTheSubtreeWithIdentifiersMasked) {
  HttpClient street = server_.SignedIn("street");
  const auto page = street.Get("/api/v1/members?page_size=4");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto body = page.Json();
  EXPECT_EQ(body.at("total").as_int64(), 9);
  ASSERT_EQ(body.at("items").as_array().size(), 4u);
  const auto& first = body.at("items").as_array()[0];
  EXPECT_TRUE(
      std::regex_match(std::string(first.at("id_number").as_string()), std::regex("110101\\*{8}[0-9]{3}[0-9X]")));
  EXPECT_TRUE(std::regex_match(std::string(first.at("phone").as_string()), std::regex("139\\*{4}[0-9]{4}")));
  EXPECT_FALSE(std::regex_search(page.body, kFullIdNumber)) << "no full ID number in any list";
  EXPECT_EQ(street.Get("/api/v1/members?page=3&page_size=4").Json().at("items").as_array().size(), 1u);

  HttpClient community = server_.SignedIn("community");
  EXPECT_EQ(community.Get("/api/v1/members").Json().at("total").as_int64(), 3);
  HttpClient city = server_.SignedIn("city");
  EXPECT_EQ(city.Get("/api/v1/members").Json().at("total").as_int64(), 36);
  const auto filtered = city.Get("/api/v1/members?org=" + std::to_string(IdOf("胜利街道")));
  EXPECT_EQ(filtered.Json().at("total").as_int64(), 9);
}

TEST_F(MemberApiTest, UnmaskingNeedsThePermissionAndIsAudited) {
  HttpClient street = server_.SignedIn("street");
  const std::int64_t id = street.Get("/api/v1/members").Json().at("items").as_array()[0].at("id").as_int64();
  const auto denied = street.Get("/api/v1/members/" + std::to_string(id) + "/identifiers");
  EXPECT_EQ(denied.status, 403);
  EXPECT_FALSE(std::regex_search(denied.body, kFullIdNumber));
  // A refused unmask is recorded once: as the denial of that request, which names the member.
  const auto denials_of_this = [&] {
    db::Session session(server_.application().database());
    long long count = 0;
    const std::string detail = "%/api/v1/members/" + std::to_string(id) + "/identifiers%";
    session.sql() << "SELECT COUNT(*) FROM audit_log WHERE detail LIKE :detail", soci::use(detail, "detail"),
        soci::into(count);
    return count;
  };
  EXPECT_EQ(denials_of_this(), 1) << "a refused unmask is recorded, once";
  EXPECT_EQ(AuditCount("member.unmask", id), 0) << "and only as the denial";

  HttpClient city = server_.SignedIn("city");
  const auto shown = city.Get("/api/v1/members/" + std::to_string(id) + "/identifiers");
  ASSERT_EQ(shown.status, 200) << shown.body;
  const std::string id_number(shown.Json().at("id_number").as_string());
  EXPECT_TRUE(core::NormaliseIdNumber(id_number).has_value()) << id_number;
  EXPECT_TRUE(std::regex_match(std::string(shown.Json().at("phone").as_string()), std::regex("139[0-9]{8}")));
  EXPECT_EQ(AuditCount("member.unmask", id), 1);
  EXPECT_EQ(denials_of_this(), 1);
  const auto masked = city.Get("/api/v1/members/" + std::to_string(id)).Json();
  EXPECT_EQ(masked.at("id_number").as_string(), core::MaskIdNumber(id_number));
}

TEST_F(MemberApiTest, FindsByTwoCharacterNameAndByExactIdNumber) {
  HttpClient city = server_.SignedIn("city");
  const auto by_name = city.Get("/api/v1/members?q=张伟").Json();
  ASSERT_GE(by_name.at("total").as_int64(), 1);
  for (const auto& member : by_name.at("items").as_array()) EXPECT_EQ(member.at("name").as_string(), "张伟");
  EXPECT_GE(city.Get("/api/v1/members?q=张").Json().at("total").as_int64(), 1) << "one character";
  EXPECT_EQ(city.Get("/api/v1/members?q=无此人").Json().at("total").as_int64(), 0);

  const std::string id_number = core::CompleteIdNumber("11010119880808123");
  ASSERT_EQ(city.Post("/api/v1/members", Json(NewMember(IdOf("光明社区"), id_number))).status, 201);
  const auto exact = city.Get("/api/v1/members?id_number=" + id_number).Json();
  ASSERT_EQ(exact.at("total").as_int64(), 1);
  EXPECT_EQ(exact.at("items").as_array()[0].at("org").at("name").as_string(), "光明社区");
  EXPECT_EQ(city.Get("/api/v1/members?id_number=123").status, 400);

  HttpClient street = server_.SignedIn("street");
  EXPECT_EQ(street.Get("/api/v1/members?id_number=" + id_number).Json().at("total").as_int64(), 0)
      << "not in the street's subtree";
}

// The search index carries each member's place in the tree (migration 0018): a name search counts
// only the asker's subtree, and follows a member's change of org and a move of its org.
TEST_F(MemberApiTest, ANameSearchCountsOnlyTheSubtreeAndFollowsMovesOfMemberAndOrg) {
  HttpClient city = server_.SignedIn("city");
  HttpClient street = server_.SignedIn("street");  // 和平街道
  const auto count = [](HttpClient& client, const std::string& query) {
    const auto page = client.Get("/api/v1/members?" + query).Json();
    EXPECT_EQ(static_cast<std::int64_t>(page.at("items").as_array().size()), page.at("total").as_int64()) << query;
    return page.at("total").as_int64();
  };
  const auto created =
      city.Post("/api/v1/members", Json(NewMember(IdOf("光明社区"), core::CompleteIdNumber("11010119700101555"), "林卫东")));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(created.Json().at("id").as_int64());
  const std::string in_guangming = "&org=" + std::to_string(IdOf("光明街道"));
  EXPECT_EQ(count(city, "q=卫东"), 1);
  EXPECT_EQ(count(city, "q=卫东" + in_guangming), 1);
  EXPECT_EQ(count(street, "q=卫东"), 0) << "another street's member";
  EXPECT_EQ(count(city, "q=卫东&status=probationary"), 0) << "a filter beside the name";
  EXPECT_EQ(count(city, "q=卫东&status=full" + in_guangming), 1);
  // The index's scope tokens are not names: a query shaped like one finds nobody.
  const std::string guangming = std::to_string(IdOf("光明街道"));
  EXPECT_EQ(count(city, "q=o" + guangming), 0);
  EXPECT_EQ(count(city, "q=组" + guangming), 0);
  EXPECT_EQ(count(city, "q=组%20卫东"), 0);
  EXPECT_EQ(count(city, "q=卫东%20o" + guangming), 0);
  const auto second = city.Post(
      "/api/v1/members", Json(NewMember(IdOf("长青社区"), core::CompleteIdNumber("11010119700101556"), "王卫东")));
  ASSERT_EQ(second.status, 201) << second.body;
  const auto page_two = city.Get("/api/v1/members?q=卫东&page=2&page_size=1" + in_guangming).Json();
  EXPECT_EQ(page_two.at("total").as_int64(), 2);
  ASSERT_EQ(page_two.at("items").as_array().size(), 1u);
  EXPECT_EQ(page_two.at("items").as_array()[0].at("name").as_string(), "王卫东") << "pages in id order";
  ASSERT_EQ(city.Send(boost::beast::http::verb::patch, "/api/v1/members/" + std::to_string(second.Json().at("id").as_int64()),
                      Json({{"name", "王建军"}}))
                .status,
            200);

  const auto requested =
      city.Post("/api/v1/members/" + id + "/transfers", Json({{"to_org_id", IdOf("东风社区")}, {"reason", "搬家"}}));
  ASSERT_EQ(requested.status, 201) << requested.body;
  const auto accepted =
      street.Post("/api/v1/transfers/" + std::to_string(requested.Json().at("id").as_int64()) + "/accept", "{}");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(count(street, "q=卫东"), 1) << "now in 和平街道's 东风社区";
  EXPECT_EQ(count(city, "q=卫东" + in_guangming), 0);

  const auto org_moved = city.Post("/api/v1/orgs/" + std::to_string(IdOf("东风社区")) + "/move",
                                   Json({{"parent_id", IdOf("光明街道")}}));
  ASSERT_EQ(org_moved.status, 200) << org_moved.body;
  EXPECT_EQ(count(street, "q=卫东"), 0) << "its community moved to 光明街道";
  EXPECT_EQ(count(city, "q=卫东" + in_guangming), 1);
  EXPECT_EQ(count(city, "q=卫东"), 1);

  const auto renamed =
      city.Send(boost::beast::http::verb::patch, "/api/v1/members/" + id, Json({{"name", "林建国"}}));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(count(city, "q=卫东"), 0);
  EXPECT_EQ(count(city, "q=建国" + in_guangming), 1);
}

TEST_F(MemberApiTest, CreatingValidatesEveryField) {
  HttpClient street = server_.SignedIn("street");
  const std::int64_t community = IdOf("和平里社区");
  const std::string good = core::CompleteIdNumber("11010119900307075");
  std::string bad_check = good;
  bad_check[17] = bad_check[17] == '0' ? '1' : '0';
  struct Case {
    std::string what;
    boost::json::object body;
    int status;
    std::string code;
  };
  auto with = [&](const char* field, boost::json::value value) {
    auto body = NewMember(community, good);
    body[field] = std::move(value);
    return body;
  };
  const std::vector<Case> cases = {
      {"check digit", with("id_number", bad_check.c_str()), 400, "member.invalid_id_number"},
      {"short id", with("id_number", "1101011990"), 400, "member.invalid_id_number"},
      {"phone", with("phone", "12345"), 400, "member.invalid_phone"},
      {"gender", with("gender", "男"), 400, "member.invalid_gender"},
      {"status", with("status", "candidate"), 400, "member.invalid_status"},
      {"join before birth", with("joined_on", "1980-01-01"), 400, "member.invalid_date"},
      {"bad date", with("joined_on", "2015-02-30"), 400, "member.invalid_date"},
      {"name", with("name", ""), 400, "member.invalid_name"},
      {"foreign org", with("org_id", IdOf("胜利社区")), 404, "org.not_found"},  // outside: as if none
  };
  for (const Case& c : cases) {
    const auto result = street.Post("/api/v1/members", Json(c.body));
    EXPECT_EQ(result.status, c.status) << c.what << ": " << result.body;
    EXPECT_EQ(result.Json().at("error").at("code").as_string(), c.code) << c.what;
  }
  EXPECT_EQ(street.Get("/api/v1/members").Json().at("total").as_int64(), 9) << "nothing half-written";

  const auto created = street.Post("/api/v1/members", Json(NewMember(community, good)));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("birth_year").as_string(), "1990");  // the mask hides the rest
  EXPECT_EQ(created.Json().at("id_number").as_string(), "110101********0759");
  EXPECT_FALSE(std::regex_search(created.body, kFullIdNumber));
  const auto again = street.Post("/api/v1/members", Json(NewMember(community, good)));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Json().at("error").at("code").as_string(), "member.id_number_taken");

  const std::int64_t id = created.Json().at("id").as_int64();
  const auto patched = street.Send(boost::beast::http::verb::patch, "/api/v1/members/" + std::to_string(id),
                                   Json({{"name", "改名党员"}, {"phone", "13700001111"}, {"in_service", true}}));
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json().at("phone").as_string(), "137****1111");
  EXPECT_TRUE(patched.Json().at("in_service").as_bool());
  EXPECT_EQ(street.Get("/api/v1/members?q=改名").Json().at("total").as_int64(), 1);
}

TEST_F(MemberApiTest, ImportCommitsValidRowsReportsBadOnesAndIsIdempotent) {
  HttpClient street = server_.SignedIn("street");
  const std::int64_t community = IdOf("东风社区");
  boost::json::array rows;
  rows.push_back(NewMember(community, core::CompleteIdNumber("11010119850101001"), "导入甲"));
  auto bad = NewMember(community, "110101198501010020", "导入乙");  // wrong check digit
  rows.push_back(bad);
  rows.push_back(NewMember(community, core::CompleteIdNumber("11010119850101003"), "导入丙"));
  const std::string body = Json({{"rows", rows}});

  const auto first = street.Post("/api/v1/members/import", body);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto result = first.Json();
  EXPECT_EQ(result.at("created").as_int64(), 2);
  ASSERT_EQ(result.at("errors").as_array().size(), 1u);
  const auto& error = result.at("errors").as_array()[0];
  EXPECT_EQ(error.at("row").as_int64(), 2);
  EXPECT_EQ(error.at("field").as_string(), "id_number");
  EXPECT_EQ(error.at("code").as_string(), "member.invalid_id_number");
  EXPECT_FALSE(error.at("message").as_string().empty());
  EXPECT_EQ(street.Get("/api/v1/members?q=导入").Json().at("total").as_int64(), 2);

  const auto second = street.Post("/api/v1/members/import", body).Json();
  EXPECT_EQ(second.at("created").as_int64(), 0);
  EXPECT_EQ(second.at("updated").as_int64(), 0);
  EXPECT_EQ(second.at("unchanged").as_int64(), 2) << "the same file changes nothing";

  rows[0].as_object()["education"] = "研究生";
  const auto third = street.Post("/api/v1/members/import", Json({{"rows", rows}})).Json();
  EXPECT_EQ(third.at("updated").as_int64(), 1);
  EXPECT_EQ(third.at("unchanged").as_int64(), 1);

  const auto not_an_array = street.Post("/api/v1/members/import", Json({{"rows", 3}}));
  EXPECT_EQ(not_an_array.status, 400);
}

TEST_F(MemberApiTest, TransfersAreRequestedBySenderAndDecidedByReceiver) {
  HttpClient community = server_.SignedIn("community");  // 和平里社区
  HttpClient street = server_.SignedIn("street");        // 和平街道
  const std::int64_t to_org = IdOf("东风社区");
  const auto members = community.Get("/api/v1/members").Json().at("items").as_array();
  const std::int64_t first = members[0].at("id").as_int64();
  const std::int64_t second = members[1].at("id").as_int64();

  const auto requested = community.Post("/api/v1/members/" + std::to_string(first) + "/transfers",
                                        Json({{"to_org_id", to_org}, {"reason", "搬家"}}));
  ASSERT_EQ(requested.status, 201) << requested.body;
  const std::int64_t transfer_id = requested.Json().at("id").as_int64();
  EXPECT_EQ(requested.Json().at("status").as_string(), "requested");
  const auto twice =
      community.Post("/api/v1/members/" + std::to_string(first) + "/transfers", Json({{"to_org_id", to_org}}));
  EXPECT_EQ(twice.status, 409);
  const auto same = community.Post("/api/v1/members/" + std::to_string(second) + "/transfers",
                                   Json({{"to_org_id", members[1].at("org").at("id").as_int64()}}));
  EXPECT_EQ(same.Json().at("error").at("code").as_string(), "transfer.same_org");

  EXPECT_EQ(community.Post("/api/v1/transfers/" + std::to_string(transfer_id) + "/accept", "{}").status, 404)
      << "the sender cannot accept its own request: only the receiving subtree finds it";
  const auto incoming =
      street.Get("/api/v1/transfers?direction=incoming&status=requested").Json().at("items").as_array();
  ASSERT_EQ(incoming.size(), 1u);
  EXPECT_EQ(incoming[0].at("member").at("id").as_int64(), first);
  const auto accepted = street.Post("/api/v1/transfers/" + std::to_string(transfer_id) + "/accept", "{}");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json().at("status").as_string(), "accepted");
  EXPECT_TRUE(accepted.Json().at("decided_at").is_string());
  EXPECT_EQ(street.Post("/api/v1/transfers/" + std::to_string(transfer_id) + "/accept", "{}").status, 409);
  EXPECT_EQ(street.Get("/api/v1/members/" + std::to_string(first)).Json().at("org").at("name").as_string(), "东风社区");
  EXPECT_EQ(community.Get("/api/v1/members/" + std::to_string(first)).status, 404) << "it left the community";
  EXPECT_EQ(community.Get("/api/v1/members").Json().at("total").as_int64(), 2);

  const auto second_request =
      community.Post("/api/v1/members/" + std::to_string(second) + "/transfers", Json({{"to_org_id", to_org}}));
  const std::int64_t second_id = second_request.Json().at("id").as_int64();
  const auto no_reason = street.Post("/api/v1/transfers/" + std::to_string(second_id) + "/refuse", "{}");
  EXPECT_EQ(no_reason.Json().at("error").at("code").as_string(), "transfer.reason_required");
  const auto refused =
      street.Post("/api/v1/transfers/" + std::to_string(second_id) + "/refuse", Json({{"reason", "材料不全"}}));
  ASSERT_EQ(refused.status, 200);
  EXPECT_EQ(refused.Json().at("decision_reason").as_string(), "材料不全");
  const auto history = community.Get("/api/v1/members/" + std::to_string(second) + "/transfers").Json();
  ASSERT_EQ(history.at("items").as_array().size(), 1u);
  EXPECT_EQ(history.at("items").as_array()[0].at("status").as_string(), "refused");
  const auto outgoing = community.Get("/api/v1/transfers?direction=outgoing").Json().at("items").as_array();
  EXPECT_EQ(outgoing.size(), 2u);
}

TEST_F(MemberApiTest, ExportsTheFilteredListAsXlsxAndAuditsIt) {
  HttpClient street = server_.SignedIn("street");
  const auto exported = street.Get("/api/v1/members/export?q=张伟");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.Header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(exported.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_TRUE(exported.body.starts_with("PK")) << "an .xlsx is a zip file";
  db::Session session(server_.application().database());
  long long exports = 0;
  session.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'member.export'", soci::into(exports);
  EXPECT_EQ(exports, 1);
}

TEST_F(MemberApiTest, NobodyReachesMembersOutsideTheirSubtree) {
  HttpClient city = server_.SignedIn("city");
  const auto foreign = city.Get("/api/v1/members?org=" + std::to_string(IdOf("胜利社区"))).Json();
  const std::int64_t id = foreign.at("items").as_array()[0].at("id").as_int64();
  HttpClient street = server_.SignedIn("street");
  for (const std::string suffix : {"", "/identifiers", "/transfers"}) {
    const auto result = street.Get("/api/v1/members/" + std::to_string(id) + suffix);
    // As if it did not exist (the unmask route refuses a street without member:unmask first).
    EXPECT_EQ(result.status, suffix == "/identifiers" ? 403 : 404) << suffix;
    EXPECT_EQ(result.body.find("\"name\""), std::string::npos) << result.body;
  }
  const auto patched =
      street.Send(boost::beast::http::verb::patch, "/api/v1/members/" + std::to_string(id), Json({{"name", "越权"}}));
  EXPECT_EQ(patched.status, 404);
  EXPECT_EQ(street.Get("/api/v1/members?org=" + std::to_string(IdOf("胜利社区"))).status, 404);
}

}  // namespace
}  // namespace liandong::member

namespace liandong::member {
namespace {

std::string Repeat(const std::string& text, int times) {
  std::string repeated;
  for (int i = 0; i < times; ++i) repeated += text;
  return repeated;
}

// Every date-shaped text in `text`, as the 8 digits an ID number would hold: 1990-03-07,
// 1990/03/07, 19900307, 1990年3月7日.
std::set<std::string> DatesIn(const std::string& text) {
  static const std::regex kDate("((?:18|19|20)[0-9]{2})[-/年.]?([01]?[0-9])[-/月.]?([0-3]?[0-9])");
  std::set<std::string> dates;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kDate); it != std::sregex_iterator(); ++it) {
    const auto two = [](const std::string& part) { return part.size() == 1 ? "0" + part : part; };
    dates.insert((*it)[1].str() + two((*it)[2].str()) + two((*it)[3].str()));
  }
  return dates;
}

// The cells of an .xlsx, one row a line and cells separated by tabs, read by a real reader.
std::string ReadWorkbook(const std::string& workbook) {
  const std::string path = ::testing::TempDir() + "members-" + std::to_string(::getpid()) + ".xlsx";
  {
    std::ofstream file(path, std::ios::binary);
    file << workbook;
  }
  const std::string command =
      "/usr/bin/python3 -c \"import openpyxl,sys\nfor row in openpyxl.load_workbook(sys.argv[1]).active.iter_rows(values_only=True):"
      " print('\\t'.join('' if c is None else str(c) for c in row))\" " +
      path;
  std::string text;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, read);
    ::pclose(pipe);
  }
  std::remove(path.c_str());
  return text;
}

// Whoever may not unmask sees no more than the mask allows: the masked ID number hides exactly the
// birth date, so no response or file about a member may carry it. An attacker fills the mask with
// every date found in what a street user (without member:unmask) is sent about each member — the
// list, the record, the search, the export — and must rebuild none of the ID numbers.
TEST_F(MemberApiTest, NoResponseOrExportRebuildsAMaskedIdNumber) {
  const std::int64_t community = IdOf("和平里社区");
  HttpClient city = server_.SignedIn("city");
  std::map<std::int64_t, std::string> full;  // member id → its ID number
  for (const std::string birth : {"19900307", "19651231", "20010101"}) {
    const std::string id_number = core::CompleteIdNumber("110105" + birth + "28" + std::to_string(full.size()));
    const auto created = city.Post("/api/v1/members", Json(NewMember(community, id_number, "重建测试")));
    ASSERT_EQ(created.status, 201) << created.body;
    full[created.Json().at("id").as_int64()] = id_number;
  }
  HttpClient street = server_.SignedIn("street");
  ASSERT_EQ(street.Get("/api/v1/members/" + std::to_string(full.begin()->first) + "/identifiers").status, 403)
      << "the street user may not unmask: the premise of this test";
  std::map<std::int64_t, std::string> seen;  // member id → all text sent about it
  for (const auto& [id, id_number] : full) {
    seen[id] += street.Get("/api/v1/members/" + std::to_string(id)).body;
    seen[id] += street.Get("/api/v1/members/" + std::to_string(id) + "/transfers").body;
  }
  for (const std::string& query :
       std::vector<std::string>{"?page_size=200", "?q=重建测试", "?org=" + std::to_string(community)}) {
    const auto page = street.Get("/api/v1/members" + query).Json();
    for (const auto& item : page.at("items").as_array()) {
      const std::int64_t id = item.at("id").as_int64();
      if (full.count(id) > 0) seen[id] += boost::json::serialize(item);
    }
  }
  const auto exported = street.Get("/api/v1/members/export?q=重建测试");
  ASSERT_EQ(exported.status, 200);
  const std::string sheet = ReadWorkbook(exported.body);
  ASSERT_NE(sheet.find("重建测试"), std::string::npos) << "the export was read: " << sheet;
  int rebuilt = 0;
  int tried = 0;
  for (const auto& [id, id_number] : full) {
    const std::string masked = id_number.substr(0, 6) + "********" + id_number.substr(14);
    EXPECT_NE(seen[id].find(masked), std::string::npos) << "the member's masked ID number is shown";
    EXPECT_NE(seen[id].find(id_number.substr(6, 4)), std::string::npos) << "the birth year may show";
    // Every line of the export is about one member: each counts for all of them.
    for (const std::string& date : DatesIn(seen[id] + sheet)) {
      ++tried;
      const std::string candidate = masked.substr(0, 6) + date + masked.substr(14);
      if (candidate == id_number) ++rebuilt;
    }
    EXPECT_EQ(seen[id].find(id_number), std::string::npos);
    EXPECT_EQ(sheet.find(id_number), std::string::npos);
  }
  EXPECT_EQ(rebuilt, 0) << "ID numbers rebuilt from " << tried << " candidate dates";
  // The premise: the same attack on text that carries the birth date succeeds.
  const auto& [first_id, first_number] = *full.begin();
  const std::string leaky = seen[first_id] + first_number.substr(6, 4) + "-" + first_number.substr(10, 2) + "-" +
                            first_number.substr(12, 2);
  bool found = false;
  for (const std::string& date : DatesIn(leaky)) {
    found = found || first_number.substr(0, 6) + date + first_number.substr(14) == first_number;
  }
  EXPECT_TRUE(found) << "the attack finds a birth date where one is shown";
}

// References in a body go through the actor's scope, with their kind: a street user cannot link a
// member to a unit or a community of another street (and so read its name back), nor make the
// city or a unit branch a home community, and a unit that does not exist is a 404, not a 500.
TEST_F(MemberApiTest, ReferencesInABodyAreScopedAndOfTheirKind) {
  HttpClient street = server_.SignedIn("street");
  HttpClient city = server_.SignedIn("city");
  const std::int64_t own_community = IdOf("和平里社区");
  const std::int64_t other_community = IdOf("胜利社区");  // in 胜利街道
  const auto units_of = [&](std::int64_t org) {
    return city.Get("/api/v1/units?org=" + std::to_string(org)).Json().at("items").as_array();
  };
  const std::int64_t other_unit = units_of(IdOf("胜利街道"))[0].at("id").as_int64();
  const std::int64_t own_unit = units_of(IdOf("和平街道"))[0].at("id").as_int64();
  const std::int64_t member = street.Get("/api/v1/members?page_size=1").Json().at("items").as_array()[0].at("id").as_int64();
  const std::string path = "/api/v1/members/" + std::to_string(member);
  const std::string before = street.Get(path).body;
  struct Case {
    std::string body;
    int status;
    std::string code;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"employer_unit_id":)" + std::to_string(other_unit) + "}", 404, "member.employer_unit_not_found"},
           {R"({"employer_unit_id":999999999})", 404, "member.employer_unit_not_found"},
           {R"({"home_community_id":)" + std::to_string(other_community) + "}", 404, "member.home_community_not_found"},
           {R"({"home_community_id":)" + std::to_string(IdOf("和平街道")) + "}", 400, "member.invalid_home_community"},
           {R"({"name":")" + Repeat("张", 51) + R"("})", 400, "member.name_too_long"},
           {R"({"name":"张\u0000三"})", 400, "request.invalid_text"},
       }) {
    const auto result = street.Send(http::Verb::patch, path, c.body);
    EXPECT_EQ(result.status, c.status) << c.body << " → " << result.body;
    EXPECT_EQ(result.Json().at("error").at("code").as_string(), c.code) << c.body;
    EXPECT_EQ(result.body.find("胜利"), std::string::npos) << "nothing of the other street: " << result.body;
  }
  EXPECT_EQ(street.Get(path).body, before) << "a refused change changes nothing";
  // Inside the subtree, of the right kind: accepted, and the names come back.
  const auto linked = street.Send(http::Verb::patch, path,
                                  R"({"employer_unit_id":)" + std::to_string(own_unit) +
                                      R"(,"home_community_id":)" + std::to_string(own_community) + "}");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(linked.Json().at("home_community").at("id").as_int64(), own_community);
  // A 35-character name is a name, not an empty one.
  EXPECT_EQ(street.Send(http::Verb::patch, path, R"({"name":")" + Repeat("张", 35) + R"("})").status, 200);
}

}  // namespace
}  // namespace liandong::member

namespace liandong::member {
namespace {

// Every list pages one way; the older offset/limit still reaches the same page for one release
// and says it is deprecated, and an offset between pages is refused rather than rounded.
TEST(PagingApiTest, OffsetAndLimitReachTheSamePageAndAreMarkedDeprecated) {
  TestServer server;
  HttpClient street = server.SignedIn("street");
  const auto paged = street.Get("/api/v1/members?page=2&page_size=4");
  ASSERT_EQ(paged.status, 200) << paged.body;
  EXPECT_EQ(paged.Header("Deprecation"), "");
  EXPECT_EQ(paged.Json().at("page").as_int64(), 2);
  EXPECT_EQ(paged.Json().at("page_size").as_int64(), 4);
  const auto old = street.Get("/api/v1/members?offset=4&limit=4");
  ASSERT_EQ(old.status, 200) << old.body;
  EXPECT_EQ(old.Header("Deprecation"), "true");
  EXPECT_EQ(old.Json().at("items"), paged.Json().at("items"));
  EXPECT_EQ(old.Json().at("total"), paged.Json().at("total"));
  EXPECT_EQ(street.Get("/api/v1/members?offset=3&limit=4").status, 400);
  EXPECT_EQ(street.Get("/api/v1/members?page=1&page_size=201").status, 400) << "no silent cap";
}

}  // namespace
}  // namespace liandong::member
