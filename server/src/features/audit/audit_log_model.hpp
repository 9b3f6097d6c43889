// What the audit administrator reads of the audit log: a filter, a row with names joined, a page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::audit {

struct AuditFilter {
  std::optional<std::int64_t> from;  // unix seconds, inclusive
  std::optional<std::int64_t> to;    // unix seconds, exclusive
  std::string action;                // a prefix: "auth." or "member.unmask"
  std::string result;                // exact: ok, failed, denied, …
  std::string username;              // exact
  int page = 1;
  int page_size = 50;
};

struct AuditRecord {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> user_id;
  std::string username;
  std::optional<std::int64_t> org_id;
  std::string org_name;
  std::string action;
  std::string target_kind;
  std::optional<std::int64_t> target_id;
  std::string result;
  std::string remote_address;
  std::string request_id;
  std::string detail;
};

struct AuditPage {
  std::vector<AuditRecord> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
};

// Whether rows with no actor (failed logins, start-ups) are part of what a reader sees.
enum class ActorlessRows { kExclude, kInclude };

}  // namespace liandong::audit
