// Key enterprises managed by both sides (双向管理重点企业): a unit of the key-enterprise register
// with its 块 owner (the street of its territory) and its 条 owner (an agency of a department that
// serves the street), and the visit and issue log both sides write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"

namespace liandong::key_enterprise {

struct Ref {
  std::int64_t id = 0;
  std::string name;
};

struct KeyEnterprise {
  std::int64_t id = 0;
  Ref unit;
  Ref street;
  std::string street_path;
  Ref agency;
  std::string agency_path;
  std::string department;  // of the agency's kind, e.g. 公安分局
  std::string reason;
  std::string listed_on;
  std::int64_t visits = 0;
  std::int64_t open_issues = 0;
  std::optional<std::string> last_visit_on;
  std::int64_t created_at = 0;
};

struct Entry {
  std::int64_t id = 0;
  std::int64_t key_enterprise_id = 0;
  std::string kind;  // visit, issue
  std::string side;  // street, agency
  Ref org;
  std::string happened_on;
  std::string text;
  std::optional<std::string> status;  // issues: open, resolved
  std::optional<std::string> resolved_on;
  std::optional<std::string> resolution;
  std::optional<Ref> resolved_by_org;
  std::string recorded_by;  // display name
  std::int64_t recorded_at = 0;
};

struct KeyEnterpriseDetail {
  KeyEnterprise enterprise;
  std::vector<Entry> entries;  // newest first
  bool can_write = false;
};

struct NewKeyEnterprise {
  std::int64_t unit_id = 0;
  std::int64_t street_org_id = 0;
  std::int64_t agency_org_id = 0;
  std::string reason;
};

struct NewEntry {
  std::string kind;
  std::string happened_on;
  std::string text;
};

// ?org=&q=&open_issues=&page=&page_size=
struct KeyEnterpriseFilter {
  std::optional<std::int64_t> org_id;
  std::string text;
  bool open_issues_only = false;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

// What the repository lists: enterprises whose street or agency lies in the scope.
struct KeyEnterpriseQuery {
  core::OrgScope scope;
  std::string text;
  bool open_issues_only = false;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

struct KeyEnterprisePage {
  std::vector<KeyEnterprise> items;
  std::int64_t total = 0;
};

}  // namespace liandong::key_enterprise
