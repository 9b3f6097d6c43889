// The three co-building lists (三张清单): needs raised by streets and communities (micro-wishes
// among them, claimed whole by one unit), resources offered by units, departments and service
// centres, and projects undertaken by units; and the matching of a need with resources and
// projects of its lineage in the org tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liandong::cobuild_list {

bool IsNeedKind(std::string_view kind);      // need, micro_wish
bool IsResourceKind(std::string_view kind);  // funds, venue, talent, service

struct Ref {
  std::int64_t id = 0;
  std::string name;
};

struct Category {
  std::string code;
  std::string name;
};

struct Need {
  std::int64_t id = 0;
  Ref org;
  std::string org_path;
  std::string need_kind;
  std::string category;
  std::vector<std::string> tags;
  std::string title;
  std::string description;
  std::string beneficiaries;
  std::int64_t beneficiary_count = 0;
  std::string wanted_by;
  std::string status;  // open, matched, claimed, closed
  std::optional<std::int64_t> project_id;
  std::optional<std::string> matched_on;
  std::optional<std::string> closed_on;
  std::int64_t created_at = 0;
};

struct Claim {
  std::int64_t id = 0;
  Ref unit;
  std::string claimed_on;
  std::string note;
};

struct Resource {
  std::int64_t id = 0;
  Ref org;
  std::string org_path;
  std::optional<Ref> unit;
  std::optional<Ref> service_centre;
  std::optional<std::int64_t> venue_id;
  std::string resource_kind;
  std::string category;
  std::vector<std::string> tags;
  std::string title;
  std::string description;
  std::int64_t quantity = 0;  // funds: fen; venue: capacity; talent: hours; service: times
  std::int64_t headcount = 0;
  std::int64_t committed = 0;
  std::string valid_from;
  std::string valid_to;
  std::vector<Ref> served_orgs;
  std::int64_t created_at = 0;
};

struct Milestone {
  std::int64_t id = 0;
  std::string title;
  std::string due_on;
};

struct ProjectDelivery {
  std::int64_t id = 0;
  std::string delivered_on;
  std::string text;
  std::int64_t people_served = 0;
  std::string recorded_by;
  std::int64_t recorded_at = 0;
};

struct Project {
  std::int64_t id = 0;
  Ref org;
  std::string org_path;
  std::optional<Ref> unit;
  std::optional<std::int64_t> resource_id;
  std::string category;
  std::vector<std::string> tags;
  std::string title;
  std::string description;
  std::int64_t budget = 0;  // fen
  std::string owners;
  std::string starts_on;
  std::string ends_on;
  std::string status;  // active, closed
  std::int64_t people_served = 0;
  std::optional<std::int64_t> rating;
  std::string rating_comment;
  std::optional<std::string> rated_on;
  std::int64_t created_at = 0;
};

struct ProjectDetail {
  Project project;
  std::vector<Milestone> milestones;
  std::vector<ProjectDelivery> deliveries;
  std::vector<Need> needs;  // the needs it answers
  bool can_write = false;
};

struct NeedDetail {
  Need need;
  std::optional<Claim> claim;
  std::optional<Project> project;
  bool can_write = false;
  bool can_match = false;
};

// One suggestion for a need, with the parts of its score and why it ranks where it does.
struct ScorePart {
  std::string name;  // category, tags, distance, capacity, free_slots
  std::int64_t points = 0;
  std::string reason;  // Chinese
};

struct Suggestion {
  std::string kind;  // resource, project
  std::int64_t id = 0;
  std::string title;
  std::string resource_kind;  // for resources
  Ref org;
  std::optional<Ref> unit;
  std::int64_t score = 0;
  std::vector<ScorePart> parts;
  std::string explanation;  // the reasons joined, Chinese
};

struct NewNeed {
  std::int64_t org_id = 0;
  std::string need_kind;
  std::string category;
  std::vector<std::string> tags;
  std::string title;
  std::string description;
  std::string beneficiaries;
  std::int64_t beneficiary_count = 0;
  std::string wanted_by;
};

struct NewResource {
  std::int64_t org_id = 0;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> service_centre_id;
  std::optional<std::int64_t> venue_id;  // set by the venue feature only
  std::string resource_kind;
  std::string category;
  std::vector<std::string> tags;
  std::string title;
  std::string description;
  std::int64_t quantity = 0;
  std::int64_t headcount = 0;
  std::string valid_from;
  std::string valid_to;
  std::vector<std::int64_t> served_org_ids;
};

struct NewMilestone {
  std::string title;
  std::string due_on;
};

struct NewProject {
  std::int64_t org_id = 0;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> resource_id;
  std::string category;
  std::vector<std::string> tags;
  std::string title;
  std::string description;
  std::int64_t budget = 0;
  std::string owners;
  std::string starts_on;
  std::string ends_on;
  std::vector<NewMilestone> milestones;
};

struct NewProjectDelivery {
  std::string delivered_on;
  std::string text;
  std::int64_t people_served = 0;
};

struct Rating {
  std::int64_t rating = 0;
  std::string comment;
};

// The street's confirmation: a resource (a new project is made) or an existing project.
struct Match {
  std::optional<std::int64_t> resource_id;
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> quantity;  // taken from the resource (not for venues)
};

struct NewClaim {
  std::int64_t unit_id = 0;
  std::string note;
};

struct ListFilter {
  std::optional<std::int64_t> org_id;
  std::string status;  // needs: open|matched|claimed|closed; projects: active|closed
  std::string kind;    // needs: need|micro_wish; resources: funds|venue|talent|service
  std::string category;
  std::string text;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

template <typename Item>
struct Page {
  std::vector<Item> items;
  std::int64_t total = 0;
};

}  // namespace liandong::cobuild_list
