#include "core/china_date.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/text.hpp"

namespace liandong::core {
namespace {

TEST(ChinaDateTest, ADayStartsAtSixteenHundredUtcTheDayBefore) {
  EXPECT_EQ(ChinaDate(1'767'196'799), "2025-12-31");  // 2025-12-31T15:59:59Z
  EXPECT_EQ(ChinaDate(1'767'196'800), "2026-01-01");  // 2025-12-31T16:00:00Z
  EXPECT_EQ(ChinaDayStart("2026-01-01"), 1'767'196'800);
  EXPECT_EQ(ChinaDateTime(1'767'196'799), "2025-12-31 23:59");
  EXPECT_EQ(ChinaDateTime(1'767'256'200), "2026-01-01 16:30");  // 08:30Z
}

TEST(ChinaDateTest, AddsDaysAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays("2026-01-31", 1), "2026-02-01");
  EXPECT_EQ(AddDays("2026-01-01", -1), "2025-12-31");
  EXPECT_EQ(AddDays("2028-02-28", 1), "2028-02-29");
  EXPECT_EQ(DaysOfIsoDate("2026-03-01") - DaysOfIsoDate("2026-02-01"), 28);
  EXPECT_EQ(IsoDateOfDays(DaysOfIsoDate("1999-12-31")), "1999-12-31");
}

TEST(ChinaDateTest, AsOfIsAUtcTimeOrTheLastSecondOfAChinaDate) {
  EXPECT_EQ(ParseAsOf("2026-01-01T08:30:00Z"), 1'767'256'200);
  EXPECT_EQ(ParseAsOf("2026-01-01"), ChinaDayStart("2026-01-02") - 1);
  for (const char* bad : {"", "2026-13-01", "2026-01-01T24:00:00Z", "2026-01-01T08:30:00", "1767256200",
                          "2026-01-01T08:3a:00Z"}) {
    EXPECT_THROW(ParseAsOf(bad), AppError) << bad;
  }
}

TEST(TextTest, CountsCharactersNotBytes) {
  EXPECT_EQ(CharacterCount("党建"), 2u);
  EXPECT_EQ(CharacterCount("a党b"), 3u);
  EXPECT_EQ(CharacterCount(""), 0u);
}

}  // namespace
}  // namespace liandong::core
