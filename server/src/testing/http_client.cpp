#include "testing/http_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <thread>

namespace liandong::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

// Percent-encodes what a browser would before sending: non-ASCII bytes and spaces.
std::string EncodeTarget(const std::string& target) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : target) {
    if (c >= 0x80 || c == ' ') {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0x0f];
    } else {
      encoded += static_cast<char>(c);
    }
  }
  return encoded;
}

}  // namespace

struct HttpClient::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  bool open = false;
};

boost::json::value HttpResult::Json() const {
  boost::system::error_code error;
  auto value = boost::json::parse(body, error);
  EXPECT_FALSE(error) << "not JSON: " << body;
  return value;
}

std::string HttpResult::Header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : std::string(it->value());
}

std::vector<std::string> HttpResult::Headers(std::string_view name) const {
  std::vector<std::string> values;
  for (auto it = headers.find(name); it != headers.end() && beast::iequals(it->name_string(), name); ++it) {
    values.emplace_back(it->value());
  }
  return values;
}

HttpClient::HttpClient(std::uint16_t port) : port_(port), connection_(std::make_unique<Connection>()) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;

HttpResult HttpClient::Send(beast::http::verb method, const std::string& target, const std::string& body,
                            const Headers& headers) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!connection_->open) {
      connection_->stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
      connection_->buffer.clear();
      connection_->open = true;
    }
    beast::http::request<beast::http::string_body> request{method, EncodeTarget(target), 11};
    request.set(beast::http::field::host, "127.0.0.1");
    if (!body.empty()) request.set(beast::http::field::content_type, "application/json");
    std::string cookie;
    for (const auto& [name, value] : cookies_) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie.empty()) request.set(beast::http::field::cookie, cookie);
    const bool changes_state = method != beast::http::verb::get && method != beast::http::verb::head;
    if (changes_state && send_csrf_ && !csrf_token_.empty()) request.set("X-CSRF-Token", csrf_token_);
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();

    beast::error_code error;
    connection_->stream.expires_after(std::chrono::seconds(30));
    beast::http::write(connection_->stream, request, error);
    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(method == beast::http::verb::head);  // a HEAD response has no body to read
    if (!error) beast::http::read(connection_->stream, connection_->buffer, parser, error);
    auto response = parser.release();
    if (error) {
      // The server may have closed an idle keep-alive connection: reconnect once.
      beast::error_code ignored;
      connection_->stream.socket().close(ignored);
      connection_->stream.expires_never();
      connection_->open = false;
      if (attempt == 0) continue;
      throw beast::system_error(error);
    }
    if (!response.keep_alive()) {
      beast::error_code ignored;
      connection_->stream.socket().close(ignored);
      connection_->open = false;
    }
    HttpResult result;
    result.status = static_cast<int>(response.result_int());
    result.body = std::move(response.body());
    result.headers = response.base();
    for (const std::string& set_cookie : result.Headers("Set-Cookie")) {
      const auto equals = set_cookie.find('=');
      const auto end = set_cookie.find(';');
      const std::string name = set_cookie.substr(0, equals);
      const std::string value = set_cookie.substr(equals + 1, end - equals - 1);
      if (value.empty() || set_cookie.find("Max-Age=0") != std::string::npos)
        cookies_.erase(name);
      else
        cookies_[name] = value;
    }
    return result;
  }
  return {};
}

HttpResult HttpClient::SignIn(const std::string& username, const std::string& password) {
  HttpResult result = Post("/api/v1/session",
                           boost::json::serialize(boost::json::object{{"username", username}, {"password", password}}));
  if (result.status == 200) csrf_token_ = std::string(result.Json().at("csrf_token").as_string());
  return result;
}

HttpResult HttpClient::SendSecondFactor(const std::string& code, bool recovery_code) {
  HttpResult result =
      Post("/api/v1/session/second-factor",
           boost::json::serialize(boost::json::object{{recovery_code ? "recovery_code" : "code", code}}));
  if (result.status == 200) csrf_token_ = std::string(result.Json().at("csrf_token").as_string());
  return result;
}

std::string SendRaw(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout) {
  return Exchange(port, bytes, timeout).bytes;
}

RawReply Exchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  boost::system::error_code error;
  asio::write(socket, asio::buffer(bytes), error);
  RawReply reply;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  socket.non_blocking(true);
  char chunk[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    const std::size_t count = socket.read_some(asio::buffer(chunk), error);
    if (error == asio::error::would_block) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (error) {
      reply.closed = true;
      break;
    }
    reply.bytes.append(chunk, count);
  }
  return reply;
}

HttpResult HttpClient::Upload(const std::string& target, const std::string& file_name, const std::string& content) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : file_name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return Send(boost::beast::http::verb::post, target, content,
              {{"X-File-Name", encoded}, {"Content-Type", "application/octet-stream"}});
}

}  // namespace liandong::testing
