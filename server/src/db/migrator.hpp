// Numbered, append-only migrations (server/migrations/NNNN_verb_phrase[.sqlite|.postgres].sql),
// compiled into the binary. Each step runs in one transaction and is recorded in schema_version.
#pragma once

#include <string>
#include <vector>

#include "db/database.hpp"

namespace liandong::db {

struct Migration {
  int version = 0;
  std::string name;                     // "create_org"
  std::vector<std::string> statements;  // the SQL for this database's dialect, one per entry
};

// The migrations for `dialect`, in order. A dialect-specific file replaces the common one of the
// same number. In a common file, {{id_column}} (the auto-increment primary key), {{id_type}} (a
// column referring to one) and {{path_type}} (a byte-ordered org path) take each database's
// spelling. Throws std::logic_error if numbers are missing or repeated, or on an unknown token.
std::vector<Migration> LoadMigrations(Dialect dialect);

// Splits a migration's text into statements at semicolons that end a line. "--" starts a comment
// wherever it stands, so migrations keep it out of string literals.
std::vector<std::string> SplitStatements(const std::string& text);

// The version the database is at (0 for an empty database).
int SchemaVersion(Database& database);

// The highest version this binary knows.
int LatestSchemaVersion();

// Applies every pending migration; returns the version reached. Refuses (AppError
// "db.schema_too_new") a database whose version is newer than this binary knows.
int Migrate(Database& database);

}  // namespace liandong::db
