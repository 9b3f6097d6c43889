// The real server, in-process on an ephemeral port, over a fresh test database with the demo
// city, and a clock the test controls. The demo city (with or without its activity) is made once
// per test process and copied for each server: a file copy on SQLite, CREATE DATABASE … TEMPLATE
// on PostgreSQL, with the same master key, logins, evidence files and clock.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"
#include "core/clock.hpp"
#include "http/server.hpp"
#include "testing/http_client.hpp"
#include "testing/test_database.hpp"

namespace liandong::testing {

struct TestServerOptions {
  bool demo_city = true;
  // With the demo city's activity: the city made kDemoActivityDays before the clock's start, then
  // its users' work up to it.
  bool demo_activity = false;
  // Makes the demo city anew instead of copying the process's template (for tests of its making).
  bool fresh_demo = false;
  std::string web_root;
  http::ServerConfig server;  // port is forced to 0
  std::string master_key;     // 32 bytes; empty: the demo template's (or a random one)
};

class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();

  std::uint16_t port() const { return server_->port(); }
  app::Application& application() { return *application_; }
  core::FakeClock& clock() { return clock_; }
  http::Server& server() { return *server_; }
  const TestDatabase& database() const { return *database_; }
  // Where this server keeps evidence files (removed with the server).
  const std::filesystem::path& files_dir() const { return files_dir_; }

  // The demo login of a role: city, district, street, community.
  const app::DemoLogin& Login(const std::string& role) const;
  HttpClient Client() const { return HttpClient(port()); }
  // A client signed in as the demo user of `role`: with a second factor where the role needs one
  // (enrolled at the first login, like a real administrator would).
  HttpClient SignedIn(const std::string& role);
  // Enrols a TOTP second factor for the signed-in client's user; returns the recovery codes.
  std::vector<std::string> EnrolSecondFactor(HttpClient& client, const std::string& username);
  // A fresh TOTP code of an enrolled user: the clock moves on one step first, as no code is
  // accepted twice.
  std::string NextTotpCode(const std::string& username);

 private:
  std::unique_ptr<TestDatabase> database_;
  std::filesystem::path files_dir_;
  core::FakeClock clock_;
  std::unique_ptr<app::Application> application_;
  std::vector<app::DemoLogin> logins_;
  std::map<std::string, std::string> totp_secrets_;  // username → secret
  std::unique_ptr<http::Server> server_;
};

}  // namespace liandong::testing
