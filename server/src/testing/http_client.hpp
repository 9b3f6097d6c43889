// A small blocking HTTP/1.1 client for tests, with one keep-alive connection, a cookie jar for the
// session cookie and the CSRF header of the signed-in user.
#pragma once

#include <boost/beast/http.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace liandong::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  boost::beast::http::fields headers;

  // The body as JSON (test failure if it is not).
  boost::json::value Json() const;
  std::string Header(std::string_view name) const;
  // Every value of a repeated header such as Set-Cookie.
  std::vector<std::string> Headers(std::string_view name) const;
};

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) = delete;

  using Headers = std::vector<std::pair<std::string, std::string>>;
  HttpResult Send(boost::beast::http::verb method, const std::string& target, const std::string& body = {},
                  const Headers& headers = {});
  HttpResult Get(const std::string& target, const Headers& headers = {}) {
    return Send(boost::beast::http::verb::get, target, {}, headers);
  }
  HttpResult Post(const std::string& target, const std::string& body, const Headers& headers = {}) {
    return Send(boost::beast::http::verb::post, target, body, headers);
  }
  HttpResult Patch(const std::string& target, const std::string& body, const Headers& headers = {}) {
    return Send(boost::beast::http::verb::patch, target, body, headers);
  }
  HttpResult Delete(const std::string& target, const Headers& headers = {}) {
    return Send(boost::beast::http::verb::delete_, target, {}, headers);
  }
  // Uploads a file the way the web app does: the bytes as the body, the UTF-8 name percent-encoded
  // in X-File-Name.
  HttpResult Upload(const std::string& target, const std::string& file_name, const std::string& content);

  // Logs in; keeps the cookie and the CSRF token for later requests. Returns the login response.
  HttpResult SignIn(const std::string& username, const std::string& password);
  // The second step of a login: a TOTP code, or a recovery code.
  HttpResult SendSecondFactor(const std::string& code, bool recovery_code = false);
  const std::string& csrf_token() const { return csrf_token_; }
  // Sends the CSRF header on state-changing requests (on by default once signed in).
  void set_send_csrf(bool send) { send_csrf_ = send; }
  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  struct Connection;
  std::uint16_t port_;
  std::unique_ptr<Connection> connection_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_token_;
  bool send_csrf_ = true;
};

// Sends raw bytes on a fresh connection and returns everything read until the server closes
// it or `timeout` passes: for malformed and oversized requests.
std::string SendRaw(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout);

// What the server sent back, and whether it closed the connection (rather than the deadline
// passing with the connection open): a way to test that something happened without timing it.
struct RawReply {
  std::string bytes;
  bool closed = false;
};
RawReply Exchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout);

}  // namespace liandong::testing
