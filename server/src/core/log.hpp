// Structured logs: one JSON object per line on standard error, with the request id of the request
// being handled on this thread. Never log passwords, tokens or personal identifiers.
#pragma once

#include <boost/json/object.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace liandong::core::log {

enum class Level { kDebug, kInfo, kWarn, kError, kOff };

// Sets up the JSON-lines logger; `level` is one of debug, info, warn, error, off.
void Init(std::string_view level);

// Sends every line to `stream` instead of standard error (nullptr: back to standard error).
// For tests that check what gets logged.
void CaptureForTesting(std::ostream* stream);

void Write(Level level, std::string_view event, boost::json::object fields = {});
inline void Info(std::string_view event, boost::json::object fields = {}) {
  Write(Level::kInfo, event, std::move(fields));
}
inline void Warn(std::string_view event, boost::json::object fields = {}) {
  Write(Level::kWarn, event, std::move(fields));
}
inline void Error(std::string_view event, boost::json::object fields = {}) {
  Write(Level::kError, event, std::move(fields));
}

// While alive, every line logged on this thread carries `request_id`.
class RequestScope {
 public:
  explicit RequestScope(std::string request_id);
  ~RequestScope();
  RequestScope(const RequestScope&) = delete;
  RequestScope& operator=(const RequestScope&) = delete;

 private:
  std::string previous_;
};

}  // namespace liandong::core::log
