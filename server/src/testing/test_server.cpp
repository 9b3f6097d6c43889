#include "testing/test_server.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "app/demo_activity.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/totp.hpp"

namespace liandong::testing {

namespace {

constexpr std::int64_t kClockStart = 1'767'225'600;  // 2026-01-01T00:00:00Z

// The demo city made once: its database (closed), key, logins, evidence files and the clock at the
// end of its making.
struct DemoTemplate {
  std::unique_ptr<TestDatabase> database;
  std::string master_key;
  std::vector<app::DemoLogin> logins;
  std::int64_t clock_seconds = 0;
  std::filesystem::path files_dir;

  ~DemoTemplate() {
    std::error_code ignored;
    std::filesystem::remove_all(files_dir, ignored);
  }
};

app::ApplicationConfig Config(const std::string& url, const std::string& master_key,
                              const std::filesystem::path& files_dir, const TestServerOptions& options) {
  app::ApplicationConfig config;
  config.database_url = url;
  config.database_pool_size = static_cast<std::size_t>(options.server.worker_threads);
  config.web_root = options.web_root;
  config.access_log = false;
  config.master_key = master_key;
  config.files_dir = files_dir;
  return config;
}

std::filesystem::path NewFilesDir() {
  return std::filesystem::temp_directory_path() / ("liandong-files-" + core::RandomHex(8));
}

// Makes the demo city (with its activity when asked) at the clock's start into `database`.
std::vector<app::DemoLogin> MakeDemo(app::Application& application, core::FakeClock& clock, bool activity) {
  if (!activity) return app::CreateDemoCity(application, clock);
  clock.Advance(-app::kDemoActivityDays * 24 * 60 * 60);
  std::vector<app::DemoLogin> logins = app::CreateDemoCity(application, clock);
  app::CreateDemoActivity(application, clock, logins);
  return logins;
}

const DemoTemplate& TemplateOf(bool activity, const TestServerOptions& options) {
  static std::map<bool, std::unique_ptr<DemoTemplate>> templates;
  auto& made = templates[activity];
  if (made) return *made;
  auto demo = std::make_unique<DemoTemplate>();
  demo->database = std::make_unique<TestDatabase>();
  demo->master_key = core::RandomBytes(32);
  demo->files_dir = NewFilesDir();
  core::FakeClock clock(kClockStart);
  {
    app::Application application(Config(demo->database->url(), demo->master_key, demo->files_dir, options), clock);
    demo->logins = MakeDemo(application, clock, activity);
  }  // every connection closed: the database can be copied
  demo->clock_seconds = clock.NowSeconds();
  made = std::move(demo);
  return *made;
}

}  // namespace

TestServer::TestServer(TestServerOptions options) : clock_(kClockStart) {
  core::log::Init(std::getenv("LIANDONG_TEST_LOG") ? std::getenv("LIANDONG_TEST_LOG") : "off");
  files_dir_ = NewFilesDir();
  const bool demo = options.demo_city || options.demo_activity;
  if (demo && options.master_key.empty() && !options.fresh_demo) {
    const DemoTemplate& made = TemplateOf(options.demo_activity, options);
    database_ = std::make_unique<TestDatabase>(TestDatabase::CopyOf{*made.database});
    if (std::filesystem::exists(made.files_dir)) {
      std::filesystem::copy(made.files_dir, files_dir_, std::filesystem::copy_options::recursive);
    }
    clock_.Advance(made.clock_seconds - kClockStart);
    logins_ = made.logins;
    application_ = std::make_unique<app::Application>(
        Config(database_->url(), made.master_key, files_dir_, options), clock_);
  } else {
    database_ = std::make_unique<TestDatabase>();
    const std::string key = options.master_key.empty() ? core::RandomBytes(32) : options.master_key;
    application_ = std::make_unique<app::Application>(Config(database_->url(), key, files_dir_, options), clock_);
    if (demo) logins_ = MakeDemo(*application_, clock_, options.demo_activity);
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
