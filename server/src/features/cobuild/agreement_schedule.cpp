#include "features/cobuild/agreement_schedule.hpp"

#include <algorithm>
#include <cstdio>

#include "core/china_date.hpp"
#include "features/cobuild/agreement_model.hpp"

namespace liandong::cobuild {
namespace {

struct YearMonthDay {
  int year = 0;
  int month = 0;
  int day = 0;
};

YearMonthDay Split(std::string_view date) {
  const auto number = [&](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (date[i] - '0');
    return value;
  };
  return {number(0, 4), number(5, 2), number(8, 2)};
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::string Format(int year, int month, int day) {
  char text[40];  // room for any int, so that the compiler sees no truncation
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

int MonthsOf(std::string_view rhythm) {
  if (rhythm == "monthly") return 1;
  if (rhythm == "quarterly") return 3;
  if (rhythm == "yearly") return 12;
  return 0;
}

}  // namespace

bool IsCommitmentKind(std::string_view kind) {
  return kind == "venue" || kind == "funds" || kind == "volunteer_team" || kind == "service" ||
         kind == "paired_households" || kind == "suggestions";
}

bool IsRhythm(std::string_view rhythm) {
  return rhythm == "once" || rhythm == "monthly" || rhythm == "quarterly" || rhythm == "yearly";
}

std::string AddMonths(std::string_view date, int months) {
  const YearMonthDay from = Split(date);
  const int index = from.year * 12 + (from.month - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  return Format(year, month, std::min(from.day, DaysInMonth(year, month)));
}

std::vector<ReportPeriod> ReportPeriods(std::string_view start_on, std::string_view end_on) {
  std::vector<ReportPeriod> periods;
  YearMonthDay at = Split(start_on);
  std::string start(start_on);
  while (start <= end_on) {
    const int quarter_last_month = ((at.month - 1) / 3) * 3 + 3;
    std::string quarter_end = Format(at.year, quarter_last_month, DaysInMonth(at.year, quarter_last_month));
    std::string end = std::min(quarter_end, std::string(end_on));
    periods.push_back({start, end, core::AddDays(end, kReportGraceDays)});
    start = core::AddDays(quarter_end, 1);
    at = Split(start);
  }
  return periods;
}

std::int64_t ExpectedBy(std::int64_t quantity, std::string_view rhythm, std::string_view start_on,
                        std::string_view end_on, const std::optional<std::string>& terminated_on,
                        std::string_view as_of) {
  std::string limit(std::min(as_of, end_on));
  if (terminated_on && *terminated_on < limit) limit = *terminated_on;
  const bool term_over = limit == end_on && as_of >= end_on && !(terminated_on && *terminated_on < end_on);
  const int months = MonthsOf(rhythm);
  if (months == 0) return term_over ? quantity : 0;
  std::int64_t periods = 0;
  for (int k = 1;; ++k) {
    const std::string period_start = AddMonths(start_on, (k - 1) * months);
    if (period_start > end_on) break;
    const std::string period_end = std::min(core::AddDays(AddMonths(start_on, k * months), -1), std::string(end_on));
    if (period_end > limit) break;
    ++periods;
  }
  return periods * quantity;
}

std::string StateOn(std::string_view start_on, std::string_view end_on,
                    const std::optional<std::string>& terminated_on, std::string_view today) {
  if (terminated_on && *terminated_on <= today) return "terminated";
  if (end_on < today) return "ended";
  if (start_on > today) return "upcoming";
  if (core::AddDays(today, kExpiringDays) >= end_on) return "expiring";
  return "active";
}

}  // namespace liandong::cobuild
