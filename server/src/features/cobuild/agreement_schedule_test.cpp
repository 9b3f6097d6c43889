#include "features/cobuild/agreement_schedule.hpp"

#include <gtest/gtest.h>

namespace liandong::cobuild {
namespace {

TEST(AgreementScheduleTest, ReportsFollowTheCalendarQuartersOfTheTerm) {
  const auto periods = ReportPeriods("2026-02-15", "2026-08-20");
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_EQ(periods[0].period_start, "2026-02-15");
  EXPECT_EQ(periods[0].period_end, "2026-03-31");
  EXPECT_EQ(periods[0].due_on, "2026-04-10");
  EXPECT_EQ(periods[1].period_start, "2026-04-01");
  EXPECT_EQ(periods[1].period_end, "2026-06-30");
  EXPECT_EQ(periods[2].period_end, "2026-08-20");
  EXPECT_EQ(periods[2].due_on, "2026-08-30");
  EXPECT_EQ(ReportPeriods("2026-12-31", "2026-12-31").size(), 1u);
}

TEST(AgreementScheduleTest, MonthsClampToTheMonthsLastDay) {
  EXPECT_EQ(AddMonths("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(AddMonths("2028-01-31", 1), "2028-02-29");
  EXPECT_EQ(AddMonths("2026-11-15", 3), "2027-02-15");
}

TEST(AgreementScheduleTest, CommitmentsFallDuePeriodByPeriod) {
  const std::optional<std::string> running;
  EXPECT_EQ(ExpectedBy(2, "monthly", "2026-01-01", "2026-12-31", running, "2026-01-30"), 0);
  EXPECT_EQ(ExpectedBy(2, "monthly", "2026-01-01", "2026-12-31", running, "2026-01-31"), 2);
  EXPECT_EQ(ExpectedBy(1, "quarterly", "2026-01-01", "2026-12-31", running, "2026-07-01"), 2);
  EXPECT_EQ(ExpectedBy(3, "once", "2026-01-01", "2026-12-31", running, "2026-12-30"), 0);
  EXPECT_EQ(ExpectedBy(3, "once", "2026-01-01", "2026-12-31", running, "2027-03-01"), 3);
  // A short last period counts once the term is over; nothing falls due after a termination.
  EXPECT_EQ(ExpectedBy(1, "yearly", "2026-01-01", "2027-03-31", running, "2027-06-01"), 2);
  EXPECT_EQ(ExpectedBy(1, "monthly", "2026-01-01", "2026-12-31", std::string("2026-03-15"), "2026-12-31"), 2);
  EXPECT_EQ(ExpectedBy(3, "once", "2026-01-01", "2026-12-31", std::string("2026-03-15"), "2027-01-01"), 0);
}

TEST(AgreementScheduleTest, StateFollowsTheTerm) {
  const std::optional<std::string> running;
  EXPECT_EQ(StateOn("2026-02-01", "2026-12-31", running, "2026-01-31"), "upcoming");
  EXPECT_EQ(StateOn("2026-01-01", "2026-12-31", running, "2026-06-01"), "active");
  EXPECT_EQ(StateOn("2026-01-01", "2026-12-31", running, "2026-12-01"), "expiring");
  EXPECT_EQ(StateOn("2026-01-01", "2026-12-31", running, "2027-01-01"), "ended");
  EXPECT_EQ(StateOn("2026-01-01", "2026-12-31", std::string("2026-05-01"), "2026-06-01"), "terminated");
}

}  // namespace
}  // namespace liandong::cobuild
