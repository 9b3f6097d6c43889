#include "http/response.hpp"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>

namespace liandong::http {
namespace {

// Boost.JSON writes every double in exponent form (0.0 as "0E0", 12.5 as "1.25E1"). Numbers are
// written here as people and spreadsheets read them: the shortest text that reads back the same,
// in plain notation where that is at most as long ("0", "12.5", "0.167").
void RewriteNumber(std::string_view token, std::string& out) {
  double value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (error != std::errc() || end != token.data() + token.size() || !std::isfinite(value)) {
    out += token;
    return;
  }
  char buffer[64];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, written.ptr);
}

// True when a double lies anywhere in `value`: only doubles come out in exponent form, so a
// document without one is written as Boost.JSON writes it, not copied again character by character
// (any "e" in a key or a string would otherwise send it through the rewrite).
bool HasDouble(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::double_:
      return true;
    case boost::json::kind::array:
      for (const boost::json::value& item : value.get_array()) {
        if (HasDouble(item)) return true;
      }
      return false;
    case boost::json::kind::object:
      for (const auto& member : value.get_object()) {
        if (HasDouble(member.value())) return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace

std::string SerializeJson(const boost::json::value& value) {
  std::string text = boost::json::serialize(value);
  if (!HasDouble(value)) return text;
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (c == '"') in_string = false;
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      ++i;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < text.size() && std::string_view("0123456789.eE+-").find(text[end]) != std::string_view::npos) ++end;
      const std::string_view token(text.data() + i, end - i);
      if (token.find_first_of("Ee.") == std::string_view::npos) {
        out += token;
      } else {
        RewriteNumber(token, out);
      }
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

Response Json(boost::beast::http::status status, const boost::json::value& body) {
  Response response;
  response.status = status;
  response.body = SerializeJson(body);
  return response;
}

Response NoContent() {
  Response response;
  response.status = boost::beast::http::status::no_content;
  response.content_type.clear();
  return response;
}

}  // namespace liandong::http
