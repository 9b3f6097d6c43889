#include "db/failure.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

namespace liandong::db {

bool IsConstraintViolation(const std::exception& error) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    return (sqlite->result() & 0xff) == SQLITE_CONSTRAINT;
  }
  if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    return postgres->sqlstate().starts_with("23");  // class 23: integrity constraint violation
  }
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error)) {
    return soci_error->get_error_category() == soci::soci_error::constraint_violation;
  }
  return false;
}

bool IsStorageFull(const std::exception& error) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    return (sqlite->result() & 0xff) == SQLITE_FULL;
  }
  if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    return postgres->sqlstate() == "53100";  // disk_full
  }
  return false;
}

std::string LoggableMessage(const std::exception& error) {
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error)) {
    std::string message = soci_error->get_error_message();
    // PostgreSQL adds DETAIL lines that quote the offending key's values.
    if (const auto line_end = message.find('\n'); line_end != std::string::npos) message.resize(line_end);
    return message;
  }
  return error.what();
}

}  // namespace liandong::db
