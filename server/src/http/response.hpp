// What a handler returns. The server adds the security headers and the request id.
#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

namespace liandong::http {

struct Response {
  boost::beast::http::status status = boost::beast::http::status::ok;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie, Cache-Control, …

  void AddHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// JSON text with numbers in plain notation ("0", "12.5"), not Boost.JSON's exponent form ("0E0").
std::string SerializeJson(const boost::json::value& value);

Response Json(boost::beast::http::status status, const boost::json::value& body);
inline Response Ok(const boost::json::value& body) { return Json(boost::beast::http::status::ok, body); }
inline Response Created(const boost::json::value& body) { return Json(boost::beast::http::status::created, body); }
Response NoContent();

}  // namespace liandong::http
