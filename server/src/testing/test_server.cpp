#include "testing/test_server.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/crypto.hpp"
#include "core/log.hpp"

namespace liandong::testing {

TestServer::TestServer(TestServerOptions options) : clock_(1'767'225'600) {  // 2026-01-01T00:00:00Z
  core::log::Init("off");
  app::ApplicationConfig config;
  config.database_url = database_.url();
  config.database_pool_size = static_cast<std::size_t>(options.server.worker_threads);
  config.web_root = options.web_root;
  config.access_log = false;
  config.master_key = options.master_key.empty() ? core::RandomBytes(32) : options.master_key;
  application_ = std::make_unique<app::Application>(config, clock_);
  if (options.demo_city) logins_ = app::CreateDemoCity(*application_, clock_);
  options.server.port = 0;
  server_ = std::make_unique<http::Server>(options.server, application_->pipeline());
  server_->Start();
}

TestServer::~TestServer() {
  server_->Stop();
  server_->Wait();
}

const app::DemoLogin& TestServer::Login(const std::string& role) const {
  for (const app::DemoLogin& login : logins_) {
    if (login.role == role) return login;
  }
  throw std::runtime_error("no demo login for role " + role);
}

HttpClient TestServer::SignedIn(const std::string& role) const {
  HttpClient client = Client();
  const app::DemoLogin& login = Login(role);
  const HttpResult result = client.SignIn(login.username, login.password);
  EXPECT_EQ(result.status, 200) << result.body;
  return client;
}

}  // namespace liandong::testing
