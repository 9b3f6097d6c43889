#include "features/cobuild_list/matching.hpp"

#include <gtest/gtest.h>

namespace liandong::cobuild_list {
namespace {

// City 1, district 2, street 3, community 4; another community 5 of the street.
NeedForMatching Need() {
  NeedForMatching need;
  need.category_name = "活动场地";
  need.tags = {"老年人", "活动室"};
  need.beneficiary_count = 30;
  need.lineage = {{1, "city", "示范市"}, {2, "district", "东城区"}, {3, "street", "和平街道"}, {4, "community", "和平里社区"}};
  return need;
}

Candidate Resource(std::int64_t id, const std::string& path, const std::string& kind, std::int64_t quantity,
                   std::int64_t committed = 0) {
  Candidate candidate;
  candidate.suggestion.kind = "resource";
  candidate.suggestion.id = id;
  candidate.suggestion.resource_kind = kind;
  candidate.org_path = path;
  candidate.quantity = quantity;
  candidate.committed = committed;
  candidate.tags = {"老年人"};
  return candidate;
}

TEST(MatchingTest, DistanceRanksTheCommunityBeforeTheStreetBeforeTheDistrictBeforeTheCity) {
  const auto ranked = Rank(Need(),
                           {Resource(1, "/1/", "funds", 100), Resource(2, "/1/2/", "funds", 100),
                            Resource(3, "/1/2/3/5/", "funds", 100), Resource(4, "/1/2/3/4/", "funds", 100)},
                           10);
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_EQ(ranked[0].id, 4);
  EXPECT_EQ(ranked[1].id, 3);
  EXPECT_EQ(ranked[2].id, 2);
  EXPECT_EQ(ranked[3].id, 1);
  EXPECT_EQ(ranked[0].score, 40 + 10 + 30 + 20);
  EXPECT_EQ(ranked[0].parts[2].reason, "同一社区（和平里社区）");
  EXPECT_EQ(ranked[3].parts[2].reason, "全市范围（示范市）");
}

TEST(MatchingTest, ARemainingShareAndFreeDaysWeighAndEveryPartHasItsReason) {
  Candidate half = Resource(1, "/1/2/3/4/", "funds", 1000, 500);
  Candidate venue = Resource(2, "/1/2/3/4/", "venue", 20);  // too small for 30 people
  venue.window_days = 10;
  venue.free_days = 5;
  Candidate served = Resource(3, "/1/2/9/", "service", 10);  // another street, serving the community
  served.served_org_paths = {"/1/2/3/4/"};
  const auto ranked = Rank(Need(), {half, venue, served}, 10);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].id, 3);  // full capacity, served community: 40 + 10 + 30 + 20
  EXPECT_EQ(ranked[1].id, 1);  // half left: 40 + 10 + 30 + 10
  EXPECT_EQ(ranked[1].score, 90);
  EXPECT_EQ(ranked[1].parts[3].reason, "剩余 5 元（共 10 元）");
  EXPECT_EQ(ranked[2].id, 2);  // 40 + 10 + 30 + 0 (too small) + 10 (half the days free)
  EXPECT_EQ(ranked[2].score, 90);
  EXPECT_EQ(ranked[2].parts[4].reason, "需求日期前 10 天中有 5 天空闲");
  EXPECT_NE(ranked[2].explanation.find("少于 30 名受益人"), std::string::npos);
}

TEST(MatchingTest, AtMostTheLimitAreReturned) {
  std::vector<Candidate> many;
  for (int i = 1; i <= 30; ++i) many.push_back(Resource(i, "/1/2/3/4/", "service", 10));
  EXPECT_EQ(Rank(Need(), many, 10).size(), 10u);
}

}  // namespace
}  // namespace liandong::cobuild_list
