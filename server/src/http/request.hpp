// An HTTP request as handlers see it: decoded path and query, path parameters, parsed JSON body,
// the signed-in actor.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/actor.hpp"

namespace liandong::http {

namespace beast_http = boost::beast::http;

enum class Language { kChinese, kEnglish };

class Request {
 public:
  // Fails with AppError(invalid_argument, "request.invalid_target") on a target that is not an
  // origin-form URL.
  Request(beast_http::request<beast_http::string_body> message, std::string remote_address, std::string request_id);

  beast_http::verb method() const { return message_.method(); }
  const std::string& path() const { return path_; }
  const std::vector<std::string>& segments() const { return segments_; }
  const std::string& remote_address() const { return remote_address_; }
  const std::string& request_id() const { return request_id_; }
  Language language() const { return language_; }
  const std::string& body() const { return message_.body(); }
  const beast_http::request<beast_http::string_body>& message() const { return message_; }

  std::string_view Header(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const;

  // The body parsed as JSON, once; AppError(invalid_argument, "request.invalid_json") if it is
  // not a JSON object.
  const boost::json::object& Json() const;

  // A path parameter such as {id} as a positive 64-bit integer; invalid_argument otherwise.
  std::int64_t PathId(std::string_view name) const;
  // A path parameter as text ({name} of /roles/{name}), as sent after percent-decoding.
  const std::string& PathText(std::string_view name) const;
  void SetPathParameters(std::vector<std::pair<std::string, std::string>> parameters) {
    path_parameters_ = std::move(parameters);
  }

  // The signed-in actor; AppError(unauthenticated) on a public route that has none.
  const core::Actor& Actor() const;
  bool HasActor() const { return actor_.has_value(); }
  void SetAuthentication(core::Authentication authentication);
  const std::string& csrf_token() const { return csrf_token_; }

 private:
  beast_http::request<beast_http::string_body> message_;
  std::string remote_address_;
  std::string request_id_;
  std::string path_;
  std::vector<std::string> segments_;
  std::vector<std::pair<std::string, std::string>> query_;
  std::vector<std::pair<std::string, std::string>> path_parameters_;
  Language language_ = Language::kChinese;
  std::optional<core::Actor> actor_;
  std::string csrf_token_;
  mutable std::optional<boost::json::value> json_;
};

}  // namespace liandong::http
