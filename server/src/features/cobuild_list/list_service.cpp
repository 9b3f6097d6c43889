#include "features/cobuild_list/list_service.hpp"

#include <algorithm>
#include <map>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/org_scope.hpp"
#include "core/text.hpp"
#include "features/cobuild_list/matching.hpp"

namespace liandong::cobuild_list {
namespace {

using core::AppError;
using core::ErrorKind;

constexpr std::size_t kMaxTitleLength = 100;
constexpr std::size_t kMaxDescriptionLength = 2000;
constexpr std::size_t kMaxBeneficiariesLength = 200;
constexpr std::size_t kMaxOwnersLength = 100;
constexpr std::size_t kMaxTags = 10;
constexpr std::size_t kMaxTagLength = 20;
constexpr std::size_t kMaxMilestones = 20;
constexpr std::size_t kMaxServedOrgs = 50;
constexpr std::size_t kMaxTextLength = 2000;
constexpr std::int64_t kMaxQuantity = 1'000'000'000'000;
constexpr std::int64_t kMaxPeople = 1'000'000;

AppError Invalid(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kInvalidArgument, code);
  error.WithField(field);
  return error;
}

AppError Conflict(const std::string& code, const std::string& field) {
  AppError error(ErrorKind::kConflict, code);
  error.WithField(field);
  return error;
}

bool IsValidText(const std::string& text, std::size_t max_length) {
  return !text.empty() && core::CharacterCount(text) <= max_length;
}

void CheckTags(const std::vector<std::string>& tags, const std::string& code) {
  if (tags.size() > kMaxTags) throw Invalid(code, "tags");
  for (const std::string& tag : tags) {
    if (!IsValidText(tag, kMaxTagLength) || tag.find(',') != std::string::npos) throw Invalid(code, "tags");
  }
}

void CheckDate(const std::string& date, const std::string& code, const std::string& field) {
  if (!core::IsIsoDate(date)) throw Invalid(code, field);
}

std::string NeedLink(std::int64_t id) { return "/cobuild/needs/" + std::to_string(id); }
std::string ProjectLink(std::int64_t id) { return "/cobuild/projects/" + std::to_string(id); }

}  // namespace

bool IsNeedKind(std::string_view kind) { return kind == "need" || kind == "micro_wish"; }
bool IsResourceKind(std::string_view kind) {
  return kind == "funds" || kind == "venue" || kind == "talent" || kind == "service";
}

std::vector<Category> ListService::Categories(const core::Actor& actor) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  return repository_.Categories(session.sql());
}

bool ListService::HasCategory(soci::session& sql, const std::string& code) const {
  const std::vector<Category> categories = repository_.Categories(sql);
  return std::any_of(categories.begin(), categories.end(), [&](const Category& known) { return known.code == code; });
}

void ListService::RequireCategory(soci::session& sql, const std::string& category, const std::string& code) const {
  if (!HasCategory(sql, category)) throw Invalid(code, "category");
}

unit::Unit ListService::RequireUnitIn(soci::session& sql, const core::Actor& actor, std::int64_t unit_id,
                                      const std::string& org_path, const std::string& prefix) const {
  const core::OrgScope own = core::OrgScope::Of(actor);
  unit::Unit unit = unit_service_.RequireInScope(sql, own, unit_id, prefix + ".unit_not_found");
  // The unit lies in the territory of the org at `org_path` (which may be above the actor's own).
  if (!unit.org_path.starts_with(org_path)) throw Invalid(prefix + ".unit_outside_territory", "unit_id");
  if (unit.archived) throw Invalid(prefix + ".unit_outside_territory", "unit_id");
  return unit;
}

Need ListService::FindNeedInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.FindNeed(sql, id),
                              [](const Need& need) { return need.org_path; }, "need.not_found");
}

Resource ListService::FindResourceInSight(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  std::optional<Resource> found = repository_.FindResource(sql, id);
  const core::OrgScope own = core::OrgScope::Of(actor);
  // Resources listed at an ancestor serve the subtree: they are seen from below.
  if (found && own.IsWithinAncestorOf(found->org_path)) return std::move(*found);
  return core::RequireInScope(own, std::move(found), [](const Resource& resource) { return resource.org_path; },
                              "resource.not_found");
}

Project ListService::FindProjectInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const {
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.FindProject(sql, id),
                              [](const Project& project) { return project.org_path; }, "project.not_found");
}

NeedDetail ListService::LoadNeed(soci::session& sql, const core::Actor& actor, const Need& need) const {
  NeedDetail detail;
  detail.need = need;
  detail.claim = repository_.FindClaim(sql, need.id);
  if (need.project_id) detail.project = repository_.FindProject(sql, *need.project_id);
  detail.can_write = actor.Can("cobuild:write") && need.status == "open";
  detail.can_match = actor.Can("cobuild:match") && need.status == "open";
  return detail;
}

ProjectDetail ListService::LoadProject(soci::session& sql, const core::Actor& actor, const Project& project) const {
  ProjectDetail detail;
  detail.project = project;
  detail.milestones = repository_.ListMilestones(sql, project.id);
  detail.deliveries = repository_.ListDeliveries(sql, project.id);
  const core::OrgScope own = core::OrgScope::Of(actor);
  for (Need& need : repository_.NeedsOfProject(sql, project.id)) {
    if (own.Contains(need.org_path)) detail.needs.push_back(std::move(need));
  }
  detail.can_write = actor.Can("cobuild:write") && project.status == "active";
  return detail;
}

NeedDetail ListService::CreateNeed(const core::Actor& actor, const NewNeed& input) const {
  core::RequirePermission(actor, "cobuild:write");
  if (!IsNeedKind(input.need_kind)) throw Invalid("need.invalid_kind", "need_kind");
  if (!IsValidText(input.title, kMaxTitleLength)) throw Invalid("need.invalid_title", "title");
  if (!IsValidText(input.description, kMaxDescriptionLength)) throw Invalid("need.invalid_description", "description");
  if (!IsValidText(input.beneficiaries, kMaxBeneficiariesLength)) {
    throw Invalid("need.invalid_beneficiaries", "beneficiaries");
  }
  if (input.beneficiary_count <= 0 || input.beneficiary_count > kMaxPeople) {
    throw Invalid("need.invalid_beneficiary_count", "beneficiary_count");
  }
  CheckTags(input.tags, "need.invalid_tags");
  CheckDate(input.wanted_by, "need.invalid_date", "wanted_by");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  if (input.wanted_by < core::ChinaDate(now)) throw Invalid("need.wanted_in_past", "wanted_by");
  RequireCategory(sql, input.category, "need.invalid_category");
  const org::Org org = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), input.org_id, "need.org_not_found");
  if ((org.level != "street" && org.level != "community") || org.archived) throw Invalid("need.invalid_org", "org_id");
  const std::int64_t id = repository_.InsertNeed(sql, input, actor.user_id, now);
  audit_service_.Record(sql, actor, {"need.create", "need", id});
  NeedDetail detail = LoadNeed(sql, actor, *repository_.FindNeed(sql, id));
  transaction.Commit();
  return detail;
}

Page<Need> ListService::ListNeeds(const core::Actor& actor, const ListFilter& filter) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  return repository_.ListNeeds(session.sql(), org_service_.ScopeOf(session.sql(), actor, filter.org_id), filter);
}

NeedDetail ListService::GetNeed(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  return LoadNeed(session.sql(), actor, FindNeedInScope(session.sql(), actor, id));
}

std::vector<Suggestion> ListService::Suggest(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  soci::session& sql = session.sql();
  const Need need = FindNeedInScope(sql, actor, id);
  NeedForMatching matching;
  matching.tags = need.tags;
  matching.beneficiary_count = need.beneficiary_count;
  matching.category_name = repository_.CategoryName(sql, need.category);
  // The need's lineage; candidates come from its district (as far as the actor sees) and from the
  // orgs above.
  const core::OrgScope own = core::OrgScope::Of(actor);
  std::string district_path;
  for (const org::Org& org : org_service_.FindOnPath(sql, need.org_path)) {
    matching.lineage.push_back({org.id, org.level, org.name});
    if (org.level == "district") district_path = org.path;
  }
  core::OrgScope scope = own;
  if (!district_path.empty()) {
    if (const auto narrowed = own.Narrow(district_path)) scope = *narrowed;
  }
  std::vector<std::int64_t> ancestors = scope.Ids();
  ancestors.pop_back();
  const std::string today = core::ChinaDate(clock_.NowSeconds());
  const std::string last_day = std::max(today, need.wanted_by);
  std::vector<Candidate> candidates =
      repository_.ResourceCandidates(sql, need.category, scope, ancestors, today, last_day, kCandidateLimit);
  std::vector<std::int64_t> venues;
  for (const Candidate& candidate : candidates) {
    if (candidate.free_days < 0) venues.push_back(-candidate.free_days);
  }
  std::map<std::int64_t, std::int64_t> booked;
  for (const auto& [venue, days] : repository_.BookedDays(sql, venues, today, last_day)) booked[venue] = days;
  const std::int64_t window = core::DaysOfIsoDate(last_day) - core::DaysOfIsoDate(today) + 1;
  for (Candidate& candidate : candidates) {
    if (candidate.free_days >= 0) continue;
    const std::int64_t venue = -candidate.free_days;
    candidate.window_days = window;
    candidate.free_days = window - (booked.count(venue) ? booked[venue] : 0);
  }
  std::vector<Candidate> projects =
      repository_.ProjectCandidates(sql, need.category, scope, ancestors, today, kCandidateLimit);
  for (Candidate& project : projects) candidates.push_back(std::move(project));
  return Rank(matching, std::move(candidates), kSuggestions);
}

NeedDetail ListService::ConfirmMatch(const core::Actor& actor, std::int64_t id, const Match& match) const {
  core::RequirePermission(actor, "cobuild:match");
  if (match.resource_id.has_value() == match.project_id.has_value()) throw Invalid("need.invalid_match", "resource_id");
  if (match.quantity && (*match.quantity <= 0 || *match.quantity > kMaxQuantity)) {
    throw Invalid("resource.invalid_quantity", "quantity");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Need need = FindNeedInScope(sql, actor, id);
  if (need.status != "open") throw Conflict("need.not_open", "status");
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ChinaDate(now);
  std::int64_t project_id = 0;
  std::optional<std::int64_t> unit_org;
  std::string partner;
  if (match.resource_id) {
    const Resource resource = FindResourceInSight(sql, actor, *match.resource_id);
    if (resource.valid_to < today) throw Conflict("resource.expired", "resource_id");
    std::int64_t budget = 0;
    if (match.quantity && resource.resource_kind != "venue") {
      if (!repository_.CommitResource(sql, resource.id, *match.quantity)) {
        throw Conflict("resource.exhausted", "quantity");
      }
      if (resource.resource_kind == "funds") budget = *match.quantity;
    }
    NewProject project;
    project.org_id = need.org.id;
    if (resource.unit) project.unit_id = resource.unit->id;
    project.resource_id = resource.id;
    project.category = need.category;
    project.tags = need.tags;
    project.title = need.title;
    project.description = need.description + "\n对接资源：" + resource.title;
    project.budget = budget;
    partner = resource.unit ? resource.unit->name : resource.org.name;
    project.owners = partner;
    project.starts_on = today;
    project.ends_on = std::max(today, std::min(need.wanted_by, std::max(today, resource.valid_to)));
    project_id = repository_.InsertProject(sql, project, actor.user_id, now);
    if (resource.unit) {
      const auto unit = unit_service_.FindUnit(sql, resource.unit->id);
      if (unit && unit->fields.own_org_id) unit_org = *unit->fields.own_org_id;
    } else {
      unit_org = resource.org.id;
    }
    audit_service_.Record(sql, actor, {"project.create", "project", project_id, "ok", "from need " + std::to_string(id)});
  } else {
    const Project project = FindProjectInScope(sql, actor, *match.project_id);
    if (project.status != "active") throw Conflict("project.closed", "project_id");
    project_id = project.id;
    partner = project.unit ? project.unit->name : project.org.name;
    if (project.unit) {
      const auto unit = unit_service_.FindUnit(sql, project.unit->id);
      if (unit && unit->fields.own_org_id) unit_org = *unit->fields.own_org_id;
    }
  }
  if (!repository_.MatchNeed(sql, id, project_id, today)) throw Conflict("need.not_open", "status");
  const std::string title = "需求已对接：" + need.title;
  notification_service_.Notify(sql, {need.org.id, "cobuild_match", title,
                                     "街道已确认由" + partner + "承接本需求，已形成共建项目", ProjectLink(project_id)});
  if (unit_org && *unit_org != need.org.id) {
    notification_service_.Notify(sql, {*unit_org, "cobuild_match", title,
                                       need.org.name + "的需求已确认由本单位承接，请按项目推进并记录服务",
                                       ProjectLink(project_id)});
  }
  audit_service_.Record(sql, actor, {"need.match", "need", id, "ok", "project " + std::to_string(project_id)});
  NeedDetail detail = LoadNeed(sql, actor, *repository_.FindNeed(sql, id));
  transaction.Commit();
  return detail;
}

NeedDetail ListService::ClaimNeed(const core::Actor& actor, std::int64_t id, const NewClaim& claim) const {
  core::RequirePermission(actor, "cobuild:write");
  if (core::CharacterCount(claim.note) > kMaxTextLength) throw Invalid("need.invalid_claim_note", "note");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Need need = FindNeedInScope(sql, actor, id);
  if (need.need_kind != "micro_wish") throw Conflict("need.not_micro_wish", "need_kind");
  if (need.status == "claimed") throw Conflict("need.already_claimed", "status");
  if (need.status != "open") throw Conflict("need.not_open", "status");
  // A unit of the need's street (or of the community itself) claims it.
  std::string territory = need.org_path;
  for (const org::Org& org : org_service_.FindOnPath(sql, need.org_path)) {
    if (org.level == "street") territory = org.path;
  }
  const unit::Unit unit = RequireUnitIn(sql, actor, claim.unit_id, territory, "need");
  const std::int64_t now = clock_.NowSeconds();
  if (!repository_.ClaimNeed(sql, id)) throw Conflict("need.already_claimed", "status");
  const std::int64_t claim_id = repository_.InsertClaim(sql, id, claim, core::ChinaDate(now), actor.user_id, now);
  if (unit.fields.own_org_id) {
    notification_service_.Notify(sql, {*unit.fields.own_org_id, "cobuild_match", "微心愿已认领：" + need.title,
                                       "本单位认领了" + need.org.name + "的微心愿", NeedLink(id)});
  }
  audit_service_.Record(sql, actor, {"need.claim", "claim", claim_id});
  NeedDetail detail = LoadNeed(sql, actor, *repository_.FindNeed(sql, id));
  transaction.Commit();
  return detail;
}

Resource ListService::CreateResource(const core::Actor& actor, const NewResource& input) const {
  core::RequirePermission(actor, "cobuild:write");
  // Venues are listed through their venue, with their capacity.
  if (!IsResourceKind(input.resource_kind) || input.resource_kind == "venue") {
    throw Invalid("resource.invalid_kind", "resource_kind");
  }
  if (!IsValidText(input.title, kMaxTitleLength)) throw Invalid("resource.invalid_title", "title");
  if (core::CharacterCount(input.description) > kMaxDescriptionLength) {
    throw Invalid("resource.invalid_description", "description");
  }
  if (input.quantity <= 0 || input.quantity > kMaxQuantity) throw Invalid("resource.invalid_quantity", "quantity");
  if (input.headcount < 0 || input.headcount > kMaxPeople || (input.resource_kind == "talent" && input.headcount == 0)) {
    throw Invalid("resource.invalid_headcount", "headcount");
  }
  CheckTags(input.tags, "resource.invalid_tags");
  CheckDate(input.valid_from, "resource.invalid_date", "valid_from");
  CheckDate(input.valid_to, "resource.invalid_date", "valid_to");
  if (input.valid_to < input.valid_from) throw Invalid("resource.end_before_start", "valid_to");
  if (input.served_org_ids.size() > kMaxServedOrgs) throw Invalid("resource.invalid_served_org", "served_org_ids");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  RequireCategory(sql, input.category, "resource.invalid_category");
  const core::OrgScope own = core::OrgScope::Of(actor);
  const org::Org org = org_service_.RequireInScope(sql, own, input.org_id, "resource.org_not_found");
  if (org.archived) throw Invalid("resource.org_not_found", "org_id");
  if (input.unit_id) RequireUnitIn(sql, actor, *input.unit_id, org.path, "resource");
  NewResource resource = input;
  resource.service_centre_id.reset();
  resource.venue_id.reset();
  std::sort(resource.served_org_ids.begin(), resource.served_org_ids.end());
  resource.served_org_ids.erase(std::unique(resource.served_org_ids.begin(), resource.served_org_ids.end()),
                                resource.served_org_ids.end());
  for (const std::int64_t served : resource.served_org_ids) {
    org_service_.RequireInScope(sql, own, served, "resource.invalid_served_org");
  }
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id = repository_.InsertResource(sql, resource, actor.user_id, now);
  audit_service_.Record(sql, actor, {"resource.create", "resource", id});
  Resource created = *repository_.FindResource(sql, id);
  transaction.Commit();
  return created;
}

Page<Resource> ListService::ListResources(const core::Actor& actor, const ListFilter& filter) const {
  core::RequirePermission(actor, "cobuild:read");
  if (!filter.kind.empty() && !IsResourceKind(filter.kind)) throw Invalid("resource.invalid_kind", "kind");
  db::Session session(database_);
  return repository_.ListResources(session.sql(), org_service_.ScopeOf(session.sql(), actor, filter.org_id), filter);
}

Resource ListService::GetResource(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  return FindResourceInSight(session.sql(), actor, id);
}

ProjectDetail ListService::CreateProject(const core::Actor& actor, const NewProject& input) const {
  core::RequirePermission(actor, "cobuild:write");
  if (!IsValidText(input.title, kMaxTitleLength)) throw Invalid("project.invalid_title", "title");
  if (core::CharacterCount(input.description) > kMaxDescriptionLength) {
    throw Invalid("project.invalid_description", "description");
  }
  if (input.budget < 0 || input.budget > kMaxQuantity) throw Invalid("project.invalid_budget", "budget");
  if (!IsValidText(input.owners, kMaxOwnersLength)) throw Invalid("project.invalid_owners", "owners");
  CheckTags(input.tags, "project.invalid_tags");
  CheckDate(input.starts_on, "project.invalid_date", "starts_on");
  CheckDate(input.ends_on, "project.invalid_date", "ends_on");
  if (input.ends_on < input.starts_on) throw Invalid("project.end_before_start", "ends_on");
  if (input.milestones.size() > kMaxMilestones) throw Invalid("project.invalid_milestone", "milestones");
  for (const NewMilestone& milestone : input.milestones) {
    if (!IsValidText(milestone.title, kMaxTitleLength) || !core::IsIsoDate(milestone.due_on)) {
      throw Invalid("project.invalid_milestone", "milestones");
    }
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  RequireCategory(sql, input.category, "project.invalid_category");
  const org::Org org = org_service_.RequireInScope(sql, core::OrgScope::Of(actor), input.org_id, "project.org_not_found");
  if (org.archived) throw Invalid("project.org_not_found", "org_id");
  if (input.unit_id) RequireUnitIn(sql, actor, *input.unit_id, org.path, "project");
  NewProject project = input;
  project.resource_id.reset();
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t id = repository_.InsertProject(sql, project, actor.user_id, now);
  audit_service_.Record(sql, actor, {"project.create", "project", id});
  ProjectDetail detail = LoadProject(sql, actor, *repository_.FindProject(sql, id));
  transaction.Commit();
  return detail;
}

Page<Project> ListService::ListProjects(const core::Actor& actor, const ListFilter& filter) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  return repository_.ListProjects(session.sql(), org_service_.ScopeOf(session.sql(), actor, filter.org_id), filter);
}

ProjectDetail ListService::GetProject(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "cobuild:read");
  db::Session session(database_);
  return LoadProject(session.sql(), actor, FindProjectInScope(session.sql(), actor, id));
}

ProjectDetail ListService::RecordDelivery(const core::Actor& actor, std::int64_t id,
                                          const NewProjectDelivery& delivery) const {
  core::RequirePermission(actor, "cobuild:write");
  CheckDate(delivery.delivered_on, "project.invalid_date", "delivered_on");
  if (!IsValidText(delivery.text, kMaxTextLength)) throw Invalid("project.invalid_delivery", "text");
  if (delivery.people_served < 0 || delivery.people_served > kMaxPeople) {
    throw Invalid("project.invalid_people_served", "people_served");
  }
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Project project = FindProjectInScope(sql, actor, id);
  if (project.status != "active") throw Conflict("project.closed", "status");
  const std::int64_t now = clock_.NowSeconds();
  if (delivery.delivered_on < project.starts_on || delivery.delivered_on > core::ChinaDate(now)) {
    throw Invalid("project.delivery_outside_term", "delivered_on");
  }
  const std::int64_t delivery_id = repository_.InsertDelivery(sql, id, delivery, actor.user_id, now);
  audit_service_.Record(sql, actor, {"project.deliver", "project_delivery", delivery_id});
  ProjectDetail detail = LoadProject(sql, actor, *repository_.FindProject(sql, id));
  transaction.Commit();
  return detail;
}

ProjectDetail ListService::Rate(const core::Actor& actor, std::int64_t id, const Rating& rating) const {
  core::RequirePermission(actor, "cobuild:write");
  if (rating.rating < 1 || rating.rating > 5) throw Invalid("project.invalid_rating", "rating");
  if (core::CharacterCount(rating.comment) > kMaxTextLength) throw Invalid("project.invalid_comment", "comment");
  db::Session session(database_);
  soci::session& sql = session.sql();
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Project project = FindProjectInScope(sql, actor, id);
  if (project.status != "active") throw Conflict("project.closed", "status");
  if (repository_.ListDeliveries(sql, id).empty()) throw Conflict("project.not_delivered", "rating");
  const std::string today = core::ChinaDate(clock_.NowSeconds());
  if (!repository_.RateProject(sql, id, rating, today)) throw Conflict("project.closed", "status");
  repository_.CloseNeedsOfProject(sql, id, today);
  audit_service_.Record(sql, actor, {"project.rate", "project", id, "ok", std::to_string(rating.rating)});
  ProjectDetail detail = LoadProject(sql, actor, *repository_.FindProject(sql, id));
  transaction.Commit();
  return detail;
}

}  // namespace liandong::cobuild_list
