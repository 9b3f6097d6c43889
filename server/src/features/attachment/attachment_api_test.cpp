// Evidence files over HTTP on both databases, uploaded to a supervision (the district supervises
// 和平街道, whose staff upload): a file is checked by its name and bytes, downloads for the
// uploader's subtree and those above it, and is a 404 elsewhere, the same as an id that does not
// exist.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <string>

#include "core/crypto.hpp"
#include "features/attachment/attachment_storage.hpp"
#include "testing/demo_orgs.hpp"
#include "testing/test_server.hpp"

namespace liandong::attachment {
namespace {

using boost::beast::http::verb;
using testing::DemoOrgId;
using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

constexpr std::string_view kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
constexpr std::string_view kPng("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

std::string ErrorCode(const HttpResult& result) {
  return std::string(result.Json().at("error").at("code").as_string());
}

std::string Download(std::int64_t id) { return "/api/v1/attachments/" + std::to_string(id); }

class AttachmentApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto issued = district_.Post("/api/v1/supervisions",
                                       boost::json::serialize(boost::json::object{{"target_org_id", heping_},
                                                                                  {"title", "台账不全"},
                                                                                  {"requirement", "补齐会议记录"},
                                                                                  {"deadline", "2026-01-15"}}));
    ASSERT_EQ(issued.status, 201) << issued.body;
    supervision_ = issued.Json().at("id").as_int64();
  }

  // Uploads as the street; `encoded_name` goes into X-File-Name as it is (percent-encoded).
  HttpResult Upload(const std::string& encoded_name, std::string_view content) {
    return street_.Send(verb::post, "/api/v1/supervisions/" + std::to_string(supervision_) + "/attachments",
                        std::string(content), {{"X-File-Name", encoded_name}, {"Content-Type", "application/pdf"}});
  }

  TestServer server_;
  HttpClient city_ = server_.SignedIn("city");
  HttpClient district_ = server_.SignedIn("district");
  HttpClient street_ = server_.SignedIn("street");
  HttpClient community_ = server_.SignedIn("community");
  std::int64_t heping_ = DemoOrgId(district_, {"和平街道"});
  std::int64_t supervision_ = 0;
};

// The file of an upload whose row is not committed (a refused row, a full database, a failed
// commit) is removed: no file is left without its row.
TEST(AttachmentStorageTest, AFileNotKeptAfterTheCommitIsRemoved) {
  const auto directory = std::filesystem::temp_directory_path() / ("liandong-files-" + core::RandomHex(6));
  const AttachmentStorage storage(directory);
  std::filesystem::path rolled_back;
  {
    StoredFile file = storage.Write(kPdf);
    rolled_back = directory / file.name();
    EXPECT_TRUE(std::filesystem::exists(rolled_back));
  }
  EXPECT_FALSE(std::filesystem::exists(rolled_back));
  std::string kept_name;
  {
    StoredFile file = storage.Write(kPdf);
    kept_name = file.name();
    StoredFile moved = std::move(file);  // the moved-from shell removes nothing
    moved.Keep();
  }
  EXPECT_EQ(storage.Read(kept_name), kPdf);
  std::filesystem::remove_all(directory);
}

TEST_F(AttachmentApiTest, AnUploadDownloadsInItsOrgsSubtreeAndAbove) {
  const auto uploaded = Upload("%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95.pdf", kPdf);  // 会议记录.pdf
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto file = uploaded.Json();
  EXPECT_EQ(file.at("file_name").as_string(), "会议记录.pdf");
  EXPECT_EQ(file.at("content_type").as_string(), "application/pdf");
  EXPECT_EQ(file.at("size").as_int64(), static_cast<std::int64_t>(kPdf.size()));
  const std::int64_t id = file.at("id").as_int64();

  for (HttpClient* reader : {&street_, &district_, &city_}) {
    const auto download = reader->Get(Download(id));
    ASSERT_EQ(download.status, 200) << download.body;
    EXPECT_EQ(download.body, kPdf);
  }
  const auto download = street_.Get(Download(id));
  EXPECT_EQ(download.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(download.Header("Content-Disposition"),
            "attachment; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95.pdf");
}

TEST_F(AttachmentApiTest, OutsideTheSubtreeAFileIsNotFoundLikeOneThatDoesNotExist) {
  const auto uploaded = Upload("evidence.pdf", kPdf);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const std::int64_t id = uploaded.Json().at("id").as_int64();

  // The community lies below the street: the street's files are not in its subtree.
  const auto outside = community_.Get(Download(id));
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(ErrorCode(outside), "attachment.not_found");
  EXPECT_EQ(outside.body.find("evidence"), std::string::npos) << outside.body;

  const auto missing = street_.Get(Download(id + 1000));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCode(missing), "attachment.not_found");
}

TEST_F(AttachmentApiTest, RefusesWhatIsNotAnAcceptedFile) {
  struct Case {
    std::string encoded_name;
    std::string content;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"scan.pdf", std::string(kPng), "attachment.type_not_allowed"},  // the bytes say PNG
      {"scan.png", std::string(kPdf), "attachment.type_not_allowed"},  // the bytes say PDF
      {"tool.exe", std::string("MZ\x90\x00", 4), "attachment.type_not_allowed"},
      {"empty.pdf", "", "attachment.empty"},
      {"", std::string(kPdf), "attachment.invalid_name"},
      {"%2E%2E%2F", std::string(kPdf), "attachment.invalid_name"},      // nothing left of "../"
      {"%FF%FE.pdf", std::string(kPdf), "attachment.invalid_name"},     // not UTF-8
      {"%E4%BC.pdf", std::string(kPdf), "attachment.invalid_name"},     // a character cut short
      {"%C0%AE.pdf", std::string(kPdf), "attachment.invalid_name"},     // an overlong "."
      {"%ED%A0%80.pdf", std::string(kPdf), "attachment.invalid_name"},  // a UTF-16 surrogate
      {"%G1.pdf", std::string(kPdf), "attachment.invalid_name"},        // malformed percent-encoding
  };
  for (const Case& test : cases) {
    const auto refused = Upload(test.encoded_name, test.content);
    EXPECT_EQ(refused.status, 400) << test.encoded_name << " → " << refused.body;
    EXPECT_EQ(ErrorCode(refused), test.code) << test.encoded_name;
  }
  const auto detail = street_.Get("/api/v1/supervisions/" + std::to_string(supervision_)).Json();
  EXPECT_EQ(detail.at("state").as_string(), "open") << "nothing changed";
}

TEST_F(AttachmentApiTest, RefusesAFileOverTwentyMebibytesFromItsHeadAlone) {
  const std::string path = "/api/v1/supervisions/" + std::to_string(supervision_) + "/attachments";
  const std::string answer =
      testing::SendRaw(server_.port(),
                       "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nContent-Length: " +
                           std::to_string(20 * 1024 * 1024 + 1) + "\r\n\r\n",
                       std::chrono::milliseconds(1000));
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer.substr(0, 200);
}

}  // namespace
}  // namespace liandong::attachment
