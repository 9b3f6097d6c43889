#include "db/migrator.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/embedded_resources.hpp"
#include "core/error.hpp"
#include "core/log.hpp"

namespace liandong::db {
namespace {

using core::AppError;
using core::ErrorKind;

// Any number will do, as long as nothing else in the database uses it.
constexpr long long kMigrationLockKey = 0x4c69616e646f6e67;  // "Liandong"

constexpr std::string_view kCreateSchemaVersion = R"sql(
  CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
  )
)sql";

constexpr std::string_view kSelectSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
constexpr std::string_view kInsertSchemaVersion =
    "INSERT INTO schema_version (version, name, applied_at) VALUES (:version, :name, :applied_at)";

struct ParsedName {
  int version = 0;
  std::string name;
  std::string dialect;  // "", "sqlite" or "postgres"
};

ParsedName ParseFileName(std::string_view file) {
  // 0001_create_org.sql, 0001_create_org.sqlite.sql, 0001_create_org.postgres.sql
  ParsedName parsed;
  if (!file.ends_with(".sql")) throw std::logic_error("migration file must end in .sql: " + std::string(file));
  std::string_view stem = file.substr(0, file.size() - 4);
  for (std::string_view suffix : {".sqlite", ".postgres"}) {
    if (stem.ends_with(suffix)) {
      parsed.dialect = suffix.substr(1);
      stem.remove_suffix(suffix.size());
    }
  }
  const auto underscore = stem.find('_');
  const auto [end, error] =
      std::from_chars(stem.data(), stem.data() + std::min(underscore, stem.size()), parsed.version);
  if (underscore == std::string_view::npos || error != std::errc() || end != stem.data() + underscore ||
      parsed.version <= 0) {
    throw std::logic_error("migration file must be named NNNN_verb_phrase.sql: " + std::string(file));
  }
  parsed.name = stem.substr(underscore + 1);
  return parsed;
}

int QueryVersion(soci::session& sql) {
  int version = 0;
  sql << kSelectSchemaVersion, soci::into(version);
  return version;
}

}  // namespace

std::vector<std::string> SplitStatements(const std::string& text) {
  std::vector<std::string> statements;
  std::string current;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    const auto comment = line.find("--");
    std::string_view code = comment == std::string_view::npos ? line : line.substr(0, comment);
    while (!code.empty() && (code.back() == ' ' || code.back() == '\t' || code.back() == '\r')) code.remove_suffix(1);
    if (code.empty()) continue;
    current.append(code).push_back('\n');
    if (code.back() == ';') {
      current.erase(current.size() - 2);  // the ';' and the newline
      statements.push_back(std::move(current));
      current.clear();
    }
  }
  while (!current.empty() && current.back() == '\n') current.pop_back();
  if (!current.empty()) statements.push_back(std::move(current));
  return statements;
}

std::vector<Migration> LoadMigrations(Dialect dialect) {
  const std::string wanted = dialect == Dialect::kSqlite ? "sqlite" : "postgres";
  std::map<int, std::pair<ParsedName, std::string_view>> chosen;
  for (const core::EmbeddedFile& file : core::EmbeddedMigrations()) {
    ParsedName parsed = ParseFileName(file.name);
    if (!parsed.dialect.empty() && parsed.dialect != wanted) continue;
    auto existing = chosen.find(parsed.version);
    if (existing != chosen.end()) {
      const bool both_common = existing->second.first.dialect.empty() && parsed.dialect.empty();
      const bool both_specific = !existing->second.first.dialect.empty() && !parsed.dialect.empty();
      if (both_common || both_specific) {
        throw std::logic_error("two migrations numbered " + std::to_string(parsed.version));
      }
      if (parsed.dialect.empty()) continue;  // the dialect's own file wins
    }
    chosen[parsed.version] = {std::move(parsed), file.text};
  }
  std::vector<Migration> migrations;
  int expected = 1;
  for (auto& [version, entry] : chosen) {
    if (version != expected) throw std::logic_error("migration " + std::to_string(expected) + " is missing");
    ++expected;
    migrations.push_back(Migration{version, entry.first.name, SplitStatements(std::string(entry.second))});
  }
  return migrations;
}

int LatestSchemaVersion() {
  const auto migrations = LoadMigrations(Dialect::kSqlite);
  return migrations.empty() ? 0 : migrations.back().version;
}

int SchemaVersion(Database& database) {
  Session session(database);
  session.sql() << kCreateSchemaVersion;
  return QueryVersion(session.sql());
}

int Migrate(Database& database) {
  Session session(database);
  soci::session& sql = session.sql();
  const bool postgres = database.dialect() == Dialect::kPostgresql;
  // Several servers may start at once against one PostgreSQL: let one migrate at a time.
  if (postgres) sql << "SELECT pg_advisory_lock(" << kMigrationLockKey << ")";
  struct Unlock {
    soci::session& sql;
    bool postgres;
    ~Unlock() {
      if (!postgres) return;
      try {
        sql << "SELECT pg_advisory_unlock(" << kMigrationLockKey << ")";
      } catch (const std::exception&) {
        // The lock goes with the connection anyway.
      }
    }
  } unlock{sql, postgres};

  sql << kCreateSchemaVersion;
  const auto migrations = LoadMigrations(database.dialect());
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  int version = QueryVersion(sql);
  if (version > latest) {
    throw AppError(ErrorKind::kInternal, "db.schema_too_new",
                   "the database is at schema version " + std::to_string(version) +
                       " but this binary knows only up to " + std::to_string(latest));
  }
  const core::SystemClock clock;
  for (const Migration& migration : migrations) {
    if (migration.version <= version) continue;
    Transaction transaction(session, Transaction::Mode::kWrite);
    // Another process may have applied it while we waited for the lock.
    if (QueryVersion(sql) >= migration.version) continue;
    for (const std::string& statement : migration.statements) sql << statement;
    const long long applied_at = clock.NowSeconds();
    sql << kInsertSchemaVersion, soci::use(migration.version, "version"), soci::use(migration.name, "name"),
        soci::use(applied_at, "applied_at");
    transaction.Commit();
    version = migration.version;
    core::log::Info("db.migrated", {{"version", version}, {"name", migration.name}});
  }
  return version;
}

}  // namespace liandong::db
