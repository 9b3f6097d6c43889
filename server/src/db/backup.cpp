#include "db/backup.hpp"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>
#include <vector>

#include "core/error.hpp"

namespace liandong::db {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::string_view kSqlitePrefix = "sqlite:";

using SqliteHandle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

SqliteHandle OpenSqlite(const std::string& path, int flags) {
  sqlite3* handle = nullptr;
  const int status = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  SqliteHandle owned(handle, sqlite3_close);
  if (status != SQLITE_OK) {
    throw AppError(ErrorKind::kInvalidArgument, "db.backup_failed",
                   "cannot open " + path + ": " + sqlite3_errstr(status));
  }
  sqlite3_busy_timeout(handle, 10000);
  return owned;
}

// Copies a whole SQLite database page by page; readers and the writer of `from` may go on.
void CopySqlite(const std::string& from_path, const std::string& to_path, bool create_target) {
  SqliteHandle from = OpenSqlite(from_path, SQLITE_OPEN_READONLY);
  SqliteHandle to = OpenSqlite(to_path, SQLITE_OPEN_READWRITE | (create_target ? SQLITE_OPEN_CREATE : 0));
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (backup == nullptr) {
    throw AppError(ErrorKind::kInternal, "db.backup_failed", sqlite3_errmsg(to.get()));
  }
  int status = SQLITE_OK;
  do {
    status = sqlite3_backup_step(backup, 256);
    if (status == SQLITE_BUSY || status == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (status == SQLITE_OK || status == SQLITE_BUSY || status == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (status != SQLITE_DONE) throw AppError(ErrorKind::kInternal, "db.backup_failed", sqlite3_errstr(status));
}

// Runs a program with arguments (no shell) and fails unless it exits with 0.
void Run(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) throw AppError(ErrorKind::kInternal, "db.backup_failed", "fork failed");
  if (child == 0) {
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw AppError(ErrorKind::kInternal, "db.backup_failed", arguments[0] + " failed");
  }
}

bool IsSqlite(const std::string& url) { return url.starts_with(kSqlitePrefix); }

}  // namespace

void BackupDatabase(const std::string& url, const std::filesystem::path& to) {
  std::filesystem::remove(to);
  if (to.has_parent_path()) std::filesystem::create_directories(to.parent_path());
  if (IsSqlite(url)) {
    CopySqlite(url.substr(kSqlitePrefix.size()), to.string(), true);
  } else {
    Run({"pg_dump", "--format=custom", "--no-owner", "--file=" + to.string(), "--dbname=" + url});
  }
}

void RestoreDatabase(const std::string& url, const std::filesystem::path& from) {
  if (!std::filesystem::is_regular_file(from)) {
    throw AppError(ErrorKind::kInvalidArgument, "db.backup_failed", "no backup at " + from.string());
  }
  if (IsSqlite(url)) {
    const std::filesystem::path target = url.substr(kSqlitePrefix.size());
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
    CopySqlite(from.string(), target.string(), true);
  } else {
    Run({"pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", "--dbname=" + url, from.string()});
  }
}

}  // namespace liandong::db
