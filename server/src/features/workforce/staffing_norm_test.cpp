#include <gtest/gtest.h>

#include "features/workforce/staffing_service.hpp"

namespace liandong::workforce {
namespace {

// The shipped norm: <2,000 → 3, 2,000–3,000 → 4, 3,000–4,000 → 5, 4,000–5,000 → 6, one more per
// 500 above, at most 17.
TEST(StaffingNorm, TheShippedNormGivesTheHeadcountOfEachBand) {
  const StaffingNorm norm = ShippedStaffingNorm();
  const std::pair<int, int> cases[] = {{0, 3},    {1999, 3}, {2000, 4},  {2999, 4},  {3000, 5},  {3999, 5},
                                       {4000, 6}, {4999, 6}, {5000, 7},  {5499, 7},  {5500, 8},  {9499, 15},
                                       {9500, 16}, {10000, 17}, {20000, 17}};
  for (const auto& [households, headcount] : cases) {
    EXPECT_EQ(norm.Required(households), headcount) << households << " households";
  }
}

TEST(StaffingNorm, TheNearestJurisdictionsLatestVersionApplies) {
  StaffingNorm city = ShippedStaffingNorm();
  city.org.id = 1;
  city.effective_from_year = 2020;
  StaffingNorm district = city;
  district.org.id = 2;
  district.effective_from_year = 2026;
  district.bands = {{0, 4}};
  StaffingNorm later = district;
  later.effective_from_year = 2027;
  const std::vector<StaffingNorm> norms{city, district, later};
  EXPECT_EQ(ResolveNorm(norms, "/1/2/3/", 2025)->org.id, 1);
  EXPECT_EQ(ResolveNorm(norms, "/1/2/3/", 2026)->effective_from_year, 2026);
  EXPECT_EQ(ResolveNorm(norms, "/1/2/3/", 2030)->effective_from_year, 2027);
  EXPECT_EQ(ResolveNorm(norms, "/1/5/6/", 2030)->org.id, 1);
  EXPECT_EQ(ResolveNorm(norms, "/1/5/6/", 2019), nullptr);
}

}  // namespace
}  // namespace liandong::workforce
