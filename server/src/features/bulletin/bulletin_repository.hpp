// SQL of bulletins: the stored bulletins, and the counts their figures are computed from.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"

namespace liandong::bulletin {

struct Bulletin {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_level;
  std::string org_path;
  std::string title;
  std::string period_from;
  std::string period_to;
  std::int64_t as_of = 0;
  std::string figures;  // JSON
  std::string state;    // draft, published
  std::int64_t created_at = 0;
  std::optional<std::int64_t> published_at;
};

// Task nodes of a subtree with their deadline in a period, counted as of a time.
struct NodeCounts {
  std::int64_t assignments = 0;
  std::int64_t done = 0;
  std::int64_t on_time = 0;
  std::int64_t overdue = 0;
  std::int64_t progress_sum = 0;  // basis points, now
};

struct ChildOrg {
  std::int64_t id = 0;
  std::string name;
  std::string level;
  std::string path;
};

struct OverdueItem {
  std::int64_t id = 0;
  std::string task_title;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_level;
  std::string deadline;
  int progress = 0;
};

struct OpenSupervision {
  std::int64_t id = 0;
  std::string title;
  std::int64_t target_id = 0;
  std::string target_name;
  std::string target_level;
  std::string deadline;
  std::string state;
};

class BulletinRepository {
 public:
  std::int64_t Insert(soci::session& sql, const Bulletin& bulletin, std::int64_t user_id) const;
  std::optional<Bulletin> Find(soci::session& sql, std::int64_t id) const;
  // Bulletins of orgs in the subtree, and published ones of the listed ancestors; newest first.
  std::vector<Bulletin> List(soci::session& sql, const core::OrgScope& scope,
                             const std::vector<std::int64_t>& ancestor_ids, std::int64_t offset, std::int64_t limit,
                             std::int64_t& total) const;
  void Publish(soci::session& sql, std::int64_t id, std::int64_t now) const;
  void Delete(soci::session& sql, std::int64_t id) const;

  std::vector<ChildOrg> Children(soci::session& sql, std::int64_t org_id) const;
  NodeCounts CountNodes(soci::session& sql, const core::OrgScope& scope, const std::string& from,
                        const std::string& to, std::int64_t as_of, const std::string& as_of_date) const;
  std::int64_t CountOpenSupervisions(soci::session& sql, const core::OrgScope& scope, std::int64_t as_of) const;
  // Strictly below the scope's org, at most `limit`.
  std::vector<OverdueItem> OverdueItems(soci::session& sql, const core::OrgScope& scope, const std::string& from,
                                        const std::string& to, std::int64_t as_of, const std::string& as_of_date,
                                        std::int64_t limit) const;
  std::vector<OpenSupervision> OpenSupervisions(soci::session& sql, const core::OrgScope& scope, std::int64_t as_of,
                                                std::int64_t limit) const;
};

}  // namespace liandong::bulletin
