#include "core/clock.hpp"

#include <chrono>

namespace liandong::core {

std::int64_t SystemClock::NowSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace liandong::core
