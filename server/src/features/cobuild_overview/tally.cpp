#include "features/cobuild_overview/tally.hpp"

#include <string>

namespace liandong::cobuild_overview {
namespace {

// The org's own row when it is a community; then its street's row (the street itself, or the
// community's parent).
constexpr std::string_view kAddToCommunity = R"sql(
  INSERT INTO cobuild_tally (org_id, measure, year, total)
  SELECT o.id, CAST(:measure AS TEXT), CAST(:year AS INTEGER), CAST(:delta AS BIGINT)
  FROM org o
  WHERE o.id = :org AND o.level = 'community'
  ON CONFLICT (org_id, measure, year) DO UPDATE SET total = cobuild_tally.total + excluded.total
)sql";
constexpr std::string_view kAddToStreet = R"sql(
  INSERT INTO cobuild_tally (org_id, measure, year, total)
  SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, CAST(:measure AS TEXT), CAST(:year AS INTEGER),
         CAST(:delta AS BIGINT)
  FROM org o
  WHERE o.id = :org AND o.level IN ('street', 'community')
  ON CONFLICT (org_id, measure, year) DO UPDATE SET total = cobuild_tally.total + excluded.total
)sql";

// The same statements as migration 0036's backfill: the communities' rows, then the streets'.
constexpr std::string_view kRetally[] = {
    "DELETE FROM cobuild_tally",
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, CASE WHEN n.status = 'open' THEN 'needs_open' ELSE 'needs_matched' END, 0, COUNT(*)
FROM need n JOIN org o ON o.id = n.org_id
WHERE o.level = 'community' AND n.status IN ('open', 'matched')
GROUP BY o.id, n.status
)sql",
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, CASE WHEN n.status = 'open' THEN 'needs_open' ELSE 'needs_matched' END, 0, COUNT(*)
FROM need n JOIN org o ON o.id = n.org_id
WHERE o.level IN ('street', 'community') AND n.status IN ('open', 'matched')
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, n.status
)sql",
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, 'members_reported', 0, COUNT(*)
FROM member_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level = 'community' AND k.ended_on IS NULL
GROUP BY o.id
)sql",
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, 'members_reported', 0, COUNT(*)
FROM member_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level IN ('street', 'community') AND k.ended_on IS NULL
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END
)sql",
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, 'units_reported', 0, COUNT(*)
FROM unit_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level = 'community' AND k.ended_on IS NULL
GROUP BY o.id
)sql",
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, 'units_reported', 0, COUNT(*)
FROM unit_check_in k JOIN org o ON o.id = k.community_id
WHERE o.level IN ('street', 'community') AND k.ended_on IS NULL
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END
)sql",
    // A year's minutes of service and its count of entries, from one walk of the hours.
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT o.id, m.measure, CAST(substr(h.served_on, 1, 4) AS INTEGER),
       CASE WHEN m.measure = 'service_minutes' THEN SUM(h.minutes) ELSE COUNT(*) END
FROM service_hours h JOIN org o ON o.id = h.community_id
CROSS JOIN (SELECT 'service_minutes' AS measure UNION ALL SELECT 'service_entries') m
WHERE o.level = 'community'
GROUP BY o.id, m.measure, CAST(substr(h.served_on, 1, 4) AS INTEGER)
)sql",
    R"sql(
INSERT INTO cobuild_tally (org_id, measure, year, total)
SELECT CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, m.measure, CAST(substr(h.served_on, 1, 4) AS INTEGER),
       CASE WHEN m.measure = 'service_minutes' THEN SUM(h.minutes) ELSE COUNT(*) END
FROM service_hours h JOIN org o ON o.id = h.community_id
CROSS JOIN (SELECT 'service_minutes' AS measure UNION ALL SELECT 'service_entries') m
WHERE o.level IN ('street', 'community')
GROUP BY CASE WHEN o.level = 'street' THEN o.id ELSE o.parent_id END, m.measure, CAST(substr(h.served_on, 1, 4) AS INTEGER)
)sql",
};

}  // namespace

void AddToTally(soci::session& sql, std::int64_t org_id, std::string_view measure, int year, std::int64_t delta) {
  if (delta == 0) return;
  const long long org = org_id, change = delta;
  const std::string name(measure);
  for (const std::string_view statement : {kAddToCommunity, kAddToStreet}) {
    sql << std::string(statement), soci::use(name, "measure"), soci::use(year, "year"), soci::use(change, "delta"),
        soci::use(org, "org");
  }
}

void MoveNeed(soci::session& sql, std::int64_t org_id, std::string_view from_status, std::string_view to_status) {
  const auto measure_of = [](std::string_view status) -> std::string_view {
    if (status == "open") return kNeedsOpen;
    if (status == "matched") return kNeedsMatched;
    return {};
  };
  if (const std::string_view from = measure_of(from_status); !from.empty()) AddToTally(sql, org_id, from, 0, -1);
  if (const std::string_view to = measure_of(to_status); !to.empty()) AddToTally(sql, org_id, to, 0, 1);
}

void Retally(soci::session& sql) {
  for (const std::string_view statement : kRetally) sql << std::string(statement);
}

}  // namespace liandong::cobuild_overview
