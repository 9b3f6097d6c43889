#include "testing/test_server.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

#include "app/demo_activity.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/totp.hpp"

namespace liandong::testing {

TestServer::TestServer(TestServerOptions options) : clock_(1'767'225'600) {  // 2026-01-01T00:00:00Z
  core::log::Init(std::getenv("LIANDONG_TEST_LOG") ? std::getenv("LIANDONG_TEST_LOG") : "off");
  app::ApplicationConfig config;
  config.database_url = database_.url();
  config.database_pool_size = static_cast<std::size_t>(options.server.worker_threads);
  config.web_root = options.web_root;
  config.access_log = false;
  config.master_key = options.master_key.empty() ? core::RandomBytes(32) : options.master_key;
  files_dir_ = std::filesystem::temp_directory_path() / ("liandong-files-" + core::RandomHex(8));
  config.files_dir = files_dir_;
  application_ = std::make_unique<app::Application>(config, clock_);
  if (options.demo_activity) {
    clock_.Advance(-app::kDemoActivityDays * 24 * 60 * 60);
    logins_ = app::CreateDemoCity(*application_, clock_);
    app::CreateDemoActivity(*application_, clock_, logins_);
  } else if (options.demo_city) {
    logins_ = app::CreateDemoCity(*application_, clock_);
  }
  options.server.port = 0;
  server_ = std::make_unique<http::Server>(options.server, application_->pipeline());
  server_->Start();
}

TestServer::~TestServer() {
  server_->Stop();
  server_->Wait();
  std::error_code ignored;
  std::filesystem::remove_all(files_dir_, ignored);
}

const app::DemoLogin& TestServer::Login(const std::string& role) const {
  for (const app::DemoLogin& login : logins_) {
    if (login.role == role) return login;
  }
  throw std::runtime_error("no demo login for role " + role);
}

HttpClient TestServer::SignedIn(const std::string& role) {
  HttpClient client = Client();
  const app::DemoLogin& login = Login(role);
  const HttpResult result = client.SignIn(login.username, login.password);
  EXPECT_EQ(result.status, 200) << result.body;
  if (result.status != 200) return client;
  const auto second_factor = result.Json().at("second_factor").as_string();
  if (second_factor == "enrol") {
    EnrolSecondFactor(client, login.username);
  } else if (second_factor == "required") {
    const HttpResult passed = client.SendSecondFactor(NextTotpCode(login.username));
    EXPECT_EQ(passed.status, 200) << passed.body;
  }
  return client;
}

std::vector<std::string> TestServer::EnrolSecondFactor(HttpClient& client, const std::string& username) {
  const HttpResult started = client.Post("/api/v1/me/second-factor/enrolment", "");
  EXPECT_EQ(started.status, 200) << started.body;
  if (started.status != 200) return {};
  totp_secrets_[username] = core::Base32Decode(started.Json().at("secret").as_string()).value_or("");
  const HttpResult confirmed = client.Post("/api/v1/me/second-factor/enrolment/confirm",
                                           boost::json::serialize(boost::json::object{{"code", NextTotpCode(username)}}));
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  std::vector<std::string> codes;
  if (confirmed.status != 200) return codes;
  const boost::json::value body = confirmed.Json();
  for (const auto& code : body.at("recovery_codes").as_array()) codes.emplace_back(code.as_string());
  return codes;
}

std::string TestServer::NextTotpCode(const std::string& username) {
  clock_.Advance(core::kTotpStepSeconds);
  return core::Hotp(totp_secrets_.at(username), static_cast<std::uint64_t>(core::TotpStep(clock_.NowSeconds())));
}

}  // namespace liandong::testing
