// Calendar dates as users mean them: "YYYY-MM-DD" in China time (UTC+8, no daylight saving).
// Deadlines are the last day on which the work counts as on time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace liandong::core {

constexpr std::int64_t kChinaOffsetSeconds = 8 * 60 * 60;

// Days since 1970-01-01 of a valid ISO date (check it with IsIsoDate first).
std::int64_t DaysOfIsoDate(std::string_view date);
// The ISO date of a day count since 1970-01-01.
std::string IsoDateOfDays(std::int64_t days);
// The China date at a UTC time in seconds.
std::string ChinaDate(std::int64_t utc_seconds);
// "YYYY-MM-DD HH:MM", China time, at a UTC time in seconds: a moment as a sheet or page shows it.
std::string ChinaDateTime(std::int64_t utc_seconds);
// The UTC second at which a China date begins.
std::int64_t ChinaDayStart(std::string_view date);
// `date` moved by `days` (negative: back).
std::string AddDays(std::string_view date, std::int64_t days);

// A moment as the API takes it in `as_of`: "YYYY-MM-DDTHH:MM:SSZ" (UTC), or a China date meaning
// its last second. AppError(invalid_argument, "request.invalid_argument", "as_of") otherwise.
std::int64_t ParseAsOf(std::string_view text);

}  // namespace liandong::core
