// Time as the application sees it: UTC seconds since the epoch, replaceable in tests.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace liandong::core {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since 1970-01-01T00:00:00Z.
  virtual std::int64_t NowSeconds() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t NowSeconds() const override;
};

// A clock that stands still until a test moves it.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t now_seconds) : now_seconds_(now_seconds) {}
  std::int64_t NowSeconds() const override { return now_seconds_.load(); }
  void Advance(std::int64_t seconds) { now_seconds_ += seconds; }

 private:
  std::atomic<std::int64_t> now_seconds_;
};

// The system clock moved by the number of seconds written in a file, re-read at most twice a
// second. For browser tests that need days to pass (overdue tasks); never for production.
class FileOffsetClock final : public Clock {
 public:
  explicit FileOffsetClock(std::string path) : path_(std::move(path)) {}
  std::int64_t NowSeconds() const override;

 private:
  std::string path_;
  mutable std::atomic<std::int64_t> offset_{0};
  mutable std::atomic<std::int64_t> read_at_ms_{-1000};
};

// "2026-01-01T08:30:00Z": how the API writes times.
std::string FormatUtc(std::int64_t seconds);

}  // namespace liandong::core
