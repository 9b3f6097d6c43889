// liandong: serve, migrate, demo, audit, backup, restore, user, keys, version.
#include <CLI/CLI.hpp>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/admin_commands.hpp"
#include "app/application.hpp"
#include "app/demo_activity.hpp"
#include "app/demo_city.hpp"
#include "app/scaled_city.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/version.hpp"
#include "db/backup.hpp"
#include "db/failure.hpp"
#include "db/migrator.hpp"
#include "http/client_address.hpp"
#include "http/server.hpp"

namespace {

using namespace liandong;

constexpr const char* kDefaultDatabase = "sqlite:var/liandong.db";

// Runs the sweeps of tasks, residents' requests, agreements and feedback sheets (overdue notices,
// warnings, escalation, reminders, the quarter's 服务登记卡) every `seconds` until destroyed.
class Sweeper {
 public:
  Sweeper(const task::TaskService& task_service, const request::RequestService& request_service,
          const cobuild::AgreementService& agreement_service, const check_in::CheckInService& check_in_service,
          int seconds)
      : thread_([this, &task_service, &request_service, &agreement_service, &check_in_service, seconds] {
          std::unique_lock lock(mutex_);
          while (!stop_) {
            lock.unlock();
            try {
              const task::SweepResult result = task_service.Sweep();
              if (result.overdue + result.escalated > 0) {
                core::log::Info("task.sweep", {{"overdue", result.overdue}, {"escalated", result.escalated}});
              }
              agreement_service.SweepReminders();
            } catch (const std::exception& error) {
              core::log::Error("task.sweep_failed", {{"error", db::LoggableMessage(error)}});
            }
            try {
              const std::int64_t sheets = check_in_service.SweepFeedbackSheets();
              if (sheets > 0) core::log::Info("check_in.sheets_sent", {{"sheets", sheets}});
            } catch (const std::exception& error) {
              core::log::Error("check_in.sweep_failed", {{"error", db::LoggableMessage(error)}});
            }
            try {
              const request::RequestSweepResult result = request_service.Sweep();
              if (result.warned + result.escalated > 0) {
                core::log::Info("request.sweep", {{"warned", result.warned}, {"escalated", result.escalated}});
              }
            } catch (const std::exception& error) {
              core::log::Error("request.sweep_failed", {{"error", db::LoggableMessage(error)}});
            }
            lock.lock();
            wake_.wait_for(lock, std::chrono::seconds(seconds), [this] { return stop_; });
          }
        }) {}
  ~Sweeper() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

int Serve(const app::ApplicationConfig& config, const http::ServerConfig& server_config,
          const std::string& clock_file, int sweep_seconds) {
  std::unique_ptr<core::Clock> clock;
  if (clock_file.empty()) {
    clock = std::make_unique<core::SystemClock>();
  } else {
    core::log::Warn("clock.offset_file", {{"path", clock_file}});
    clock = std::make_unique<core::FileOffsetClock>(clock_file);
  }
  app::Application application(config, *clock);
  http::Server server(server_config, application.pipeline());
  Sweeper sweeper(application.task_service(), application.request_service(), application.agreement_service(),
                  application.check_in_service(), sweep_seconds);
  server.RunUntilSignal();
  return 0;
}

int Migrate(const std::string& url) {
  auto database = db::Database::Open(url, 1);
  const int version = db::Migrate(*database);
  std::cout << "schema version " << version << " (" << database->dialect_name() << ")\n";
  return 0;
}

int VerifyAudit(const std::string& url, const std::string& key_file) {
  const core::SystemClock clock;
  app::ApplicationConfig config;
  config.database_url = url;
  config.database_pool_size = 1;
  config.key_file = key_file;
  app::Application application(config, clock);
  db::Session session(application.database());
  const db::ChainReport report = application.audit_writer().VerifyChain(session.sql());
  if (report.intact) {
    std::cout << "The audit chain is intact: " << report.rows << " rows.\n";
    return 0;
  }
  std::cout << "The audit chain is BROKEN at row " << *report.broken_at << ": " << report.reason << " (" << report.rows
            << " rows read).\n";
  return 1;
}

int Backup(const std::string& url, const std::string& to) {
  db::BackupDatabase(url, to);
  std::cout << "Backed up to " << to << "\n";
  return 0;
}

int Restore(const std::string& url, const std::string& from) {
  db::RestoreDatabase(url, from);
  std::cout << "Restored from " << from << "; check it with: liandong audit verify --db " << url << "\n";
  return 0;
}

int Demo(const std::string& url, const std::string& logins_path, const std::string& key_file,
         const std::string& scale_name, bool with_activity) {
  const core::SystemClock clock;
  const auto scale = app::ParseDemoScale(scale_name);
  if (!scale) throw std::invalid_argument("--scale must be demo, city or megacity");
  app::ApplicationConfig config;
  config.database_url = url;
  config.key_file = key_file;
  config.database_pool_size = 1;
  if (*scale != app::DemoScale::kDemo) {
    app::Application application(config, clock);
    const auto started = std::chrono::steady_clock::now();
    app::ScaledCityCounts counts;
    const auto logins = app::CreateScaledCity(application, clock, *scale, counts);
    if (logins.empty()) {
      std::cout << "The database already has data; the " << scale_name << " was not created.\n";
      return 0;
    }
    app::WriteDemoLogins(logins_path, logins);
    const auto seconds =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() /
        1000.0;
    std::cout << "Created the " << scale_name << " (generator " << app::kScaledCityGeneratorVersion << ") in "
              << seconds << " s: " << counts.orgs << " orgs, " << counts.members << " members, " << counts.units
              << " units, " << counts.users << " users, " << counts.tasks << " tasks with " << counts.task_nodes
              << " nodes, " << counts.agencies << " agencies, " << counts.requests << " requests; logins written to " << logins_path
              << ". Benchmark data only: users of a role share one password.\n";
    return 0;
  }
  // With its activity, the city is created kDemoActivityDays ago and its users' work is played
  // on a clock that ends now.
  core::FakeClock story_clock(clock.NowSeconds() - app::kDemoActivityDays * 24 * 60 * 60);
  const core::Clock& city_clock = with_activity ? static_cast<const core::Clock&>(story_clock) : clock;
  app::Application application(config, city_clock);
  const auto logins = app::CreateDemoCity(application, city_clock);
  if (logins.empty()) {
    std::cout << "The database already has data; the demo city was not created.\n";
    return 0;
  }
  // The logins first: should the activity fail, the city can still be signed into.
  app::WriteDemoLogins(logins_path, logins);
  if (with_activity) app::CreateDemoActivity(application, story_clock, logins);
  std::cout << "Created the demo city 示范市 with " << logins.size() << " users"
            << (with_activity ? " and " + std::to_string(app::kDemoActivityDays) + " days of their work" : "")
            << "; logins written to " << logins_path << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"联动 Liandong: urban grassroots Party building platform"};
  cli.require_subcommand(1);
  cli.fallthrough();  // --log-level may stand after the subcommand too
  std::string log_level = "info";
  cli.add_option("--log-level", log_level, "debug, info, warn, error or off")->capture_default_str();

  app::ApplicationConfig config;
  config.database_url = kDefaultDatabase;
  http::ServerConfig server_config;
  int idle_minutes = 15;
  int absolute_hours = 8;
  bool no_access_log = false;
  auto* serve = cli.add_subcommand("serve", "Serve the API and the web app over HTTP");
  serve->add_option("--db", config.database_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  serve->add_option("--port", server_config.port, "TCP port (0: any free port)")->capture_default_str();
  serve->add_option("--address", server_config.address, "address to listen on")->capture_default_str();
  serve->add_option("--web-root", config.web_root, "folder of the built web app (web/dist)");
  serve->add_option("--io-threads", server_config.io_threads, "threads for sockets")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  serve->add_option("--workers", server_config.worker_threads, "threads for handlers and the database")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  serve->add_option("--max-connections", server_config.max_connections, "open connections at most")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  serve->add_option("--session-idle-minutes", idle_minutes, "idle session timeout")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 60));
  serve->add_option("--session-absolute-hours", absolute_hours, "absolute session timeout")
      ->capture_default_str()
      ->check(CLI::Range(1, 7 * 24));
  serve->add_option("--key-file", config.key_file, "master key file, created on first use (0600)")
      ->capture_default_str();
  serve->add_option("--files-dir", config.files_dir, "folder for evidence files, outside the web root")
      ->capture_default_str();
  std::string clock_file;
  serve->add_option("--clock-file", clock_file,
                    "FOR TESTS ONLY: a file holding seconds to add to the system clock (browser tests of overdue "
                    "tasks)");
  int sweep_seconds = 60;
  serve->add_option("--sweep-seconds", sweep_seconds, "how often overdue tasks are looked for")
      ->capture_default_str()
      ->check(CLI::Range(1, 86400));
  serve->add_flag("--secure-cookie", config.session_policy.secure_cookie, "mark the session cookie Secure (TLS)");
  serve->add_flag("--no-access-log", no_access_log, "do not log each request");
  double drain_seconds = 0;
  serve->add_option("--drain-seconds", drain_seconds,
                    "on SIGTERM, keep serving this long while /api/v1/health answers 503, so that a load "
                    "balancer routes around this server before it stops (rolling restarts)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 300.0));
  serve->add_option("--trusted-proxy", server_config.trusted_proxies,
                    "a reverse proxy (address or network, e.g. 10.0.0.2 or 10.0.0.0/24) whose X-Forwarded-For "
                    "names the client; repeatable")
      ->check(
          [](const std::string& entry) {
            try {
              http::TrustedProxies proxies({entry});
              return std::string();
            } catch (const std::invalid_argument& error) {
              return std::string(error.what());
            }
          },
          "ADDRESS[/BITS]");

  std::string migrate_url = kDefaultDatabase;
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  migrate->add_option("--db", migrate_url, "sqlite:PATH or postgresql://…")->capture_default_str();

  std::string demo_url = kDefaultDatabase;
  std::string logins_path = "var/demo-logins.tsv";
  auto* demo = cli.add_subcommand("demo", "Create the demo city 示范市 in an empty database");
  demo->add_option("--db", demo_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  std::string demo_key_file = "var/liandong.key";
  demo->add_option("--key-file", demo_key_file, "master key file, created on first use (0600)")->capture_default_str();
  demo->add_option("--logins", logins_path, "file for the demo users' logins (role, username, password)")
      ->capture_default_str();
  std::string demo_scale = "demo";
  demo->add_option("--scale", demo_scale,
                   "demo (the small 示范市), or a generated city for benchmarks: city (~10,000 orgs, 250,000 "
                   "members) or megacity (~100,000 orgs, 2.5 million members); generated users of a role share "
                   "one password, never use them in production")
      ->capture_default_str();
  bool demo_without_activity = false;
  demo->add_flag("--without-activity", demo_without_activity,
                 "only the city, its people and units: no duty lists, tasks, supervisions, bulletins or messages "
                 "(for browser tests that count them)");

  std::string audit_url = kDefaultDatabase;
  std::string audit_key_file = "var/liandong.key";
  auto* audit = cli.add_subcommand("audit", "Work with the audit log");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Check the audit log's hash chain; exit 1 if it is broken");
  audit_verify->add_option("--db", audit_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  audit_verify->add_option("--key-file", audit_key_file, "the master key file")->capture_default_str();

  std::string backup_url = kDefaultDatabase;
  std::string backup_file;
  auto* backup = cli.add_subcommand("backup", "Back the whole database up to a file (safe while serving)");
  backup->add_option("--db", backup_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  backup->add_option("--to", backup_file, "the backup file to write")->required();
  std::string restore_url = kDefaultDatabase;
  std::string restore_file;
  auto* restore =
      cli.add_subcommand("restore", "Replace the database's contents with a backup (stop the server first)");
  restore->add_option("--db", restore_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  restore->add_option("--from", restore_file, "the backup file to read")->required();

  auto* audit_purge =
      audit->add_subcommand("purge", "Delete audit rows older than the retention setting (at least 184 days)");
  audit_purge->add_option("--db", audit_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  audit_purge->add_option("--key-file", audit_key_file, "the master key file")->capture_default_str();

  std::string admin_url = kDefaultDatabase;
  std::string admin_key_file = "var/liandong.key";
  app::NewAccount account;
  auto* user = cli.add_subcommand("user", "Manage accounts from the server's command line");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand(
      "add", "Create an account of any role (the first administrators); prints its initial password");
  user_add->add_option("--db", admin_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  user_add->add_option("--key-file", admin_key_file, "the master key file")->capture_default_str();
  user_add->add_option("--username", account.username, "3–64 of a-z 0-9 . _ -")->required();
  user_add->add_option("--display-name", account.display_name, "the name shown (default: the username)");
  user_add->add_option("--role", account.role, "system_admin, security_admin, audit_admin, city_admin, …")->required();
  user_add->add_option("--org", account.org_id, "the org id (default: the root of the tree)");

  auto* keys = cli.add_subcommand("keys", "Manage the master key");
  keys->require_subcommand(1);
  auto* keys_rotate = keys->add_subcommand(
      "rotate", "Stop the server first. Re-encrypt all personal data under a new master key and replace the key file");
  keys_rotate->add_option("--db", admin_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  keys_rotate->add_option("--key-file", admin_key_file, "the master key file")->capture_default_str();

  auto* version = cli.add_subcommand("version", "Print the version");

  CLI11_PARSE(cli, argc, argv);
  core::log::Init(log_level);
  core::InitCrypto();
  try {
    if (*serve) {
      config.access_log = !no_access_log;
      config.session_policy.idle_timeout = std::chrono::minutes(idle_minutes);
      config.session_policy.absolute_timeout = std::chrono::hours(absolute_hours);
      config.database_pool_size = static_cast<std::size_t>(server_config.worker_threads);
      server_config.drain_period = std::chrono::milliseconds(static_cast<std::int64_t>(drain_seconds * 1000));
      return Serve(config, server_config, clock_file, sweep_seconds);
    }
    if (*migrate) return Migrate(migrate_url);
    if (*demo) return Demo(demo_url, logins_path, demo_key_file, demo_scale, !demo_without_activity);
    if (*audit_verify) return VerifyAudit(audit_url, audit_key_file);
    const core::SystemClock clock;
    if (*audit_purge) return app::PurgeAudit(audit_url, audit_key_file, clock, std::cout);
    if (*user_add) return app::AddUser(admin_url, admin_key_file, account, clock, std::cout);
    if (*keys_rotate) return app::RotateKeys(admin_url, admin_key_file, clock, std::cout);
    if (*backup) return Backup(backup_url, backup_file);
    if (*restore) return Restore(restore_url, restore_file);
    if (*version) {
      std::cout << "liandong " << core::kVersion << " (schema " << db::LatestSchemaVersion() << ")\n";
      return 0;
    }
  } catch (const core::AppError& error) {
    core::log::Error("app.failed", {{"code", error.code()}, {"detail", error.detail()}});
    std::cerr << "liandong: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    core::log::Error("app.failed", {{"detail", db::LoggableMessage(error)}});
    std::cerr << "liandong: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
