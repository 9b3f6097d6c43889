// What a database failure that escaped the checks means to a request, and what of it may be logged.
#pragma once

#include <exception>
#include <string>

namespace liandong::db {

// True when the statement broke a constraint (unique, foreign key, check, not null): the request
// named something the checks before it should have refused.
bool IsConstraintViolation(const std::exception& error);

// True when the database could not write because its disk is full (SQLite's SQLITE_FULL,
// PostgreSQL's disk_full): the write did not happen, and may once space is freed.
bool IsStorageFull(const std::exception& error);

// True when the database could not be reached or could not take the statement for now: the
// connection broke (the server restarted, the primary failed over), the server is shutting down or
// starting, or the connection landed on a read-only standby. A write may or may not have been
// committed (the answer to COMMIT was lost); the client hears 503, never a success.
bool IsUnavailable(const std::exception& error);

// The database's own message, first line only, without the statement and its bound values (which
// may carry personal data: ciphertexts, blind indexes); other exceptions' what().
std::string LoggableMessage(const std::exception& error);

}  // namespace liandong::db
