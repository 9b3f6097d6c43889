// The co-building overview (共驻共建概览): per street, the figures of its co-building as of today.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace liandong::cobuild_overview {

struct Figures {
  std::int64_t agreements_active = 0;    // in force, not ending within kExpiringDays
  std::int64_t agreements_expiring = 0;  // in force, ending within kExpiringDays
  std::int64_t reports_due = 0;          // in force, the next report not filed due within kReportDueDays
  std::int64_t reports_late = 0;         // in force, with a report filed late or past due and missing
  std::int64_t needs_open = 0;
  std::int64_t needs_matched = 0;
  std::int64_t members_reported = 0;  // running 报到 of in-service members at the communities
  std::int64_t units_reported = 0;    // running 报到 of unit Party orgs
  std::int64_t service_minutes = 0;   // served in the year asked about

  void Add(const Figures& other);
};

struct OrgRef {
  std::int64_t id = 0;
  std::string name;
  std::string level;
  std::string path;
};

struct Row {
  OrgRef org;
  Figures figures;
};

struct Overview {
  std::string as_of;  // China date
  int year = 0;
  OrgRef org;
  // One per street of the org's subtree in tree order; the community itself when the org is one.
  std::vector<Row> rows;
  Figures total;
};

}  // namespace liandong::cobuild_overview
