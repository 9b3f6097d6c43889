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

bool IsUnavailable(const std::exception& error) {
  if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    const std::string state = postgres->sqlstate();
    // 08: connection exception; 57P01-03: admin or crash shutdown, cannot connect now; 25006: a
    // write on a read-only standby. A blank state: libpq's own failure (no answer from a server).
    return state.starts_with("08") || state.starts_with("57P") || state == "25006" ||
           state.find_first_not_of(std::string(" \0", 2)) == std::string::npos ||
           postgres->get_error_category() == soci::soci_error::connection_error;
  }
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error)) {
    if (soci_error->get_error_category() == soci::soci_error::connection_error) return true;
    // Opening a connection fails with a plain soci_error in SOCI 4.0's PostgreSQL backend.
    const std::string message = soci_error->get_error_message();
    return message.find("Cannot establish connection") != std::string::npos ||
           message.find("server closed the connection") != std::string::npos ||
           message.find("no connection to the server") != std::string::npos;
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
