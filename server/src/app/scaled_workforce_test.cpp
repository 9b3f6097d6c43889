#include "app/scaled_workforce.hpp"

#include <gtest/gtest.h>

#include "testing/test_server.hpp"

namespace liandong::app {
namespace {

// The generator on the small demo city: fifteen workers per community with five years of
// appraisals, which a regrading run of every district turns into every kind of proposal.
TEST(ScaledWorkforce, LoadsWorkersThatARegradingRunProposesFor) {
  testing::TestServer server;
  Application& application = server.application();
  std::int64_t loaded = 0;
  {
    db::Session session(application.database());
    loaded = CreateScaledWorkforce(application, session, server.clock().NowSeconds());
  }
  EXPECT_EQ(loaded, 12 * 15);  // the demo city has twelve communities
  {
    db::Session session(application.database());
    long long appraisals = 0;
    session.sql() << "SELECT COUNT(*) FROM appraisal", soci::into(appraisals);
    EXPECT_GE(appraisals, loaded * 5);
    // Five years of training, and qualifications for about half of them.
    long long records = 0, qualifications = 0;
    session.sql() << "SELECT COUNT(*) FROM training_record", soci::into(records);
    session.sql() << "SELECT COUNT(*) FROM worker_qualification", soci::into(qualifications);
    EXPECT_GE(records, loaded * 5);
    EXPECT_GE(qualifications, loaded / 4);
  }
  // 西城区 approved its run of this year in the demo city: only 东城区 is computed.
  const auto summaries = application.workforce_service().ComputeRunsOfLevel("district", 2026);
  ASSERT_EQ(summaries.size(), 1u);
  std::map<std::string, int> counts;
  std::int64_t workers = 0;
  for (const auto& summary : summaries) {
    workers += summary.workers;
    for (const auto& [change, count] : summary.counts) counts[change] += count;
  }
  EXPECT_GE(workers, loaded / 2);
  EXPECT_GT(counts["promoted"], 0);
  EXPECT_GT(counts["early"], 0);
  EXPECT_GT(counts["held"], 0);
}

}  // namespace
}  // namespace liandong::app
