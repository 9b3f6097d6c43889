// SQL for needs, claims, resources, projects and the candidates of matching.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/cobuild_list/list_model.hpp"
#include "features/cobuild_list/matching.hpp"

namespace liandong::cobuild_list {

class ListRepository {
 public:
  std::vector<Category> Categories(soci::session& sql) const;
  // The Chinese name of a category code ("" when there is none).
  std::string CategoryName(soci::session& sql, const std::string& code) const;

  std::int64_t InsertNeed(soci::session& sql, const NewNeed& input, std::int64_t created_by, std::int64_t now) const;
  std::optional<Need> FindNeed(soci::session& sql, std::int64_t id) const;
  Page<Need> ListNeeds(soci::session& sql, const core::OrgScope& scope, const ListFilter& filter) const;
  // Moves an open need on; false when it is no longer open.
  bool MatchNeed(soci::session& sql, std::int64_t id, std::int64_t project_id, const std::string& on) const;
  bool ClaimNeed(soci::session& sql, std::int64_t id) const;
  void CloseNeedsOfProject(soci::session& sql, std::int64_t project_id, const std::string& on) const;
  std::vector<Need> NeedsOfProject(soci::session& sql, std::int64_t project_id) const;

  std::int64_t InsertClaim(soci::session& sql, std::int64_t need_id, const NewClaim& claim, const std::string& on,
                           std::int64_t created_by, std::int64_t now) const;
  std::optional<Claim> FindClaim(soci::session& sql, std::int64_t need_id) const;

  std::int64_t InsertResource(soci::session& sql, const NewResource& input, std::int64_t created_by,
                              std::int64_t now) const;
  std::optional<Resource> FindResource(soci::session& sql, std::int64_t id) const;
  Page<Resource> ListResources(soci::session& sql, const core::OrgScope& scope, const ListFilter& filter) const;
  // Takes `quantity` from what remains of the resource; false when not that much remains.
  bool CommitResource(soci::session& sql, std::int64_t id, std::int64_t quantity) const;

  std::int64_t InsertProject(soci::session& sql, const NewProject& input, std::int64_t created_by,
                             std::int64_t now) const;
  std::optional<Project> FindProject(soci::session& sql, std::int64_t id) const;
  Page<Project> ListProjects(soci::session& sql, const core::OrgScope& scope, const ListFilter& filter) const;
  std::vector<Milestone> ListMilestones(soci::session& sql, std::int64_t project_id) const;
  std::vector<ProjectDelivery> ListDeliveries(soci::session& sql, std::int64_t project_id) const;
  std::int64_t InsertDelivery(soci::session& sql, std::int64_t project_id, const NewProjectDelivery& delivery,
                              std::int64_t recorded_by, std::int64_t now) const;
  // Closes an active project with its rating; false when it was closed meanwhile.
  bool RateProject(soci::session& sql, std::int64_t id, const Rating& rating, const std::string& on) const;

  // The valid resources of the category listed in `scope` or at one of `ancestor_ids`, valid on
  // some day from `today` to `wanted_by`; at most `limit`, without their scores. Both candidate
  // reads walk the orgs in scope and look each up in (org_id, category, …) (SQLite's CROSS JOIN
  // keeps that order): a street's few hundred orgs, not the city's resources of the category.
  std::vector<Candidate> ResourceCandidates(soci::session& sql, const std::string& category,
                                            const core::OrgScope& scope, const std::vector<std::int64_t>& ancestor_ids,
                                            const std::string& today, const std::string& wanted_by, int limit) const;
  std::vector<Candidate> ProjectCandidates(soci::session& sql, const std::string& category,
                                           const core::OrgScope& scope, const std::vector<std::int64_t>& ancestor_ids,
                                           const std::string& today, int limit) const;
  // The days from `from` to `to` with at least one booking, per venue.
  std::vector<std::pair<std::int64_t, std::int64_t>> BookedDays(soci::session& sql,
                                                                 const std::vector<std::int64_t>& venue_ids,
                                                                 const std::string& from, const std::string& to) const;
};

}  // namespace liandong::cobuild_list
