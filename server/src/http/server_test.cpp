// The HTTP server end to end over real sockets: limits, errors, headers, static files, keep-alive,
// shutdown. Uses its own small route table, so no database is involved.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "http/static_files.hpp"
#include "testing/http_client.hpp"

namespace liandong::http {
namespace {

namespace asio = boost::asio;
using testing::HttpClient;
using testing::SendRaw;

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::InitCrypto();
    core::log::Init("off");
    directory_ = std::filesystem::temp_directory_path() / ("liandong-http-" + core::RandomHex(6));
    WriteFile(directory_ / "secret.txt", "TOP-SECRET");
    WriteFile(directory_ / "dist" / "index.html", "<!doctype html><title>联动</title>");
    WriteFile(directory_ / "dist" / "assets" / "app-3f2a1b.js", "console.log(1)");
    // The build's precompressed copies (their bytes stand in for real brotli and gzip output).
    WriteFile(directory_ / "dist" / "assets" / "app-3f2a1b.js.br", "BROTLI-BYTES");
    WriteFile(directory_ / "dist" / "assets" / "app-3f2a1b.js.gz", "GZIP-BYTES");
    WriteFile(directory_ / "dist" / "favicon.svg", "<svg/>");

    router_.Add(
        Verb::get, "/api/v1/ping", Access::kPublic,
        [](Request&) {
          return Ok(boost::json::object{{"pong", true}});
        },
        Execution::kInline);
    router_.Add(Verb::get, "/api/v1/slow", Access::kPublic, [](Request&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(700));
      return Ok(boost::json::object{{"slow", true}});
    });
    router_.Add(Verb::post, "/api/v1/echo", Access::kPublic, [](Request& request) { return Ok(request.Json()); });
    router_.Add(Verb::get, "/api/v1/private", "demo:read", [](Request& request) {
      return Ok(boost::json::object{{"user", request.Actor().username}});
    });
    router_.Add(Verb::post, "/api/v1/private", "demo:read", [](Request&) { return NoContent(); });
    router_.Add(Verb::get, "/api/v1/secret", "demo:write", [](Request&) { return Ok(boost::json::object{{"secret", 42}}); });
    router_.Add(Verb::get, "/api/v1/explode", Access::kPublic, [](Request&) -> Response {
      throw std::runtime_error("SELECT secret FROM table_name at /srv/liandong/src/x.cpp:12");
    });
    pipeline_ = std::make_unique<Pipeline>(
        router_, StaticFiles(directory_ / "dist"),
        [](std::string_view token) {
          if (token != "good-token") throw core::AppError(core::ErrorKind::kUnauthenticated, "auth.unauthenticated");
          core::Authentication authentication;
          authentication.actor.username = "tester";
          authentication.actor.permissions = {"demo:read"};
          authentication.csrf_token = "csrf-123";
          return authentication;
        },
        false, [this](const Request& request, std::string_view code) {
          denials_.push_back(request.path() + " " + std::string(code));
        });
  }

  void TearDown() override {
    if (server_) {
      server_->Stop();
      server_->Wait();
    }
    std::filesystem::remove_all(directory_);
  }

  void StartServer(ServerConfig config = {}) {
    config.port = 0;
    server_ = std::make_unique<Server>(config, *pipeline_);
    server_->Start();
  }

  std::uint16_t port() const { return server_->port(); }

  static void ExpectErrorBody(const testing::HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_NE(result.Header("Content-Type").find("application/json"), std::string::npos);
    const auto body = result.Json();
    ASSERT_TRUE(body.is_object()) << result.body;
    const auto& error = body.at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), code);
    EXPECT_FALSE(error.at("message").as_string().empty());
    EXPECT_EQ(error.at("request_id").as_string(), result.Header("X-Request-Id"));
  }

  std::filesystem::path directory_;
  Router router_;
  std::unique_ptr<Pipeline> pipeline_;
  std::vector<std::string> denials_;  // written by the pipeline on a worker, read after the reply
  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, UnknownPathWrongMethodAndBadJsonAreJsonErrors) {
  StartServer();
  HttpClient client(port());
  ExpectErrorBody(client.Get("/api/v1/nothing-here"), 404, "request.not_found");
  const auto wrong_method = client.Send(boost::beast::http::verb::put, "/api/v1/ping");
  ExpectErrorBody(wrong_method, 405, "request.method_not_allowed");
  EXPECT_EQ(wrong_method.Header("Allow"), "GET");
  ExpectErrorBody(client.Post("/api/v1/echo", "{\"a\":"), 400, "request.invalid_json");
  ExpectErrorBody(client.Post("/api/v1/echo", "[1,2]"), 400, "request.invalid_json");
  EXPECT_EQ(client.Post("/api/v1/echo", "{\"名字\":\"和平\"}").Json().at("名字").as_string(), "和平");
}

TEST_F(ServerTest, MessagesAreChineseByDefaultAndEnglishOnRequest) {
  StartServer();
  HttpClient client(port());
  EXPECT_EQ(client.Get("/api/v1/nothing").Json().at("error").at("message").as_string(), "请求的地址不存在");
  EXPECT_EQ(client.Get("/api/v1/nothing", {{"Accept-Language", "en-US,en;q=0.9"}})
                .Json()
                .at("error")
                .at("message")
                .as_string(),
            "No such address");
  EXPECT_EQ(client.Get("/api/v1/nothing", {{"Accept-Language", "zh-CN,en;q=0.5"}})
                .Json()
                .at("error")
                .at("message")
                .as_string(),
            "请求的地址不存在");
}

TEST_F(ServerTest, InternalErrorsRevealNothing) {
  StartServer();
  HttpClient client(port());
  const auto result = client.Get("/api/v1/explode");
  ExpectErrorBody(result, 500, "server.internal");
  EXPECT_EQ(result.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(result.body.find("/srv"), std::string::npos);
  EXPECT_EQ(result.body.find(".cpp"), std::string::npos);
}

TEST_F(ServerTest, EveryResponseCarriesTheSecurityHeaders) {
  StartServer();
  HttpClient client(port());
  for (const char* target : {"/api/v1/ping", "/api/v1/nothing", "/", "/assets/app-3f2a1b.js"}) {
    const auto result = client.Get(target);
    EXPECT_EQ(result.Header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_FALSE(result.Header("Referrer-Policy").empty()) << target;
    EXPECT_NE(result.Header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_EQ(result.Header("X-Request-Id").size(), 16u) << target;
  }
  EXPECT_EQ(client.Get("/api/v1/ping").Header("Cache-Control"), "no-store");
  EXPECT_EQ(client.Get("/api/v1/nothing").Header("Cache-Control"), "no-store");
}

TEST_F(ServerTest, ServesTheWebAppWithTypesAndCaching) {
  StartServer();
  HttpClient client(port());
  const auto index = client.Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("Cache-Control"), "no-cache");
  EXPECT_NE(index.body.find("联动"), std::string::npos);

  const auto route = client.Get("/orgs/5/members");
  EXPECT_EQ(route.status, 200) << "client-side routes get the app";
  EXPECT_EQ(route.body, index.body);

  const auto script = client.Get("/assets/app-3f2a1b.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(client.Get("/favicon.svg").Header("Content-Type"), "image/svg+xml");

  ExpectErrorBody(client.Get("/assets/missing-123.js"), 404, "request.not_found");
  ExpectErrorBody(client.Post("/index.html", "{}"), 405, "request.method_not_allowed");

  const auto head = client.Send(boost::beast::http::verb::head, "/");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.Header("Content-Length"), std::to_string(index.body.size()));
}

TEST_F(ServerTest, ServesThePrecompressedCopyTheClientAccepts) {
  StartServer();
  HttpClient client(port());
  struct Case {
    std::string accept_encoding;
    std::string body;
    std::string content_encoding;
  };
  for (const Case& c : std::vector<Case>{{"gzip, deflate, br", "BROTLI-BYTES", "br"},
                                         {"gzip", "GZIP-BYTES", "gzip"},
                                         {"br;q=0, gzip;q=0.5", "GZIP-BYTES", "gzip"},
                                         {"identity", "console.log(1)", ""},
                                         {"", "console.log(1)", ""}}) {
    const auto script = client.Get("/assets/app-3f2a1b.js", {{"Accept-Encoding", c.accept_encoding}});
    EXPECT_EQ(script.status, 200) << c.accept_encoding;
    EXPECT_EQ(script.body, c.body) << c.accept_encoding;
    EXPECT_EQ(script.Header("Content-Encoding"), c.content_encoding) << c.accept_encoding;
    EXPECT_EQ(script.Header("Content-Type"), "text/javascript; charset=utf-8") << "the type of the original";
    EXPECT_EQ(script.Header("Vary"), "Accept-Encoding") << "caches keep the copies apart";
  }
  // A file without copies is sent as it is, whatever the client accepts.
  const auto icon = client.Get("/favicon.svg", {{"Accept-Encoding", "br, gzip"}});
  EXPECT_EQ(icon.body, "<svg/>");
  EXPECT_EQ(icon.Header("Content-Encoding"), "");
}

TEST(AcceptsEncodingTest, ReadsTheListWithItsWeights) {
  struct Case {
    std::string_view header;
    std::string_view coding;
    bool accepted;
  };
  for (const Case& c : std::initializer_list<Case>{{"gzip, deflate, br", "br", true},
                                                   {"gzip, deflate, br", "gzip", true},
                                                   {"GZIP", "gzip", true},
                                                   {"deflate", "gzip", false},
                                                   {"br;q=0", "br", false},
                                                   {"br; q=0.0, gzip", "br", false},
                                                   {"br;q=0.1", "br", true},
                                                   {"xbr, brx", "br", false},
                                                   {"", "br", false}}) {
    EXPECT_EQ(AcceptsEncoding(c.header, c.coding), c.accepted) << c.header << " / " << c.coding;
  }
}

TEST_F(ServerTest, PathTraversalCannotLeaveTheWebRoot) {
  StartServer();
  for (const char* target : {"/..%2fsecret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                             "/..%5csecret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/../secret.txt",
                             "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/secret.txt%00.js"}) {
    HttpClient client(port());
    const auto result = client.Get(target);
    EXPECT_EQ(result.body.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(result.body.find("root:"), std::string::npos) << target;
    EXPECT_TRUE(result.status == 404 || result.status == 400) << target << " → " << result.status;
  }
}

TEST_F(ServerTest, RefusesABodyOverOneMebibyteBeforeReadingIt) {
  StartServer();
  // The head promises 2 MB and no body follows: only a server that answers from the head replies.
  const std::string reply = SendRaw(port(),
                                    "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    "Content-Length: 2000000\r\n\r\n",
                                    std::chrono::milliseconds(3000));
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply;
  EXPECT_NE(reply.find("request.body_too_large"), std::string::npos);

  const std::string chunk(600 * 1024, 'x');
  std::string chunked = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 2; ++i) {
    std::ostringstream size;
    size << std::hex << chunk.size();
    chunked += size.str() + "\r\n" + chunk + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string chunked_reply = SendRaw(port(), chunked, std::chrono::milliseconds(3000));
  EXPECT_TRUE(chunked_reply.starts_with("HTTP/1.1 413")) << chunked_reply.substr(0, 200);

  HttpClient client(port());
  const std::string just_under = "{\"x\":\"" + std::string(1024 * 1024 - 16, 'a') + "\"}";
  EXPECT_EQ(client.Post("/api/v1/echo", just_under).status, 200);
}

TEST_F(ServerTest, RefusesAHeadOverEightKibibytes) {
  StartServer();
  const std::string reply =
      SendRaw(port(), "GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(9000, 'a') + "\r\n\r\n",
              std::chrono::milliseconds(3000));
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 431")) << reply.substr(0, 200);
  EXPECT_NE(reply.find("request.header_too_large"), std::string::npos);
  HttpClient client(port());
  EXPECT_EQ(client.Get("/api/v1/ping", {{"X-Filler", std::string(6000, 'a')}}).status, 200);
}

TEST_F(ServerTest, MalformedRequestsGetA400) {
  StartServer();
  const std::string reply = SendRaw(port(), "GARBAGE\r\n\r\n", std::chrono::milliseconds(3000));
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply;
}

TEST_F(ServerTest, IdleKeepAliveSocketsDoNotDelayOthers) {
  ServerConfig config;
  config.head_timeout = std::chrono::seconds(60);  // the idle sockets outlive our deadline below
  config.idle_timeout = std::chrono::seconds(60);
  StartServer(config);
  asio::io_context io;
  std::vector<asio::ip::tcp::socket> idle;
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port());
  for (int i = 0; i < 300; ++i) {
    idle.emplace_back(io);
    idle.back().connect(endpoint);
    if (i % 2 == 0) {
      // Half have made one request and now sit idle on keep-alive; half never sent a byte.
      const std::string request = "GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n";
      asio::write(idle.back(), asio::buffer(request));
      char buffer[1024];
      idle.back().read_some(asio::buffer(buffer));
    }
  }
  // A starved request would wait until our deadline, far past any normal answer, with the idle
  // sockets still open (their own timeout is longer): the reply arriving, and the server closing
  // the connection as asked, is the property; how fast it came is for bench/.
  const std::chrono::milliseconds deadline(20000);
  const testing::RawReply inline_reply =
      testing::Exchange(port(), "GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", deadline);
  EXPECT_TRUE(inline_reply.bytes.starts_with("HTTP/1.1 200")) << inline_reply.bytes;
  EXPECT_TRUE(inline_reply.closed) << "answered on the I/O thread despite the idle sockets";
  const testing::RawReply worker_reply = testing::Exchange(
      port(),
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
      "Connection: close\r\n\r\n{}",
      deadline);
  EXPECT_TRUE(worker_reply.bytes.starts_with("HTTP/1.1 200")) << worker_reply.bytes;
  EXPECT_TRUE(worker_reply.closed) << "answered on the worker pool despite the idle sockets";
}

TEST_F(ServerTest, SlowHeadsAndIdleConnectionsAreClosed) {
  ServerConfig config;
  config.head_timeout = std::chrono::seconds(1);
  config.idle_timeout = std::chrono::seconds(1);
  StartServer(config);
  // The server, not our much later deadline, ends the connection: with nothing sent back.
  const testing::RawReply reply =
      testing::Exchange(port(), "GET /api/v1/ping HTTP/1.1\r\nHost", std::chrono::milliseconds(20000));
  EXPECT_TRUE(reply.bytes.empty()) << reply.bytes;
  EXPECT_TRUE(reply.closed) << "the unfinished head was not cut off";
}

TEST_F(ServerTest, ConnectionsOverTheCapAreRefusedWith503) {
  ServerConfig config;
  config.max_connections = 3;
  StartServer(config);
  asio::io_context io;
  std::vector<asio::ip::tcp::socket> held;
  for (int i = 0; i < 3; ++i) {
    held.emplace_back(io);
    held.back().connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port()));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const std::string reply =
      SendRaw(port(), "GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n", std::chrono::milliseconds(2000));
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 503")) << reply;
  EXPECT_NE(reply.find("server.unavailable"), std::string::npos);
}

TEST_F(ServerTest, SignedInRoutesNeedASessionAndStateChangesNeedTheCsrfHeader) {
  StartServer();
  HttpClient anonymous(port());
  ExpectErrorBody(anonymous.Get("/api/v1/private"), 401, "auth.unauthenticated");

  HttpClient client(port());
  client.cookies()["liandong_session"] = "good-token";
  EXPECT_EQ(client.Get("/api/v1/private").Json().at("user").as_string(), "tester");
  ExpectErrorBody(client.Post("/api/v1/private", "{}"), 403, "auth.csrf_invalid");
  ExpectErrorBody(client.Post("/api/v1/private", "{}", {{"X-CSRF-Token", "wrong"}}), 403, "auth.csrf_invalid");
  EXPECT_EQ(client.Post("/api/v1/private", "{}", {{"X-CSRF-Token", "csrf-123"}}).status, 204);

  HttpClient forged(port());
  forged.cookies()["liandong_session"] = "forged";
  ExpectErrorBody(forged.Get("/api/v1/private"), 401, "auth.unauthenticated");
}

TEST_F(ServerTest, ARouteAnswersOnlyRolesGrantingItsPermissionAndDenialsAreRecorded) {
  StartServer();
  HttpClient client(port());
  client.cookies()["liandong_session"] = "good-token";
  EXPECT_EQ(client.Get("/api/v1/private").status, 200);
  const auto denied = client.Get("/api/v1/secret");
  ExpectErrorBody(denied, 403, "auth.permission_denied");
  // Nothing of the handler's answer: only the error (whose random request id may hold any digits).
  EXPECT_EQ(denied.Json().as_object().size(), 1u) << denied.body;
  EXPECT_EQ(denied.body.find("secret"), std::string::npos);
  ASSERT_EQ(denials_.size(), 1u);
  EXPECT_EQ(denials_[0], "/api/v1/secret auth.permission_denied");
  HttpClient anonymous(port());
  ExpectErrorBody(anonymous.Get("/api/v1/secret"), 401, "auth.unauthenticated");
  EXPECT_EQ(denials_.size(), 1u) << "only signed-in denials are audited; 401s are not denials of an actor";
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  StartServer();
  const std::string reply = SendRaw(port(),
                                    "GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n"
                                    "GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                    std::chrono::milliseconds(2000));
  const auto first = reply.find("HTTP/1.1 200");
  const auto second = reply.find("HTTP/1.1 404");
  ASSERT_NE(first, std::string::npos) << reply;
  ASSERT_NE(second, std::string::npos) << reply;
  EXPECT_LT(first, second);
}

TEST_F(ServerTest, ShutdownFinishesInFlightRequestsThenStops) {
  StartServer();
  auto in_flight = std::async(std::launch::async, [port = port()] {
    HttpClient client(port);
    return client.Get("/api/v1/slow");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server_->Stop();
  const auto result = in_flight.get();
  EXPECT_EQ(result.status, 200) << "the request in flight was cut off";
  EXPECT_EQ(result.Header("Connection"), "close");
  server_->Wait();  // returns: the server stopped (scripts/test checks the 10 s bound on SIGTERM)
  HttpClient late(port());
  EXPECT_ANY_THROW(late.Get("/api/v1/ping")) << "still accepting after shutdown";
}

// A rolling restart behind a load balancer: on SIGTERM the server first drains — its health check
// fails, so the balancer routes new requests elsewhere, but requests that still arrive are served
// (each on a connection closed after it) — and only then stops accepting.
TEST_F(ServerTest, ADrainFailsTheHealthCheckServesWhatArrivesThenStops) {
  ServerConfig config;
  config.drain_period = std::chrono::milliseconds(800);
  config.health_path = "/api/v1/ping";  // the route table of this test has no /api/v1/health
  StartServer(config);
  EXPECT_EQ(HttpClient(port()).Get("/api/v1/ping").status, 200);
  const auto started = std::chrono::steady_clock::now();
  server_->Drain();
  ExpectErrorBody(HttpClient(port()).Get("/api/v1/ping"), 503, "server.unavailable");
  const auto served = HttpClient(port()).Post("/api/v1/echo", R"({"still":"served"})");
  EXPECT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.Header("Connection"), "close");
  server_->Wait();
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(800));
  HttpClient late(port());
  EXPECT_ANY_THROW(late.Get("/api/v1/ping")) << "still accepting after the drain";
}

}  // namespace
}  // namespace liandong::http
