#include "core/clock.hpp"

#include <chrono>
#include <ctime>
#include <fstream>

namespace liandong::core {

std::int64_t SystemClock::NowSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::int64_t FileOffsetClock::NowSeconds() const {
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now().time_since_epoch())
                                  .count();
  if (now_ms - read_at_ms_.load() >= 500) {
    std::ifstream file(path_);
    long long offset = 0;
    if (file >> offset) offset_ = offset;
    read_at_ms_ = now_ms;
  }
  return SystemClock().NowSeconds() + offset_.load();
}

std::string FormatUtc(std::int64_t seconds) {
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace liandong::core
