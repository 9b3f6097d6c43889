#include "http/request.hpp"

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <charconv>

#include "core/error.hpp"
#include "core/text.hpp"

namespace liandong::http {
namespace {

using core::AppError;
using core::ErrorKind;

Language ParseLanguage(std::string_view accept_language) {
  // The UI is Chinese first; English only when the client's first preference is English.
  const auto first = accept_language.substr(0, accept_language.find_first_of(",;"));
  if (first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') && (first[1] == 'n' || first[1] == 'N')) {
    return Language::kEnglish;
  }
  return Language::kChinese;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Request::Request(beast_http::request<beast_http::string_body> message, std::string remote_address,
                 std::string request_id)
    : message_(std::move(message)), remote_address_(std::move(remote_address)), request_id_(std::move(request_id)) {
  auto url = boost::urls::parse_origin_form(message_.target());
  if (!url) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_target");
  path_ = url->path();
  for (auto segment : url->segments()) segments_.push_back(segment);
  for (auto param : url->params()) query_.emplace_back(param.key, param.value);
  language_ = ParseLanguage(Header("Accept-Language"));
}

std::string_view Request::Header(std::string_view name) const {
  auto it = message_.find(name);
  return it == message_.end() ? std::string_view{} : std::string_view(it->value());
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  for (auto it = message_.find(beast_http::field::cookie);
       it != message_.end() && it->name() == beast_http::field::cookie; ++it) {
    std::string_view rest = it->value();
    while (!rest.empty()) {
      const auto end = rest.find(';');
      std::string_view pair = Trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos && Trim(pair.substr(0, equals)) == name) {
        return std::string(Trim(pair.substr(equals + 1)));
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  for (const auto& [key, value] : query_) {
    if (key != name) continue;
    // Percent-decoding can make any bytes: a parameter is text, UTF-8 without control characters.
    if (!core::IsCleanText(value)) {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_text", std::string(name))
          .WithField(std::string(name));
    }
    return value;
  }
  return std::nullopt;
}

const boost::json::object& Request::Json() const {
  if (!json_) {
    boost::system::error_code error;
    json_ = boost::json::parse(message_.body(), error);
    if (error || !json_->is_object()) {
      json_.reset();
      throw AppError(ErrorKind::kInvalidArgument, "request.invalid_json",
                     error ? error.message() : "the body is not a JSON object");
    }
  }
  return json_->as_object();
}

const std::string& Request::PathText(std::string_view name) const {
  for (const auto& [key, value] : path_parameters_) {
    if (key == name) return value;
  }
  throw AppError(ErrorKind::kInternal, "server.internal", "no path parameter " + std::string(name));
}

std::int64_t Request::PathId(std::string_view name) const {
  for (const auto& [key, value] : path_parameters_) {
    if (key != name) continue;
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
    if (error != std::errc() || end != value.data() + value.size() || id <= 0) {
      throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument",
                     std::string(name) + " must be a positive integer");
    }
    return id;
  }
  throw AppError(ErrorKind::kInternal, "server.internal", "no path parameter " + std::string(name));
}

const core::Actor& Request::Actor() const {
  if (!actor_) throw AppError(ErrorKind::kUnauthenticated, "auth.unauthenticated");
  return *actor_;
}

void Request::SetAuthentication(core::Authentication authentication) {
  actor_ = std::move(authentication.actor);
  actor_->remote_address = remote_address_;
  actor_->request_id = request_id_;
  csrf_token_ = std::move(authentication.csrf_token);
}

}  // namespace liandong::http
