#include "core/china_date.hpp"

#include <cstdio>

#include "core/error.hpp"
#include "core/identity.hpp"

namespace liandong::core {
namespace {

using core::AppError;
using core::ErrorKind;

bool IsDigits(std::string_view text) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Digits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

// H. Hinnant's days_from_civil and civil_from_days.
std::int64_t DaysOfIsoDate(std::string_view date) {
  const int year = Digits(date.substr(0, 4));
  const unsigned month = static_cast<unsigned>(Digits(date.substr(5, 2)));
  const unsigned day = static_cast<unsigned>(Digits(date.substr(8, 2)));
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string IsoDateOfDays(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char text[48];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y + (m <= 2 ? 1 : 0)), m, d);
  return text;
}

std::string ChinaDate(std::int64_t utc_seconds) {
  return IsoDateOfDays(FloorDiv(utc_seconds + kChinaOffsetSeconds, 86400));
}

std::string ChinaDateTime(std::int64_t utc_seconds) {
  const std::int64_t local = utc_seconds + kChinaOffsetSeconds;
  const std::int64_t minute_of_day = (local - FloorDiv(local, 86400) * 86400) / 60;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(minute_of_day / 60),
                static_cast<int>(minute_of_day % 60));
  return ChinaDate(utc_seconds) + " " + clock;
}

std::int64_t ChinaDayStart(std::string_view date) { return DaysOfIsoDate(date) * 86400 - kChinaOffsetSeconds; }

std::string AddDays(std::string_view date, std::int64_t days) { return IsoDateOfDays(DaysOfIsoDate(date) + days); }

std::int64_t ParseAsOf(std::string_view text) {
  const std::string_view date = text.substr(0, 10);
  if (!IsIsoDate(date)) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "as_of");
  if (text.size() == 10) return ChinaDayStart(date) + 24 * 60 * 60 - 1;
  // YYYY-MM-DDTHH:MM:SSZ
  const std::string_view time = text.substr(10);
  if (time.size() != 10 || time[0] != 'T' || time[3] != ':' || time[6] != ':' || time[9] != 'Z' ||
      !IsDigits(time.substr(1, 2)) || !IsDigits(time.substr(4, 2)) || !IsDigits(time.substr(7, 2))) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "as_of");
  }
  const int hours = Digits(time.substr(1, 2));
  const int minutes = Digits(time.substr(4, 2));
  const int seconds = Digits(time.substr(7, 2));
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "as_of");
  }
  return DaysOfIsoDate(date) * 24 * 60 * 60 + hours * 3600 + minutes * 60 + seconds;
}

}  // namespace liandong::core
