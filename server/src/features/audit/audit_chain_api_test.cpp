// The audit log's hash chain on both databases: intact after real work, and every kind of
// tampering (a row edited, a row deleted, the newest rows cut off) found at the right row.
#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::audit {
namespace {

using testing::HttpClient;
using testing::TestServer;

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpClient street = server_.SignedIn("street");
    const std::int64_t street_id = street.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
    for (int i = 0; i < 5; ++i) {
      const auto created = street.Post(
          "/api/v1/orgs", boost::json::serialize(boost::json::object{{"parent_id", street_id},
                                                                     {"level", "community"},
                                                                     {"kind", "branch"},
                                                                     {"name", "审计社区" + std::to_string(i)}}));
      ASSERT_EQ(created.status, 201);
    }
  }
  db::ChainReport Verify() {
    db::Session session(server_.application().database());
    return server_.application().audit_writer().VerifyChain(session.sql());
  }
  // Runs SQL with the append-only triggers off, as an intruder with database access would.
  void Tamper(const std::string& statement) {
    db::Session session(server_.application().database());
    if (server_.database().postgres()) {
      session.sql() << "ALTER TABLE audit_log DISABLE TRIGGER USER";
      session.sql() << statement;
      session.sql() << "ALTER TABLE audit_log ENABLE TRIGGER USER";
    } else {
      session.sql() << "DROP TRIGGER audit_log_no_update";
      session.sql() << "DROP TRIGGER audit_log_no_delete";
      session.sql() << statement;
    }
  }
  TestServer server_;
};

TEST_F(AuditChainTest, IsIntactAfterRealWork) {
  const db::ChainReport report = Verify();
  EXPECT_TRUE(report.intact) << report.reason;
  EXPECT_GE(report.rows, 5);
}

TEST_F(AuditChainTest, RowsCannotBeChangedOrDeletedThroughTheDatabase) {
  db::Session session(server_.application().database());
  EXPECT_ANY_THROW(session.sql() << "UPDATE audit_log SET detail = 'x' WHERE id = 2");
  EXPECT_ANY_THROW(session.sql() << "DELETE FROM audit_log WHERE id = 2");
  EXPECT_TRUE(Verify().intact);
}

TEST_F(AuditChainTest, FindsAnEditedRow) {
  Tamper("UPDATE audit_log SET detail = '篡改' WHERE id = 3");
  const db::ChainReport report = Verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_at, 3);
}

TEST_F(AuditChainTest, FindsADeletedRow) {
  Tamper("DELETE FROM audit_log WHERE id = 2");
  const db::ChainReport report = Verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_at, 3) << "the row after the gap no longer links";
}

TEST_F(AuditChainTest, FindsATruncatedLog) {
  Tamper("DELETE FROM audit_log WHERE id >= 4");
  const db::ChainReport report = Verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.broken_at, 4);
  EXPECT_NE(report.reason.find("truncated"), std::string::npos) << report.reason;
}

}  // namespace
}  // namespace liandong::audit
