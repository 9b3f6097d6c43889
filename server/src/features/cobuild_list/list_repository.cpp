#include "features/cobuild_list/list_repository.hpp"

#include <map>
#include <string_view>

#include "db/in_list.hpp"
#include "db/like_pattern.hpp"
#include "db/org_scope_binding.hpp"
#include "features/cobuild_list/list_rows.hpp"
#include "features/cobuild_overview/tally.hpp"

namespace liandong::cobuild_list {
namespace {

std::int64_t OrgOfNeed(soci::session& sql, std::int64_t id) {
  const long long key = id;
  long long org = 0;
  sql << "SELECT org_id FROM need WHERE id = :id", soci::use(key, "id"), soci::into(org);
  return org;
}

constexpr std::string_view kSelectCategories = "SELECT code, name FROM cobuild_category ORDER BY sort_order, code";

constexpr std::string_view kSelectNeeds = R"sql(
  SELECT n.id, o.id, o.name, o.path, n.need_kind, n.category, n.tags, n.title, n.description, n.beneficiaries,
         n.beneficiary_count, n.wanted_by, n.status, n.project_id, n.matched_on, n.closed_on, n.created_at
  FROM need n
  JOIN org o ON o.id = n.org_id
)sql";
// Filters bound always, empty meaning any, so that one statement serves every list.
constexpr std::string_view kNeedFilter = R"sql(
  WHERE o.path >= :scope AND o.path < :scope_end
    AND (:status = '' OR n.status = :status_again)
    AND (:kind = '' OR n.need_kind = :kind_again)
    AND (:category = '' OR n.category = :category_again)
    AND (:text = '%%' OR n.title LIKE :text_again ESCAPE '\')
)sql";
constexpr std::string_view kInsertNeed = R"sql(
  INSERT INTO need (org_id, need_kind, category, tags, title, description, beneficiaries, beneficiary_count, wanted_by,
                    status, created_by, created_at)
  VALUES (:org_id, :need_kind, :category, :tags, :title, :description, :beneficiaries, :beneficiary_count, :wanted_by,
          'open', :created_by, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kSelectResources = R"sql(
  SELECT r.id, o.id, o.name, o.path, u.id, u.name, c.id, c.name, r.venue_id, r.resource_kind, r.category, r.tags,
         r.title, r.description, r.quantity, r.headcount, r.committed, r.valid_from, r.valid_to, r.created_at
  FROM resource r
  JOIN org o ON o.id = r.org_id
  LEFT JOIN unit u ON u.id = r.unit_id
  LEFT JOIN service_centre c ON c.id = r.service_centre_id
)sql";
constexpr std::string_view kResourceFilter = R"sql(
  WHERE o.path >= :scope AND o.path < :scope_end
    AND (:kind = '' OR r.resource_kind = :kind_again)
    AND (:category = '' OR r.category = :category_again)
    AND (:text = '%%' OR r.title LIKE :text_again ESCAPE '\')
)sql";
constexpr std::string_view kInsertResource = R"sql(
  INSERT INTO resource (org_id, unit_id, service_centre_id, venue_id, resource_kind, category, tags, title, description,
                        quantity, headcount, valid_from, valid_to, created_by, created_at)
  VALUES (:org_id, :unit_id, :service_centre_id, :venue_id, :resource_kind, :category, :tags, :title, :description,
          :quantity, :headcount, :valid_from, :valid_to, :created_by, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kSelectProjects = R"sql(
  SELECT p.id, o.id, o.name, o.path, u.id, u.name, p.resource_id, p.category, p.tags, p.title, p.description,
         p.budget, p.owners, p.starts_on, p.ends_on, p.status, p.people_served, p.rating, p.rating_comment, p.rated_on,
         p.created_at
  FROM project p
  JOIN org o ON o.id = p.org_id
  LEFT JOIN unit u ON u.id = p.unit_id
)sql";
constexpr std::string_view kProjectFilter = R"sql(
  WHERE o.path >= :scope AND o.path < :scope_end
    AND (:status = '' OR p.status = :status_again)
    AND (:category = '' OR p.category = :category_again)
    AND (:text = '%%' OR p.title LIKE :text_again ESCAPE '\')
)sql";
constexpr std::string_view kInsertProject = R"sql(
  INSERT INTO project (org_id, unit_id, resource_id, category, tags, title, description, budget, owners, starts_on,
                       ends_on, status, created_by, created_at)
  VALUES (:org_id, :unit_id, :resource_id, :category, :tags, :title, :description, :budget, :owners, :starts_on,
          :ends_on, 'active', :created_by, :created_at)
  RETURNING id
)sql";

Need NeedOf(const soci::row& row) {
  Need need;
  need.id = Integer(row, 0);
  need.org = {Integer(row, 1), Text(row, 2)};
  need.org_path = Text(row, 3);
  need.need_kind = Text(row, 4);
  need.category = Text(row, 5);
  need.tags = TagsOf(Text(row, 6));
  need.title = Text(row, 7);
  need.description = Text(row, 8);
  need.beneficiaries = Text(row, 9);
  need.beneficiary_count = Integer(row, 10);
  need.wanted_by = Text(row, 11);
  need.status = Text(row, 12);
  need.project_id = OptionalInteger(row, 13);
  need.matched_on = OptionalText(row, 14);
  need.closed_on = OptionalText(row, 15);
  need.created_at = Integer(row, 16);
  return need;
}

Resource ResourceOf(const soci::row& row) {
  Resource resource;
  resource.id = Integer(row, 0);
  resource.org = {Integer(row, 1), Text(row, 2)};
  resource.org_path = Text(row, 3);
  if (!IsNull(row, 4)) resource.unit = Ref{Integer(row, 4), Text(row, 5)};
  if (!IsNull(row, 6)) resource.service_centre = Ref{Integer(row, 6), Text(row, 7)};
  resource.venue_id = OptionalInteger(row, 8);
  resource.resource_kind = Text(row, 9);
  resource.category = Text(row, 10);
  resource.tags = TagsOf(Text(row, 11));
  resource.title = Text(row, 12);
  resource.description = Text(row, 13);
  resource.quantity = Integer(row, 14);
  resource.headcount = Integer(row, 15);
  resource.committed = Integer(row, 16);
  resource.valid_from = Text(row, 17);
  resource.valid_to = Text(row, 18);
  resource.created_at = Integer(row, 19);
  return resource;
}

Project ProjectOf(const soci::row& row) {
  Project project;
  project.id = Integer(row, 0);
  project.org = {Integer(row, 1), Text(row, 2)};
  project.org_path = Text(row, 3);
  if (!IsNull(row, 4)) project.unit = Ref{Integer(row, 4), Text(row, 5)};
  project.resource_id = OptionalInteger(row, 6);
  project.category = Text(row, 7);
  project.tags = TagsOf(Text(row, 8));
  project.title = Text(row, 9);
  project.description = Text(row, 10);
  project.budget = Integer(row, 11);
  project.owners = Text(row, 12);
  project.starts_on = Text(row, 13);
  project.ends_on = Text(row, 14);
  project.status = Text(row, 15);
  project.people_served = Integer(row, 16);
  project.rating = OptionalInteger(row, 17);
  project.rating_comment = Text(row, 18);
  project.rated_on = OptionalText(row, 19);
  project.created_at = Integer(row, 20);
  return project;
}

// The join of the matching's candidates to each org in scope, looked up in (org_id, category, …):
// SQLite keeps a CROSS JOIN's order; PostgreSQL would hash the category's rows of the whole city
// against the orgs (4 ms against 0.8 ms on the megacity), so it gets a LATERAL subquery that
// OFFSET 0 keeps from being flattened. `filter` names the table by its first letter.
std::string OrgsThen(const std::string& table, const std::string& filter, bool postgres) {
  const std::string alias = table.substr(0, 1);
  if (!postgres) return "CROSS JOIN " + table + " " + alias;
  return "CROSS JOIN LATERAL (SELECT * FROM " + table + " " + alias + " WHERE " + filter + " OFFSET 0) " + alias;
}

// A page of a list: its count and its rows, with the same filter bound to both.
template <typename Item, typename Convert>
Page<Item> ListPage(soci::session& sql, std::string_view select, std::string_view from_count,
                    std::string_view filter_sql, std::string_view order, const core::OrgScope& scope,
                    const ListFilter& filter, Convert convert) {
  const std::string pattern = db::LikePattern(filter.text);
  const long long limit = filter.limit;
  const long long offset = filter.offset;
  Page<Item> page;
  long long total = 0;
  sql << std::string(from_count) + std::string(filter_sql), db::UseScope{scope}, soci::use(filter.status, "status"),
      soci::use(filter.status, "status_again"), soci::use(filter.kind, "kind"), soci::use(filter.kind, "kind_again"),
      soci::use(filter.category, "category"), soci::use(filter.category, "category_again"), soci::use(pattern, "text"),
      soci::use(pattern, "text_again"), soci::into(total);
  page.total = total;
  if (total == 0) return page;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(select) + std::string(filter_sql) + std::string(order) +
                          " LIMIT :limit OFFSET :offset",
       db::UseScope{scope}, soci::use(filter.status, "status"), soci::use(filter.status, "status_again"),
       soci::use(filter.kind, "kind"), soci::use(filter.kind, "kind_again"), soci::use(filter.category, "category"),
       soci::use(filter.category, "category_again"), soci::use(pattern, "text"), soci::use(pattern, "text_again"),
       soci::use(limit, "limit"), soci::use(offset, "offset"));
  for (const soci::row& row : rows) page.items.push_back(convert(row));
  return page;
}

}  // namespace

std::string ListRepository::CategoryName(soci::session& sql, const std::string& code) const {
  std::string name;
  soci::indicator indicator = soci::i_ok;
  sql << "SELECT name FROM cobuild_category WHERE code = :code", soci::use(code, "code"), soci::into(name, indicator);
  return sql.got_data() && indicator == soci::i_ok ? name : std::string();
}

std::vector<Category> ListRepository::Categories(soci::session& sql) const {
  std::vector<Category> categories;
  soci::rowset<soci::row> rows = (sql.prepare << kSelectCategories);
  for (const soci::row& row : rows) categories.push_back({Text(row, 0), Text(row, 1)});
  return categories;
}

std::int64_t ListRepository::InsertNeed(soci::session& sql, const NewNeed& input, std::int64_t created_by,
                                        std::int64_t now) const {
  const long long org = input.org_id, count = input.beneficiary_count, user = created_by, at = now;
  const std::string tags = TagsColumn(input.tags);
  long long id = 0;
  sql << kInsertNeed, soci::use(org, "org_id"), soci::use(input.need_kind, "need_kind"),
      soci::use(input.category, "category"), soci::use(tags, "tags"), soci::use(input.title, "title"),
      soci::use(input.description, "description"), soci::use(input.beneficiaries, "beneficiaries"),
      soci::use(count, "beneficiary_count"), soci::use(input.wanted_by, "wanted_by"), soci::use(user, "created_by"),
      soci::use(at, "created_at"), soci::into(id);
  cobuild_overview::AddToTally(sql, input.org_id, cobuild_overview::kNeedsOpen, 0, 1);
  return id;
}

std::optional<Need> ListRepository::FindNeed(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  soci::rowset<soci::row> rows = (sql.prepare << std::string(kSelectNeeds) + " WHERE n.id = :id", soci::use(key, "id"));
  for (const soci::row& row : rows) return NeedOf(row);
  return std::nullopt;
}

Page<Need> ListRepository::ListNeeds(soci::session& sql, const core::OrgScope& scope, const ListFilter& filter) const {
  return ListPage<Need>(sql, kSelectNeeds, "SELECT COUNT(*) FROM need n JOIN org o ON o.id = n.org_id", kNeedFilter,
                        " ORDER BY n.id DESC", scope, filter, NeedOf);
}

bool ListRepository::MatchNeed(soci::session& sql, std::int64_t id, std::int64_t project_id,
                               const std::string& on) const {
  const long long key = id, project = project_id;
  soci::statement statement =
      (sql.prepare << "UPDATE need SET status = 'matched', project_id = :project_id, matched_on = :on "
                      "WHERE id = :id AND status = 'open'",
       soci::use(project, "project_id"), soci::use(on, "on"), soci::use(key, "id"));
  statement.execute(true);
  if (statement.get_affected_rows() != 1) return false;
  cobuild_overview::MoveNeed(sql, OrgOfNeed(sql, id), "open", "matched");
  return true;
}

bool ListRepository::ClaimNeed(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  soci::statement statement =
      (sql.prepare << "UPDATE need SET status = 'claimed' WHERE id = :id AND status = 'open'", soci::use(key, "id"));
  statement.execute(true);
  if (statement.get_affected_rows() != 1) return false;
  cobuild_overview::MoveNeed(sql, OrgOfNeed(sql, id), "open", "claimed");
  return true;
}

void ListRepository::CloseNeedsOfProject(soci::session& sql, std::int64_t project_id, const std::string& on) const {
  const long long project = project_id;
  std::vector<std::int64_t> closing;  // the orgs of the needs closed, one entry per need
  {
    long long org = 0;
    soci::statement orgs =
        (sql.prepare << "SELECT org_id FROM need WHERE project_id = :project_id AND status = 'matched'",
         soci::use(project, "project_id"), soci::into(org));
    orgs.execute();
    while (orgs.fetch()) closing.push_back(org);
  }
  for (const std::int64_t org : closing) cobuild_overview::MoveNeed(sql, org, "matched", "closed");
  sql << "UPDATE need SET status = 'closed', closed_on = :on WHERE project_id = :project_id AND status = 'matched'",
      soci::use(on, "on"), soci::use(project, "project_id");
}

std::vector<Need> ListRepository::NeedsOfProject(soci::session& sql, std::int64_t project_id) const {
  const long long project = project_id;
  std::vector<Need> needs;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelectNeeds) + " WHERE n.project_id = :project_id ORDER BY n.id",
       soci::use(project, "project_id"));
  for (const soci::row& row : rows) needs.push_back(NeedOf(row));
  return needs;
}

std::int64_t ListRepository::InsertClaim(soci::session& sql, std::int64_t need_id, const NewClaim& claim,
                                         const std::string& on, std::int64_t created_by, std::int64_t now) const {
  const long long need = need_id, unit = claim.unit_id, user = created_by, at = now;
  long long id = 0;
  sql << "INSERT INTO claim (need_id, unit_id, claimed_on, note, created_by, created_at) "
         "VALUES (:need_id, :unit_id, :claimed_on, :note, :created_by, :created_at) RETURNING id",
      soci::use(need, "need_id"), soci::use(unit, "unit_id"), soci::use(on, "claimed_on"),
      soci::use(claim.note, "note"), soci::use(user, "created_by"), soci::use(at, "created_at"), soci::into(id);
  return id;
}

std::optional<Claim> ListRepository::FindClaim(soci::session& sql, std::int64_t need_id) const {
  const long long need = need_id;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT c.id, u.id, u.name, c.claimed_on, c.note FROM claim c JOIN unit u ON u.id = c.unit_id "
                      "WHERE c.need_id = :need_id",
       soci::use(need, "need_id"));
  for (const soci::row& row : rows) {
    return Claim{Integer(row, 0), {Integer(row, 1), Text(row, 2)}, Text(row, 3), Text(row, 4)};
  }
  return std::nullopt;
}

std::int64_t ListRepository::InsertResource(soci::session& sql, const NewResource& input, std::int64_t created_by,
                                            std::int64_t now) const {
  const long long org = input.org_id, unit = input.unit_id.value_or(0), centre = input.service_centre_id.value_or(0),
                  venue = input.venue_id.value_or(0), quantity = input.quantity, headcount = input.headcount,
                  user = created_by, at = now;
  soci::indicator unit_indicator = input.unit_id ? soci::i_ok : soci::i_null;
  soci::indicator centre_indicator = input.service_centre_id ? soci::i_ok : soci::i_null;
  soci::indicator venue_indicator = input.venue_id ? soci::i_ok : soci::i_null;
  const std::string tags = TagsColumn(input.tags);
  long long id = 0;
  sql << kInsertResource, soci::use(org, "org_id"), soci::use(unit, unit_indicator, "unit_id"),
      soci::use(centre, centre_indicator, "service_centre_id"), soci::use(venue, venue_indicator, "venue_id"),
      soci::use(input.resource_kind, "resource_kind"), soci::use(input.category, "category"), soci::use(tags, "tags"),
      soci::use(input.title, "title"), soci::use(input.description, "description"), soci::use(quantity, "quantity"),
      soci::use(headcount, "headcount"), soci::use(input.valid_from, "valid_from"),
      soci::use(input.valid_to, "valid_to"), soci::use(user, "created_by"), soci::use(at, "created_at"), soci::into(id);
  for (const std::int64_t served : input.served_org_ids) {
    const long long served_id = served;
    sql << "INSERT INTO resource_served_org (resource_id, org_id) VALUES (:resource_id, :org_id)",
        soci::use(id, "resource_id"), soci::use(served_id, "org_id");
  }
  return id;
}

std::optional<Resource> ListRepository::FindResource(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  std::optional<Resource> found;
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kSelectResources) + " WHERE r.id = :id", soci::use(key, "id"));
    for (const soci::row& row : rows) found = ResourceOf(row);
  }
  if (!found) return found;
  soci::rowset<soci::row> served =
      (sql.prepare << "SELECT o.id, o.name FROM resource_served_org s JOIN org o ON o.id = s.org_id "
                      "WHERE s.resource_id = :id ORDER BY o.path",
       soci::use(key, "id"));
  for (const soci::row& row : served) found->served_orgs.push_back({Integer(row, 0), Text(row, 1)});
  return found;
}

Page<Resource> ListRepository::ListResources(soci::session& sql, const core::OrgScope& scope,
                                             const ListFilter& filter) const {
  ListFilter resource_filter = filter;
  resource_filter.status.clear();
  return ListPage<Resource>(sql, kSelectResources, "SELECT COUNT(*) FROM resource r JOIN org o ON o.id = r.org_id",
                            std::string(kResourceFilter) + " AND (:status = '' OR :status_again = '')",
                            " ORDER BY r.id DESC", scope, resource_filter, ResourceOf);
}

bool ListRepository::CommitResource(soci::session& sql, std::int64_t id, std::int64_t quantity) const {
  const long long key = id, amount = quantity;
  soci::statement statement = (sql.prepare << "UPDATE resource SET committed = committed + :amount WHERE id = :id "
                                              "AND committed + :amount_again <= quantity",
                               soci::use(amount, "amount"), soci::use(key, "id"), soci::use(amount, "amount_again"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::int64_t ListRepository::InsertProject(soci::session& sql, const NewProject& input, std::int64_t created_by,
                                           std::int64_t now) const {
  const long long org = input.org_id, unit = input.unit_id.value_or(0), resource = input.resource_id.value_or(0),
                  budget = input.budget, user = created_by, at = now;
  soci::indicator unit_indicator = input.unit_id ? soci::i_ok : soci::i_null;
  soci::indicator resource_indicator = input.resource_id ? soci::i_ok : soci::i_null;
  const std::string tags = TagsColumn(input.tags);
  long long id = 0;
  sql << kInsertProject, soci::use(org, "org_id"), soci::use(unit, unit_indicator, "unit_id"),
      soci::use(resource, resource_indicator, "resource_id"), soci::use(input.category, "category"),
      soci::use(tags, "tags"), soci::use(input.title, "title"), soci::use(input.description, "description"),
      soci::use(budget, "budget"), soci::use(input.owners, "owners"), soci::use(input.starts_on, "starts_on"),
      soci::use(input.ends_on, "ends_on"), soci::use(user, "created_by"), soci::use(at, "created_at"), soci::into(id);
  int order = 0;
  for (const NewMilestone& milestone : input.milestones) {
    ++order;
    sql << "INSERT INTO project_milestone (project_id, title, due_on, sort_order) "
           "VALUES (:project_id, :title, :due_on, :sort_order)",
        soci::use(id, "project_id"), soci::use(milestone.title, "title"), soci::use(milestone.due_on, "due_on"),
        soci::use(order, "sort_order");
  }
  return id;
}

std::optional<Project> ListRepository::FindProject(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kSelectProjects) + " WHERE p.id = :id", soci::use(key, "id"));
  for (const soci::row& row : rows) return ProjectOf(row);
  return std::nullopt;
}

Page<Project> ListRepository::ListProjects(soci::session& sql, const core::OrgScope& scope,
                                           const ListFilter& filter) const {
  ListFilter project_filter = filter;
  project_filter.kind.clear();
  return ListPage<Project>(sql, kSelectProjects, "SELECT COUNT(*) FROM project p JOIN org o ON o.id = p.org_id",
                           std::string(kProjectFilter) + " AND (:kind = '' OR :kind_again = '')", " ORDER BY p.id DESC",
                           scope, project_filter, ProjectOf);
}

std::vector<Milestone> ListRepository::ListMilestones(soci::session& sql, std::int64_t project_id) const {
  const long long project = project_id;
  std::vector<Milestone> milestones;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, title, due_on FROM project_milestone WHERE project_id = :project_id "
                      "ORDER BY sort_order, id",
       soci::use(project, "project_id"));
  for (const soci::row& row : rows) milestones.push_back({Integer(row, 0), Text(row, 1), Text(row, 2)});
  return milestones;
}

std::vector<ProjectDelivery> ListRepository::ListDeliveries(soci::session& sql, std::int64_t project_id) const {
  const long long project = project_id;
  std::vector<ProjectDelivery> deliveries;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT d.id, d.delivered_on, d.text, d.people_served, us.display_name, d.recorded_at "
                      "FROM project_delivery d JOIN user_account us ON us.id = d.recorded_by "
                      "WHERE d.project_id = :project_id ORDER BY d.delivered_on, d.id",
       soci::use(project, "project_id"));
  for (const soci::row& row : rows) {
    deliveries.push_back({Integer(row, 0), Text(row, 1), Text(row, 2), Integer(row, 3), Text(row, 4), Integer(row, 5)});
  }
  return deliveries;
}

std::int64_t ListRepository::InsertDelivery(soci::session& sql, std::int64_t project_id,
                                            const NewProjectDelivery& delivery, std::int64_t recorded_by,
                                            std::int64_t now) const {
  const long long project = project_id, people = delivery.people_served, user = recorded_by, at = now;
  long long id = 0;
  sql << "INSERT INTO project_delivery (project_id, delivered_on, text, people_served, recorded_by, recorded_at) "
         "VALUES (:project_id, :delivered_on, :text, :people_served, :recorded_by, :recorded_at) RETURNING id",
      soci::use(project, "project_id"), soci::use(delivery.delivered_on, "delivered_on"),
      soci::use(delivery.text, "text"), soci::use(people, "people_served"), soci::use(user, "recorded_by"),
      soci::use(at, "recorded_at"), soci::into(id);
  sql << "UPDATE project SET people_served = people_served + :people WHERE id = :id", soci::use(people, "people"),
      soci::use(project, "id");
  return id;
}

bool ListRepository::RateProject(soci::session& sql, std::int64_t id, const Rating& rating,
                                 const std::string& on) const {
  const long long key = id, value = rating.rating;
  soci::statement statement =
      (sql.prepare << "UPDATE project SET status = 'closed', rating = :rating, rating_comment = :comment, "
                      "rated_on = :on WHERE id = :id AND status = 'active'",
       soci::use(value, "rating"), soci::use(rating.comment, "comment"), soci::use(on, "on"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::vector<Candidate> ListRepository::ResourceCandidates(soci::session& sql, const std::string& category,
                                                          const core::OrgScope& scope,
                                                          const std::vector<std::int64_t>& ancestor_ids,
                                                          const std::string& today, const std::string& wanted_by,
                                                          int limit) const {
  // The subtree's orgs through the covering path index, then the orgs above by id: two arms, so
  // that neither walks the other's index (an OR reads every org row of the subtree).
  const std::string lineage = db::InList(ancestor_ids);
  const bool postgres = sql.get_backend_name() == "postgresql";
  const auto arm = [postgres](const std::string& suffix, const std::string& orgs) {
    const std::string filter = "r.org_id = o.id AND r.category = :category" + suffix + " AND r.valid_to >= :today" +
                               suffix + " AND r.valid_from <= :wanted_by" + suffix;
    return R"sql(
        SELECT r.id, r.title, r.resource_kind, o.id, o.name, o.path, u.id, u.name, r.tags, r.quantity, r.committed,
               r.venue_id
        FROM org o
        )sql" +
           OrgsThen("resource", filter, postgres) + R"sql(
        LEFT JOIN unit u ON u.id = r.unit_id
        WHERE )sql" +
           (postgres ? "" : filter + " AND ") + orgs;
  };
  soci::rowset<soci::row> rows =
      (sql.prepare << arm("", "o.path >= :scope AND o.path < :scope_end") + " UNION ALL " +
                          arm("_again", "o.id IN " + lineage) + " ORDER BY 1 LIMIT :limit",
       soci::use(category, "category"), soci::use(today, "today"), soci::use(wanted_by, "wanted_by"),
       soci::use(category, "category_again"), soci::use(today, "today_again"), soci::use(wanted_by, "wanted_by_again"),
       db::UseScope{scope}, soci::use(limit, "limit"));
  std::vector<Candidate> candidates;
  std::map<std::int64_t, std::size_t> by_id;
  for (const soci::row& row : rows) {
    Candidate candidate;
    Suggestion& suggestion = candidate.suggestion;
    suggestion.kind = "resource";
    suggestion.id = Integer(row, 0);
    suggestion.title = Text(row, 1);
    suggestion.resource_kind = Text(row, 2);
    suggestion.org = {Integer(row, 3), Text(row, 4)};
    candidate.org_path = Text(row, 5);
    if (!IsNull(row, 6)) suggestion.unit = Ref{Integer(row, 6), Text(row, 7)};
    candidate.tags = TagsOf(Text(row, 8));
    candidate.quantity = Integer(row, 9);
    candidate.committed = Integer(row, 10);
    if (!IsNull(row, 11)) candidate.free_days = -Integer(row, 11);  // the venue id, until its days are counted
    by_id[suggestion.id] = candidates.size();
    candidates.push_back(std::move(candidate));
  }
  if (candidates.empty()) return candidates;
  std::vector<std::int64_t> ids;
  for (const Candidate& candidate : candidates) ids.push_back(candidate.suggestion.id);
  soci::rowset<soci::row> served =
      (sql.prepare << "SELECT s.resource_id, o.path FROM resource_served_org s JOIN org o ON o.id = s.org_id "
                      "WHERE s.resource_id IN " +
                          db::InList(ids));
  for (const soci::row& row : served) candidates[by_id.at(Integer(row, 0))].served_org_paths.push_back(Text(row, 1));
  return candidates;
}

std::vector<Candidate> ListRepository::ProjectCandidates(soci::session& sql, const std::string& category,
                                                         const core::OrgScope& scope,
                                                         const std::vector<std::int64_t>& ancestor_ids,
                                                         const std::string& today, int limit) const {
  const std::string lineage = db::InList(ancestor_ids);
  const bool postgres = sql.get_backend_name() == "postgresql";
  const auto arm = [postgres](const std::string& suffix, const std::string& orgs) {
    const std::string filter = "p.org_id = o.id AND p.category = :category" + suffix +
                               " AND p.status = 'active' AND p.ends_on >= :today" + suffix;
    return R"sql(
        SELECT p.id, p.title, o.id, o.name, o.path, u.id, u.name, p.tags, p.ends_on
        FROM org o
        )sql" +
           OrgsThen("project", filter, postgres) + R"sql(
        LEFT JOIN unit u ON u.id = p.unit_id
        WHERE )sql" +
           (postgres ? "" : filter + " AND ") + orgs;
  };
  soci::rowset<soci::row> rows =
      (sql.prepare << arm("", "o.path >= :scope AND o.path < :scope_end") + " UNION ALL " +
                          arm("_again", "o.id IN " + lineage) + " ORDER BY 1 LIMIT :limit",
       soci::use(category, "category"), soci::use(today, "today"), soci::use(category, "category_again"),
       soci::use(today, "today_again"), db::UseScope{scope}, soci::use(limit, "limit"));
  std::vector<Candidate> candidates;
  for (const soci::row& row : rows) {
    Candidate candidate;
    Suggestion& suggestion = candidate.suggestion;
    suggestion.kind = "project";
    suggestion.id = Integer(row, 0);
    suggestion.title = Text(row, 1);
    suggestion.org = {Integer(row, 2), Text(row, 3)};
    candidate.org_path = Text(row, 4);
    if (!IsNull(row, 5)) suggestion.unit = Ref{Integer(row, 5), Text(row, 6)};
    candidate.tags = TagsOf(Text(row, 7));
    candidate.ends_on = Text(row, 8);
    candidates.push_back(std::move(candidate));
  }
  return candidates;
}

std::vector<std::pair<std::int64_t, std::int64_t>> ListRepository::BookedDays(
    soci::session& sql, const std::vector<std::int64_t>& venue_ids, const std::string& from,
    const std::string& to) const {
  std::vector<std::pair<std::int64_t, std::int64_t>> days;
  if (venue_ids.empty()) return days;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT venue_id, COUNT(DISTINCT booked_on) FROM venue_booking WHERE venue_id IN " +
                          db::InList(venue_ids) +
                          " AND booked_on >= :from_day AND booked_on <= :to_day AND cancelled_at IS NULL "
                          "GROUP BY venue_id",
       soci::use(from, "from_day"), soci::use(to, "to_day"));
  for (const soci::row& row : rows) days.emplace_back(Integer(row, 0), Integer(row, 1));
  return days;
}

}  // namespace liandong::cobuild_list
