// Backups of the whole database: SQLite through its online backup API (consistent while the
// server runs), PostgreSQL through pg_dump / pg_restore in their custom format.
#pragma once

#include <filesystem>
#include <string>

namespace liandong::db {

// Writes a backup of the database at `url` to `to` (replaced if it exists).
void BackupDatabase(const std::string& url, const std::filesystem::path& to);

// Replaces the contents of the database at `url` with the backup `from`. The server should be
// stopped first; on PostgreSQL the target database must exist.
void RestoreDatabase(const std::string& url, const std::filesystem::path& from);

}  // namespace liandong::db
