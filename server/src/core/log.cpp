#include "core/log.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>

namespace liandong::core::log {
namespace {

thread_local std::string current_request_id;

// The braces of each line's JSON object; Write supplies the members after "level".
constexpr const char* kPattern = R"({"time":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l",%v})";

std::shared_ptr<spdlog::logger>& Logger() {
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto created = spdlog::stderr_logger_mt("liandong");
    created->set_pattern(kPattern, spdlog::pattern_time_type::utc);
    created->flush_on(spdlog::level::info);
    return created;
  }();
  return logger;
}

spdlog::level::level_enum ToSpdlog(Level level) {
  switch (level) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      return spdlog::level::err;
    case Level::kOff:
      return spdlog::level::off;
  }
  return spdlog::level::info;
}

}  // namespace

void Init(std::string_view level) {
  Level parsed = Level::kInfo;
  if (level == "debug")
    parsed = Level::kDebug;
  else if (level == "warn")
    parsed = Level::kWarn;
  else if (level == "error")
    parsed = Level::kError;
  else if (level == "off")
    parsed = Level::kOff;
  Logger()->set_level(ToSpdlog(parsed));
}

void Write(Level level, std::string_view event, boost::json::object fields) {
  auto& logger = Logger();
  const auto spdlog_level = ToSpdlog(level);
  if (!logger->should_log(spdlog_level)) return;
  boost::json::object line;
  line["event"] = event;
  if (!current_request_id.empty()) line["request_id"] = current_request_id;
  for (auto& field : fields) line[field.key()] = std::move(field.value());
  std::string text = boost::json::serialize(line);
  // kPattern holds the braces of the line's object; pass only this object's members.
  logger->log(spdlog_level, std::string_view(text).substr(1, text.size() - 2));
}

void CaptureForTesting(std::ostream* stream) {
  auto& sinks = Logger()->sinks();
  sinks.clear();
  if (stream != nullptr) {
    sinks.push_back(std::make_shared<spdlog::sinks::ostream_sink_mt>(*stream, true));
  } else {
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  }
  Logger()->set_pattern(kPattern, spdlog::pattern_time_type::utc);
}

RequestScope::RequestScope(std::string request_id) : previous_(std::move(current_request_id)) {
  current_request_id = std::move(request_id);
}

RequestScope::~RequestScope() { current_request_id = std::move(previous_); }

}  // namespace liandong::core::log
