// The calendar of an agreement, as pure functions of its dates: the quarterly reports its term
// calls for, what each commitment calls for by a day, and the state on a day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liandong::cobuild {

struct ReportPeriod {
  std::string period_start;
  std::string period_end;
  std::string due_on;
};

// One period per calendar quarter that the term [start_on, end_on] touches, cut to the term; each
// due kReportGraceDays after its end. Both dates valid ISO dates, start_on <= end_on.
std::vector<ReportPeriod> ReportPeriods(std::string_view start_on, std::string_view end_on);

// `date` moved by whole months, the day clamped to the month's last (2026-01-31 + 1 → 2026-02-28).
std::string AddMonths(std::string_view date, int months);

// How much of a commitment of `quantity` per `rhythm` period is due by `as_of`: one quantity per
// period of the term ended by then (the last period of the term counts when the term has ended,
// even if short); "once" is due when the term has ended. Nothing falls due after a termination.
std::int64_t ExpectedBy(std::int64_t quantity, std::string_view rhythm, std::string_view start_on,
                        std::string_view end_on, const std::optional<std::string>& terminated_on,
                        std::string_view as_of);

// upcoming, active, expiring (ends within kExpiringDays), ended, terminated: on `today`.
std::string StateOn(std::string_view start_on, std::string_view end_on,
                    const std::optional<std::string>& terminated_on, std::string_view today);

}  // namespace liandong::cobuild
