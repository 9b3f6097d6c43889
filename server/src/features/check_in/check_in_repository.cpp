#include "features/check_in/check_in_repository.hpp"

#include <functional>
#include <map>
#include <string_view>

#include "db/like_pattern.hpp"
#include "db/org_scope_binding.hpp"
#include "features/cobuild_overview/tally.hpp"

namespace liandong::check_in {
namespace {

constexpr std::string_view kSelectUnitCheckIns = R"sql(
  SELECT k.id, u.id, u.name, p.id, p.name, p.path, c.id, c.name, c.path, k.reported_on, k.note, k.received_on,
         k.ended_on
  FROM unit_check_in k
  JOIN unit u ON u.id = k.unit_id
  JOIN org p ON p.id = k.party_org_id
  JOIN org c ON c.id = k.community_id
)sql";
constexpr std::string_view kCountUnitCheckIns = R"sql(
  SELECT COUNT(*)
  FROM unit_check_in k
  JOIN unit u ON u.id = k.unit_id
  JOIN org c ON c.id = k.community_id
)sql";
// Check-ins are made at communities only: the level narrows the scan of the subtree to them.
constexpr std::string_view kWhereCommunityInScope =
    " WHERE c.level = 'community' AND c.path >= :scope AND c.path < :scope_end";
constexpr std::string_view kRunningUnit = " AND k.ended_on IS NULL";
constexpr std::string_view kUnitText = " AND u.name LIKE :text ESCAPE '\\'";
constexpr std::string_view kOrderUnitCheckIns = " ORDER BY k.reported_on DESC, k.id DESC LIMIT :limit OFFSET :offset";

constexpr std::string_view kSelectMemberCheckIns = R"sql(
  SELECT k.id, m.id, m.name, m.id_number_masked, e.id, e.name, e.path, c.id, c.name, c.path, k.reported_on,
         k.ended_on, k.previous_id
  FROM member_check_in k
  JOIN member m ON m.id = k.member_id
  JOIN org e ON e.id = m.org_id
  JOIN org c ON c.id = k.community_id
)sql";
constexpr std::string_view kCountMemberCheckIns = R"sql(
  SELECT COUNT(*)
  FROM member_check_in k
  JOIN member m ON m.id = k.member_id
  JOIN org c ON c.id = k.community_id
)sql";
constexpr std::string_view kRunningMember = " AND k.ended_on IS NULL";
constexpr std::string_view kMemberText = " AND m.name LIKE :text ESCAPE '\\'";
constexpr std::string_view kOrderMemberCheckIns =
    " ORDER BY k.reported_on DESC, k.id DESC LIMIT :limit OFFSET :offset";

constexpr std::string_view kSelectPosts = R"sql(
  SELECT s.id, c.id, c.name, c.path, g.id, g.name, s.title, s.description, s.headcount, s.starts_on, s.ends_on,
         s.signed_up
  FROM service_post s
  JOIN org c ON c.id = s.community_id
  JOIN service_category g ON g.id = s.category_id
)sql";

constexpr std::string_view kGenerateSheets = R"sql(
  INSERT INTO feedback_sheet (member_id, year, quarter, employer_org_id, community_id, sessions, minutes,
                              generated_at)
  SELECT k.member_id, CAST(:year AS INTEGER), CAST(:quarter AS INTEGER), m.org_id, k.community_id,
         (SELECT COUNT(*) FROM service_hours h
          WHERE h.member_id = k.member_id AND h.served_on >= :start AND h.served_on <= :end),
         (SELECT COALESCE(SUM(h.minutes), 0) FROM service_hours h
          WHERE h.member_id = k.member_id AND h.served_on >= :start_again AND h.served_on <= :end_again),
         CAST(:at AS BIGINT)
  FROM member_check_in k
  JOIN org c ON c.id = k.community_id
  JOIN member m ON m.id = k.member_id
  WHERE c.level = 'community' AND c.path >= :scope AND c.path < :scope_end
    AND m.archived_at IS NULL
    AND k.reported_on <= :end_third AND (k.ended_on IS NULL OR k.ended_on > :start_third)
    AND NOT EXISTS (SELECT 1 FROM member_check_in n
                    WHERE n.previous_id = k.id AND n.reported_on <= :end_fourth)
  ON CONFLICT (member_id, year, quarter) DO UPDATE SET
    employer_org_id = excluded.employer_org_id, community_id = excluded.community_id,
    sessions = excluded.sessions, minutes = excluded.minutes, generated_at = excluded.generated_at
)sql";
constexpr std::string_view kSheetsByEmployer = R"sql(
  SELECT f.employer_org_id, COUNT(*)
  FROM feedback_sheet f
  WHERE f.year = :year AND f.quarter = :quarter AND f.generated_at = :at
  GROUP BY f.employer_org_id
  ORDER BY f.employer_org_id
)sql";
constexpr std::string_view kSheetsFrom = R"sql(
  FROM feedback_sheet f
  JOIN member m ON m.id = f.member_id
  JOIN org e ON e.id = f.employer_org_id
  JOIN org c ON c.id = f.community_id
  WHERE f.year = :year AND f.quarter = :quarter
    AND ((e.path >= :scope AND e.path < :scope_end) OR (c.path >= :scope_again AND c.path < :scope_end_again))
)sql";
constexpr std::string_view kSelectSheets = R"sql(
  SELECT f.id, m.id, m.name, m.id_number_masked, e.id, e.name, c.id, c.name, f.year, f.quarter, f.sessions,
         f.minutes, f.generated_at,
         COALESCE((SELECT v.grade FROM check_in_evaluation v
                   WHERE v.member_id = f.member_id AND v.year = f.year AND v.community_id = f.community_id), '')
)sql";

constexpr std::string_view kEvaluationsFrom = R"sql(
  FROM check_in_evaluation v
  JOIN org c ON c.id = v.community_id
  JOIN org s ON s.id = v.subject_org_id
  LEFT JOIN member m ON m.id = v.member_id
  LEFT JOIN unit u ON u.id = v.unit_id
  WHERE v.year = :year
    AND ((c.path >= :scope AND c.path < :scope_end) OR (s.path >= :scope_again AND s.path < :scope_end_again))
)sql";

std::optional<std::string> Nullable(const std::string& value, soci::indicator indicator) {
  if (indicator != soci::i_ok) return std::nullopt;
  return value;
}

struct UnitCheckInColumns {
  long long id = 0, unit_id = 0, party_org_id = 0, community_id = 0;
  std::string unit_name, party_org_name, party_org_path, community_name, community_path, reported_on, note,
      received_on, ended_on;
  soci::indicator received_indicator = soci::i_null, ended_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(unit_id));
    statement.exchange(soci::into(unit_name));
    statement.exchange(soci::into(party_org_id));
    statement.exchange(soci::into(party_org_name));
    statement.exchange(soci::into(party_org_path));
    statement.exchange(soci::into(community_id));
    statement.exchange(soci::into(community_name));
    statement.exchange(soci::into(community_path));
    statement.exchange(soci::into(reported_on));
    statement.exchange(soci::into(note));
    statement.exchange(soci::into(received_on, received_indicator));
    statement.exchange(soci::into(ended_on, ended_indicator));
  }
  UnitCheckIn Row() const {
    return UnitCheckIn{id,
                       {unit_id, unit_name},
                       {party_org_id, party_org_name},
                       {community_id, community_name},
                       community_path,
                       party_org_path,
                       reported_on,
                       note,
                       Nullable(received_on, received_indicator),
                       Nullable(ended_on, ended_indicator)};
  }
};

struct MemberCheckInColumns {
  long long id = 0, member_id = 0, employer_id = 0, community_id = 0, previous_id = 0;
  std::string member_name, masked, employer_name, employer_path, community_name, community_path, reported_on,
      ended_on;
  soci::indicator ended_indicator = soci::i_null, previous_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(member_id));
    statement.exchange(soci::into(member_name));
    statement.exchange(soci::into(masked));
    statement.exchange(soci::into(employer_id));
    statement.exchange(soci::into(employer_name));
    statement.exchange(soci::into(employer_path));
    statement.exchange(soci::into(community_id));
    statement.exchange(soci::into(community_name));
    statement.exchange(soci::into(community_path));
    statement.exchange(soci::into(reported_on));
    statement.exchange(soci::into(ended_on, ended_indicator));
    statement.exchange(soci::into(previous_id, previous_indicator));
  }
  MemberCheckIn Row() const {
    MemberCheckIn row{id,          member_id,      member_name,    masked,
                      {employer_id, employer_name}, employer_path, {community_id, community_name},
                      community_path, reported_on, Nullable(ended_on, ended_indicator), std::nullopt};
    if (previous_indicator == soci::i_ok) row.previous_id = previous_id;
    return row;
  }
};

struct PostColumns {
  long long id = 0, community_id = 0, category_id = 0, headcount = 0, signed_up = 0;
  std::string community_name, community_path, category_name, title, description, starts_on, ends_on;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(community_id));
    statement.exchange(soci::into(community_name));
    statement.exchange(soci::into(community_path));
    statement.exchange(soci::into(category_id));
    statement.exchange(soci::into(category_name));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(description));
    statement.exchange(soci::into(headcount));
    statement.exchange(soci::into(starts_on));
    statement.exchange(soci::into(ends_on));
    statement.exchange(soci::into(signed_up));
  }
  ServicePost Row() const {
    return ServicePost{id,          {community_id, community_name}, community_path, {category_id, category_name}, title,
                       description, headcount,                      starts_on,      ends_on,                      signed_up};
  }
};

// Runs `query` with the columns' Into and `bind`, converting each row.
template <typename Columns>
auto Select(soci::session& sql, const std::string& query, const std::function<void(soci::statement&)>& bind) {
  Columns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute();
  std::vector<decltype(columns.Row())> rows;
  while (statement.fetch()) rows.push_back(columns.Row());
  return rows;
}

std::int64_t Count(soci::session& sql, const std::string& query, const std::function<void(soci::statement&)>& bind) {
  long long total = 0;
  soci::statement statement(sql);
  statement.exchange(soci::into(total));
  bind(statement);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(true);
  return total;
}

}  // namespace

// Unit check-ins.

std::optional<UnitCheckIn> CheckInRepository::FindUnitCheckIn(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows = Select<UnitCheckInColumns>(sql, std::string(kSelectUnitCheckIns) + " WHERE k.id = :id",
                                         [&](soci::statement& s) { s.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<UnitCheckIn> CheckInRepository::FindRunningUnitCheckIn(soci::session& sql, std::int64_t unit_id) const {
  const long long key = unit_id;
  auto rows = Select<UnitCheckInColumns>(sql,
                                         std::string(kSelectUnitCheckIns) + " WHERE k.unit_id = :unit AND k.ended_on IS NULL",
                                         [&](soci::statement& s) { s.exchange(soci::use(key, "unit")); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

Page<UnitCheckIn> CheckInRepository::ListUnitCheckIns(soci::session& sql, const core::OrgScope& scope,
                                                      const RosterFilter& filter) const {
  std::string where(kWhereCommunityInScope);
  if (filter.running_only) where += kRunningUnit;
  const std::string pattern = db::LikePattern(filter.text);
  if (!filter.text.empty()) where += kUnitText;
  const auto bind = [&](soci::statement& s) {
    db::BindScope(s, scope);
    if (!filter.text.empty()) s.exchange(soci::use(pattern, "text"));
  };
  Page<UnitCheckIn> page;
  page.total = Count(sql, std::string(kCountUnitCheckIns) + where, bind);
  const long long limit = filter.limit, offset = filter.offset;
  page.items = Select<UnitCheckInColumns>(sql, std::string(kSelectUnitCheckIns) + where + std::string(kOrderUnitCheckIns),
                                          [&](soci::statement& s) {
                                            bind(s);
                                            s.exchange(soci::use(limit, "limit"));
                                            s.exchange(soci::use(offset, "offset"));
                                          });
  return page;
}

std::int64_t CheckInRepository::InsertUnitCheckIn(soci::session& sql, std::int64_t unit_id, std::int64_t party_org_id,
                                                  std::int64_t community_id, const std::string& reported_on,
                                                  const std::string& note, std::int64_t by, std::int64_t at) const {
  const long long unit = unit_id, party = party_org_id, community = community_id, user = by, time = at;
  long long id = 0;
  sql << "INSERT INTO unit_check_in (unit_id, party_org_id, community_id, reported_on, note, reported_by, reported_at) "
         "VALUES (:unit, :party, :community, :reported_on, :note, :by, :at) RETURNING id",
      soci::use(unit, "unit"), soci::use(party, "party"), soci::use(community, "community"),
      soci::use(reported_on, "reported_on"), soci::use(note, "note"), soci::use(user, "by"), soci::use(time, "at"),
      soci::into(id);
  cobuild_overview::AddToTally(sql, community_id, cobuild_overview::kUnitsReported, 0, 1);
  return id;
}

bool CheckInRepository::ReceiveUnitCheckIn(soci::session& sql, std::int64_t id, const std::string& on,
                                           std::int64_t by, std::int64_t at) const {
  const long long key = id, user = by, time = at;
  soci::statement statement =
      (sql.prepare << "UPDATE unit_check_in SET received_on = :on, received_by = :by, received_at = :at "
                      "WHERE id = :id AND received_on IS NULL",
       soci::use(on, "on"), soci::use(user, "by"), soci::use(time, "at"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

// Member check-ins.

std::optional<MemberCheckIn> CheckInRepository::FindMemberCheckIn(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows = Select<MemberCheckInColumns>(sql, std::string(kSelectMemberCheckIns) + " WHERE k.id = :id",
                                           [&](soci::statement& s) { s.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<MemberCheckIn> CheckInRepository::FindRunningMemberCheckIn(soci::session& sql,
                                                                         std::int64_t member_id) const {
  const long long key = member_id;
  auto rows = Select<MemberCheckInColumns>(
      sql, std::string(kSelectMemberCheckIns) + " WHERE k.member_id = :member AND k.ended_on IS NULL",
      [&](soci::statement& s) { s.exchange(soci::use(key, "member")); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<MemberCheckIn> CheckInRepository::ListMemberHistory(soci::session& sql, std::int64_t member_id) const {
  const long long key = member_id;
  return Select<MemberCheckInColumns>(
      sql, std::string(kSelectMemberCheckIns) + " WHERE k.member_id = :member ORDER BY k.reported_on, k.id",
      [&](soci::statement& s) { s.exchange(soci::use(key, "member")); });
}

Page<MemberCheckIn> CheckInRepository::ListMemberCheckIns(soci::session& sql, const core::OrgScope& scope,
                                                          const RosterFilter& filter) const {
  std::string where(kWhereCommunityInScope);
  if (filter.running_only) where += kRunningMember;
  const std::string pattern = db::LikePattern(filter.text);
  if (!filter.text.empty()) where += kMemberText;
  const auto bind = [&](soci::statement& s) {
    db::BindScope(s, scope);
    if (!filter.text.empty()) s.exchange(soci::use(pattern, "text"));
  };
  Page<MemberCheckIn> page;
  page.total = Count(sql, std::string(kCountMemberCheckIns) + where, bind);
  const long long limit = filter.limit, offset = filter.offset;
  page.items = Select<MemberCheckInColumns>(
      sql, std::string(kSelectMemberCheckIns) + where + std::string(kOrderMemberCheckIns), [&](soci::statement& s) {
        bind(s);
        s.exchange(soci::use(limit, "limit"));
        s.exchange(soci::use(offset, "offset"));
      });
  return page;
}

std::int64_t CheckInRepository::InsertMemberCheckIn(soci::session& sql, std::int64_t member_id,
                                                    std::int64_t community_id, const std::string& reported_on,
                                                    std::optional<std::int64_t> previous_id, std::int64_t by,
                                                    std::int64_t at) const {
  const long long member = member_id, community = community_id, previous = previous_id.value_or(0), user = by,
                  time = at;
  soci::indicator previous_indicator = previous_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << "INSERT INTO member_check_in (member_id, community_id, reported_on, previous_id, recorded_by, recorded_at) "
         "VALUES (:member, :community, :reported_on, :previous, :by, :at) RETURNING id",
      soci::use(member, "member"), soci::use(community, "community"), soci::use(reported_on, "reported_on"),
      soci::use(previous, previous_indicator, "previous"), soci::use(user, "by"), soci::use(time, "at"),
      soci::into(id);
  cobuild_overview::AddToTally(sql, community_id, cobuild_overview::kMembersReported, 0, 1);
  return id;
}

void CheckInRepository::EndMemberCheckIn(soci::session& sql, std::int64_t id, const std::string& on) const {
  const long long key = id;
  long long community = 0;
  soci::indicator running = soci::i_null;
  sql << "SELECT community_id FROM member_check_in WHERE id = :id AND ended_on IS NULL", soci::use(key, "id"),
      soci::into(community, running);
  if (!sql.got_data() || running != soci::i_ok) return;
  sql << "UPDATE member_check_in SET ended_on = :on WHERE id = :id AND ended_on IS NULL", soci::use(on, "on"),
      soci::use(key, "id");
  cobuild_overview::AddToTally(sql, community, cobuild_overview::kMembersReported, 0, -1);
}

// Service posts.

std::vector<ServiceCategory> CheckInRepository::ListCategories(soci::session& sql) const {
  long long id = 0;
  std::string code, name;
  soci::statement statement =
      (sql.prepare << "SELECT id, code, name FROM service_category ORDER BY sort_order, id", soci::into(id),
       soci::into(code), soci::into(name));
  statement.execute();
  std::vector<ServiceCategory> categories;
  while (statement.fetch()) categories.push_back({id, code, name});
  return categories;
}

std::optional<ServiceCategory> CheckInRepository::FindCategory(soci::session& sql, std::int64_t id) const {
  for (const ServiceCategory& category : ListCategories(sql)) {
    if (category.id == id) return category;
  }
  return std::nullopt;
}

std::optional<ServicePost> CheckInRepository::FindPost(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows = Select<PostColumns>(sql, std::string(kSelectPosts) + " WHERE s.id = :id",
                                  [&](soci::statement& s) { s.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

Page<ServicePost> CheckInRepository::ListPosts(soci::session& sql, const core::OrgScope& scope, std::int64_t offset,
                                               std::int64_t limit) const {
  const std::string where(kWhereCommunityInScope);
  Page<ServicePost> page;
  page.total = Count(sql, "SELECT COUNT(*) FROM service_post s JOIN org c ON c.id = s.community_id" + where,
                     [&](soci::statement& s) { db::BindScope(s, scope); });
  const long long page_limit = limit, page_offset = offset;
  page.items = Select<PostColumns>(sql,
                                   std::string(kSelectPosts) + where +
                                       " ORDER BY s.starts_on DESC, s.id DESC LIMIT :limit OFFSET :offset",
                                   [&](soci::statement& s) {
                                     db::BindScope(s, scope);
                                     s.exchange(soci::use(page_limit, "limit"));
                                     s.exchange(soci::use(page_offset, "offset"));
                                   });
  return page;
}

std::int64_t CheckInRepository::InsertPost(soci::session& sql, const NewServicePost& post, std::int64_t by,
                                           std::int64_t at) const {
  const long long community = post.community_id, category = post.category_id, headcount = post.headcount, user = by,
                  time = at;
  long long id = 0;
  sql << "INSERT INTO service_post (community_id, category_id, title, description, headcount, starts_on, ends_on, "
         "published_by, published_at) VALUES (:community, :category, :title, :description, :headcount, :starts_on, "
         ":ends_on, :by, :at) RETURNING id",
      soci::use(community, "community"), soci::use(category, "category"), soci::use(post.title, "title"),
      soci::use(post.description, "description"), soci::use(headcount, "headcount"),
      soci::use(post.starts_on, "starts_on"), soci::use(post.ends_on, "ends_on"), soci::use(user, "by"),
      soci::use(time, "at"), soci::into(id);
  return id;
}

std::vector<SignUp> CheckInRepository::ListSignUps(soci::session& sql, std::int64_t post_id) const {
  const long long key = post_id;
  long long id = 0, check_in_id = 0, member_id = 0, minutes = 0;
  std::string name, on;
  soci::statement statement =
      (sql.prepare << "SELECT g.id, g.check_in_id, g.member_id, m.name, g.signed_up_on, "
                      "(SELECT COALESCE(SUM(h.minutes), 0) FROM service_hours h WHERE h.sign_up_id = g.id) "
                      "FROM service_sign_up g JOIN member m ON m.id = g.member_id "
                      "WHERE g.post_id = :post ORDER BY g.signed_up_on, g.id",
       soci::use(key, "post"), soci::into(id), soci::into(check_in_id), soci::into(member_id), soci::into(name),
       soci::into(on), soci::into(minutes));
  statement.execute();
  std::vector<SignUp> rows;
  while (statement.fetch()) rows.push_back({id, check_in_id, member_id, name, on, minutes});
  return rows;
}

std::vector<HoursEntry> CheckInRepository::ListHours(soci::session& sql, std::int64_t post_id) const {
  const long long key = post_id;
  long long id = 0, sign_up_id = 0, minutes = 0;
  std::string name, on, by;
  soci::statement statement =
      (sql.prepare << "SELECT h.id, h.sign_up_id, m.name, h.served_on, h.minutes, a.display_name "
                      "FROM service_hours h JOIN member m ON m.id = h.member_id "
                      "JOIN user_account a ON a.id = h.recorded_by "
                      "WHERE h.post_id = :post ORDER BY h.served_on DESC, h.id DESC",
       soci::use(key, "post"), soci::into(id), soci::into(sign_up_id), soci::into(name), soci::into(on),
       soci::into(minutes), soci::into(by));
  statement.execute();
  std::vector<HoursEntry> rows;
  while (statement.fetch()) rows.push_back({id, sign_up_id, name, on, minutes, by});
  return rows;
}

std::optional<std::int64_t> CheckInRepository::InsertSignUp(soci::session& sql, std::int64_t post_id,
                                                            std::int64_t check_in_id, std::int64_t member_id,
                                                            const std::string& on, std::int64_t by,
                                                            std::int64_t at) const {
  const long long post = post_id, check_in = check_in_id, member = member_id, user = by, time = at;
  // Counted first, and only while there is room: two sign-ups for the last place cannot both pass.
  soci::statement count =
      (sql.prepare << "UPDATE service_post SET signed_up = signed_up + 1 WHERE id = :id AND signed_up < headcount",
       soci::use(post, "id"));
  count.execute(true);
  if (count.get_affected_rows() != 1) return std::nullopt;
  long long id = 0;
  sql << "INSERT INTO service_sign_up (post_id, check_in_id, member_id, signed_up_on, recorded_by, recorded_at) "
         "VALUES (:post, :check_in, :member, :on, :by, :at) RETURNING id",
      soci::use(post, "post"), soci::use(check_in, "check_in"), soci::use(member, "member"), soci::use(on, "on"),
      soci::use(user, "by"), soci::use(time, "at"), soci::into(id);
  return id;
}

std::optional<std::int64_t> CheckInRepository::FindSignUp(soci::session& sql, std::int64_t post_id,
                                                          std::int64_t member_id) const {
  const long long post = post_id, member = member_id;
  long long id = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT id FROM service_sign_up WHERE post_id = :post AND member_id = :member", soci::use(post, "post"),
      soci::use(member, "member"), soci::into(id, indicator);
  if (!sql.got_data() || indicator != soci::i_ok) return std::nullopt;
  return id;
}

bool CheckInRepository::HasHours(soci::session& sql, std::int64_t sign_up_id, const std::string& served_on) const {
  const long long key = sign_up_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM service_hours WHERE sign_up_id = :id AND served_on = :on", soci::use(key, "id"),
      soci::use(served_on, "on"), soci::into(count);
  return count > 0;
}

std::int64_t CheckInRepository::InsertHours(soci::session& sql, const ServicePost& post, std::int64_t sign_up_id,
                                            std::int64_t member_id, const NewHours& hours, std::int64_t by,
                                            std::int64_t at) const {
  const long long post_id = post.id, community = post.community.id, sign_up = sign_up_id, member = member_id,
                  minutes = hours.minutes, user = by, time = at;
  long long id = 0;
  sql << "INSERT INTO service_hours (post_id, sign_up_id, member_id, community_id, served_on, minutes, recorded_by, "
         "recorded_at) VALUES (:post, :sign_up, :member, :community, :on, :minutes, :by, :at) RETURNING id",
      soci::use(post_id, "post"), soci::use(sign_up, "sign_up"), soci::use(member, "member"),
      soci::use(community, "community"), soci::use(hours.served_on, "on"), soci::use(minutes, "minutes"),
      soci::use(user, "by"), soci::use(time, "at"), soci::into(id);
  const int year = std::stoi(hours.served_on.substr(0, 4));
  cobuild_overview::AddToTally(sql, post.community.id, cobuild_overview::kServiceMinutes, year, hours.minutes);
  cobuild_overview::AddToTally(sql, post.community.id, cobuild_overview::kServiceEntries, year, 1);
  return id;
}

ServiceHoursPage CheckInRepository::ListServiceHours(soci::session& sql, const core::OrgScope& scope, int year,
                                                   std::int64_t offset, std::int64_t limit) const {
  // The year's days, written into the statements (from an integer).
  const std::string days = " AND h.served_on >= '" + std::to_string(year) + "-01-01' AND h.served_on <= '" +
                           std::to_string(year) + "-12-31'";
  ServiceHoursPage page;
  // The total and the minutes: the tallies of the scope's communities for the year, kept by every
  // entry's write (cobuild_tally, measures service_entries and service_minutes).
  {
    long long total = 0, minutes = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    statement.exchange(soci::into(minutes));
    db::BindScope(statement, scope);
    statement.exchange(soci::use(year, "year"));
    statement.alloc();
    statement.prepare(
        "SELECT COALESCE(SUM(CASE WHEN t.measure = 'service_entries' THEN t.total ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN t.measure = 'service_minutes' THEN t.total ELSE 0 END), 0)"
        " FROM org c JOIN cobuild_tally t ON t.org_id = c.id"
        " WHERE c.level = 'community' AND c.path >= :scope AND c.path < :scope_end AND t.year = :year"
        " AND t.measure IN ('service_entries', 'service_minutes')");
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
    page.total_minutes = minutes;
  }
  // The communities in scope. Up to kMergedCommunities (a street's), the page is merged from each
  // one's newest entries, read in order from index service_hours_community (community_id,
  // served_on, id, minutes) with no sort of the street's year; a wider scope sorts its entries.
  constexpr std::size_t kMergedCommunities = 64;
  std::vector<long long> communities;
  {
    long long community = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(community));
    db::BindScope(statement, scope);
    statement.alloc();
    statement.prepare("SELECT c.id FROM org c WHERE c.level = 'community' AND c.path >= :scope AND c.path < :scope_end");
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch() && communities.size() <= kMergedCommunities) communities.push_back(community);
  }
  if (communities.empty()) return page;
  const long long page_limit = limit, page_offset = offset, wanted = offset + limit;
  std::string ids;
  if (communities.size() <= kMergedCommunities) {
    // One arm per community, each its newest offset + limit entries of the year.
    for (const long long community : communities) {
      ids += std::string(ids.empty() ? "" : " UNION ALL ") +
             "SELECT * FROM (SELECT h.id, h.served_on FROM service_hours h WHERE h.community_id = " +
             std::to_string(community) +  // an integer
             days + " ORDER BY h.served_on DESC, h.id DESC LIMIT " +
             std::to_string(wanted) + ") a" + std::to_string(community);
    }
    ids = "SELECT m.id FROM (" + ids + ") m ORDER BY m.served_on DESC, m.id DESC LIMIT :limit OFFSET :offset";
  } else {
    ids = "SELECT h.id FROM service_hours h JOIN org c ON c.id = h.community_id"
          " WHERE c.level = 'community' AND c.path >= :scope AND c.path < :scope_end"
          + days + " ORDER BY h.served_on DESC, h.id DESC LIMIT :limit OFFSET :offset";
  }
  long long id = 0, minutes = 0, member_id = 0, community_id = 0, post_id = 0;
  std::string on, member_name, community_name, post_title, by;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(on));
  statement.exchange(soci::into(minutes));
  statement.exchange(soci::into(member_id));
  statement.exchange(soci::into(member_name));
  statement.exchange(soci::into(community_id));
  statement.exchange(soci::into(community_name));
  statement.exchange(soci::into(post_id));
  statement.exchange(soci::into(post_title));
  statement.exchange(soci::into(by));
  if (communities.size() > kMergedCommunities) db::BindScope(statement, scope);
  statement.exchange(soci::use(page_limit, "limit"));
  statement.exchange(soci::use(page_offset, "offset"));
  statement.alloc();
  // The page's ids first, then the joins for its rows only.
  statement.prepare(
      "SELECT h.id, h.served_on, h.minutes, m.id, m.name, c.id, c.name, s.id, s.title, a.display_name"
      " FROM (" + ids + ") p"
      " JOIN service_hours h ON h.id = p.id JOIN org c ON c.id = h.community_id"
      " JOIN member m ON m.id = h.member_id JOIN service_post s ON s.id = h.post_id"
      " JOIN user_account a ON a.id = h.recorded_by ORDER BY h.served_on DESC, h.id DESC");
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    page.items.push_back({id, on, minutes, {member_id, member_name}, {community_id, community_name},
                          {post_id, post_title}, by});
  }
  return page;
}

// Feedback sheets.

std::vector<SheetsOfOrg> CheckInRepository::GenerateSheets(soci::session& sql, const core::OrgScope& scope, int year,
                                                           int quarter, std::int64_t at) const {
  const std::string start = QuarterStart(year, quarter), end = QuarterEnd(year, quarter);
  const long long time = at;
  sql << kGenerateSheets, soci::use(year, "year"), soci::use(quarter, "quarter"), soci::use(start, "start"),
      soci::use(end, "end"), soci::use(start, "start_again"), soci::use(end, "end_again"), soci::use(time, "at"),
      db::UseScope{scope}, soci::use(end, "end_third"), soci::use(start, "start_third"), soci::use(end, "end_fourth");
  long long org = 0, sheets = 0;
  soci::statement statement = (sql.prepare << kSheetsByEmployer, soci::use(year, "year"),
                               soci::use(quarter, "quarter"), soci::use(time, "at"), soci::into(org),
                               soci::into(sheets));
  statement.execute();
  std::vector<SheetsOfOrg> rows;
  while (statement.fetch()) rows.push_back({org, sheets});
  return rows;
}

Page<FeedbackSheet> CheckInRepository::ListSheets(soci::session& sql, const core::OrgScope& scope, int year,
                                                  int quarter, std::int64_t offset, std::int64_t limit) const {
  const auto bind = [&](soci::statement& s) {
    s.exchange(soci::use(year, "year"));
    s.exchange(soci::use(quarter, "quarter"));
    db::BindScope(s, scope);
    s.exchange(soci::use(scope.Path(), "scope_again"));
    s.exchange(soci::use(scope.End(), "scope_end_again"));
  };
  Page<FeedbackSheet> page;
  page.total = Count(sql, "SELECT COUNT(*)" + std::string(kSheetsFrom), bind);
  FeedbackSheet row;
  long long id = 0, member_id = 0, employer_id = 0, community_id = 0, sessions = 0, minutes = 0, generated_at = 0;
  int row_year = 0, row_quarter = 0;
  const long long page_limit = limit, page_offset = offset;
  soci::statement statement(sql);
  for (auto* into : {&id, &member_id}) statement.exchange(soci::into(*into));
  statement.exchange(soci::into(row.member_name));
  statement.exchange(soci::into(row.id_number_masked));
  statement.exchange(soci::into(employer_id));
  statement.exchange(soci::into(row.employer_org.name));
  statement.exchange(soci::into(community_id));
  statement.exchange(soci::into(row.community.name));
  statement.exchange(soci::into(row_year));
  statement.exchange(soci::into(row_quarter));
  statement.exchange(soci::into(sessions));
  statement.exchange(soci::into(minutes));
  statement.exchange(soci::into(generated_at));
  statement.exchange(soci::into(row.evaluation_grade));
  bind(statement);
  statement.exchange(soci::use(page_limit, "limit"));
  statement.exchange(soci::use(page_offset, "offset"));
  statement.alloc();
  statement.prepare(std::string(kSelectSheets) + std::string(kSheetsFrom) +
                    " ORDER BY e.path, m.name, f.id LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    row.id = id;
    row.member_id = member_id;
    row.employer_org.id = employer_id;
    row.community.id = community_id;
    row.year = row_year;
    row.quarter = row_quarter;
    row.sessions = sessions;
    row.minutes = minutes;
    row.generated_at = generated_at;
    page.items.push_back(row);
  }
  return page;
}

std::optional<std::string> CheckInRepository::RootPath(soci::session& sql) const {
  std::string path;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT path FROM org WHERE parent_id IS NULL ORDER BY id LIMIT 1", soci::into(path, indicator);
  if (!sql.got_data() || indicator != soci::i_ok) return std::nullopt;
  return path;
}

bool CheckInRepository::QuarterSent(soci::session& sql, int year, int quarter) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM feedback_run WHERE year = :year AND quarter = :quarter", soci::use(year, "year"),
      soci::use(quarter, "quarter"), soci::into(count);
  return count > 0;
}

void CheckInRepository::MarkQuarterSent(soci::session& sql, int year, int quarter, std::int64_t sheets,
                                        std::int64_t at) const {
  const long long count = sheets, time = at;
  sql << "INSERT INTO feedback_run (year, quarter, sent_at, sheets) VALUES (:year, :quarter, :at, :sheets)",
      soci::use(year, "year"), soci::use(quarter, "quarter"), soci::use(time, "at"), soci::use(count, "sheets");
}

// Yearly evaluations.

std::optional<std::int64_t> CheckInRepository::FindEvaluation(soci::session& sql, int year, std::int64_t community_id,
                                                              const std::string& kind,
                                                              std::int64_t subject_id) const {
  const long long community = community_id, subject = subject_id;
  long long id = 0;
  soci::indicator indicator = soci::i_null;
  const std::string column = kind == "member" ? "member_id" : "unit_id";  // one of two names, not from a request
  sql << "SELECT id FROM check_in_evaluation WHERE year = :year AND community_id = :community AND " + column +
             " = :subject",
      soci::use(year, "year"), soci::use(community, "community"), soci::use(subject, "subject"),
      soci::into(id, indicator);
  if (!sql.got_data() || indicator != soci::i_ok) return std::nullopt;
  return id;
}

std::int64_t CheckInRepository::InsertEvaluation(soci::session& sql, int year, std::int64_t community_id,
                                                 const std::string& kind, std::int64_t subject_id,
                                                 std::int64_t subject_org_id, const std::string& grade,
                                                 const std::string& comment, std::int64_t by, std::int64_t at) const {
  const long long community = community_id, subject_org = subject_org_id, user = by, time = at;
  const long long member = kind == "member" ? subject_id : 0, unit = kind == "unit" ? subject_id : 0;
  soci::indicator member_indicator = kind == "member" ? soci::i_ok : soci::i_null;
  soci::indicator unit_indicator = kind == "unit" ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << "INSERT INTO check_in_evaluation (year, community_id, subject_kind, member_id, unit_id, subject_org_id, grade, "
         "comment, evaluated_by, evaluated_at) VALUES (:year, :community, :kind, :member, :unit, :subject_org, :grade, "
         ":comment, :by, :at) RETURNING id",
      soci::use(year, "year"), soci::use(community, "community"), soci::use(kind, "kind"),
      soci::use(member, member_indicator, "member"), soci::use(unit, unit_indicator, "unit"),
      soci::use(subject_org, "subject_org"), soci::use(grade, "grade"), soci::use(comment, "comment"),
      soci::use(user, "by"), soci::use(time, "at"), soci::into(id);
  return id;
}

Page<Evaluation> CheckInRepository::ListEvaluations(soci::session& sql, const core::OrgScope& scope, int year,
                                                    std::int64_t offset, std::int64_t limit) const {
  const auto bind = [&](soci::statement& s) {
    s.exchange(soci::use(year, "year"));
    db::BindScope(s, scope);
    s.exchange(soci::use(scope.Path(), "scope_again"));
    s.exchange(soci::use(scope.End(), "scope_end_again"));
  };
  Page<Evaluation> page;
  page.total = Count(sql, "SELECT COUNT(*)" + std::string(kEvaluationsFrom), bind);
  long long id = 0, community_id = 0, subject_id = 0, subject_org_id = 0, at = 0;
  int row_year = 0;
  Evaluation row;
  const long long page_limit = limit, page_offset = offset;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(row_year));
  statement.exchange(soci::into(community_id));
  statement.exchange(soci::into(row.community.name));
  statement.exchange(soci::into(row.subject_kind));
  statement.exchange(soci::into(subject_id));
  statement.exchange(soci::into(row.subject.name));
  statement.exchange(soci::into(subject_org_id));
  statement.exchange(soci::into(row.subject_org.name));
  statement.exchange(soci::into(row.grade));
  statement.exchange(soci::into(row.comment));
  statement.exchange(soci::into(at));
  bind(statement);
  statement.exchange(soci::use(page_limit, "limit"));
  statement.exchange(soci::use(page_offset, "offset"));
  statement.alloc();
  statement.prepare("SELECT v.id, v.year, c.id, c.name, v.subject_kind, COALESCE(v.member_id, v.unit_id), "
                    "COALESCE(m.name, u.name), s.id, s.name, v.grade, v.comment, v.evaluated_at" +
                    std::string(kEvaluationsFrom) + " ORDER BY c.path, v.subject_kind, v.id LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) {
    row.id = id;
    row.year = row_year;
    row.community.id = community_id;
    row.subject.id = subject_id;
    row.subject_org.id = subject_org_id;
    row.evaluated_at = at;
    page.items.push_back(row);
  }
  return page;
}

// Two-way evaluation.

std::vector<EvaluationItem> CheckInRepository::ListItems(soci::session& sql) const {
  long long id = 0;
  std::string direction, name;
  soci::statement statement =
      (sql.prepare << "SELECT id, direction, name FROM evaluation_item WHERE active = 1 "
                      "ORDER BY direction, sort_order, id",
       soci::into(id), soci::into(direction), soci::into(name));
  statement.execute();
  std::vector<EvaluationItem> items;
  while (statement.fetch()) items.push_back({id, direction, name});
  return items;
}

bool CheckInRepository::HasMutualEvaluation(soci::session& sql, int year, const std::string& direction,
                                            std::int64_t community_id, std::int64_t unit_id) const {
  const long long community = community_id, unit = unit_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM mutual_evaluation WHERE year = :year AND direction = :direction "
         "AND community_id = :community AND unit_id = :unit",
      soci::use(year, "year"), soci::use(direction, "direction"), soci::use(community, "community"),
      soci::use(unit, "unit"), soci::into(count);
  return count > 0;
}

std::int64_t CheckInRepository::InsertMutualEvaluation(soci::session& sql, const NewMutualEvaluation& input,
                                                       std::int64_t rater_org_id, std::int64_t ratee_org_id,
                                                       std::int64_t by, std::int64_t at) const {
  const long long community = input.community_id, unit = input.unit_id, rater = rater_org_id, ratee = ratee_org_id,
                  user = by, time = at;
  long long id = 0;
  sql << "INSERT INTO mutual_evaluation (year, direction, community_id, unit_id, rater_org_id, ratee_org_id, comment, "
         "rated_by, rated_at) VALUES (:year, :direction, :community, :unit, :rater, :ratee, :comment, :by, :at) "
         "RETURNING id",
      soci::use(input.year, "year"), soci::use(input.direction, "direction"), soci::use(community, "community"),
      soci::use(unit, "unit"), soci::use(rater, "rater"), soci::use(ratee, "ratee"),
      soci::use(input.comment, "comment"), soci::use(user, "by"), soci::use(time, "at"), soci::into(id);
  for (const auto& [item_id, score] : input.scores) {
    const long long item = item_id;
    const int value = static_cast<int>(score);
    sql << "INSERT INTO mutual_evaluation_score (evaluation_id, item_id, score) VALUES (:evaluation, :item, :score)",
        soci::use(id, "evaluation"), soci::use(item, "item"), soci::use(value, "score");
  }
  return id;
}

std::vector<MutualEvaluation> CheckInRepository::ListGiven(soci::session& sql, std::int64_t rater_org_id,
                                                           int year) const {
  const long long rater = rater_org_id;
  long long id = 0, community_id = 0, unit_id = 0, at = 0;
  int row_year = 0;
  std::string direction, community_name, unit_name, comment;
  soci::statement statement =
      (sql.prepare << "SELECT v.id, v.year, v.direction, c.id, c.name, u.id, u.name, v.comment, v.rated_at "
                      "FROM mutual_evaluation v JOIN org c ON c.id = v.community_id JOIN unit u ON u.id = v.unit_id "
                      "WHERE v.rater_org_id = :rater AND v.year = :year ORDER BY v.id",
       soci::use(rater, "rater"), soci::use(year, "year"), soci::into(id), soci::into(row_year), soci::into(direction),
       soci::into(community_id), soci::into(community_name), soci::into(unit_id), soci::into(unit_name),
       soci::into(comment), soci::into(at));
  statement.execute();
  std::vector<MutualEvaluation> given;
  while (statement.fetch()) {
    given.push_back(MutualEvaluation{id, row_year, direction, {community_id, community_name}, {unit_id, unit_name},
                                     comment, at, {}});
  }
  for (MutualEvaluation& evaluation : given) {
    const long long key = evaluation.id;
    long long item_id = 0;
    std::string name;
    int score = 0;
    soci::statement scores =
        (sql.prepare << "SELECT s.item_id, i.name, s.score FROM mutual_evaluation_score s "
                        "JOIN evaluation_item i ON i.id = s.item_id WHERE s.evaluation_id = :id ORDER BY i.sort_order, i.id",
         soci::use(key, "id"), soci::into(item_id), soci::into(name), soci::into(score));
    scores.execute();
    while (scores.fetch()) evaluation.scores.push_back({item_id, name, score});
  }
  return given;
}

std::vector<ItemAverage> CheckInRepository::AverageReceived(soci::session& sql, std::int64_t ratee_org_id, int year,
                                                             std::int64_t& ratings) const {
  const long long ratee = ratee_org_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM mutual_evaluation WHERE ratee_org_id = :ratee AND year = :year", soci::use(ratee, "ratee"),
      soci::use(year, "year"), soci::into(count);
  ratings = count;
  long long item_id = 0, n = 0;
  std::string name;
  double average = 0;
  soci::statement statement =
      (sql.prepare << "SELECT i.id, i.name, AVG(s.score * 1.0), COUNT(*) FROM mutual_evaluation v "
                      "JOIN mutual_evaluation_score s ON s.evaluation_id = v.id "
                      "JOIN evaluation_item i ON i.id = s.item_id "
                      "WHERE v.ratee_org_id = :ratee AND v.year = :year "
                      "GROUP BY i.id, i.name, i.sort_order ORDER BY i.sort_order, i.id",
       soci::use(ratee, "ratee"), soci::use(year, "year"), soci::into(item_id), soci::into(name), soci::into(average),
       soci::into(n));
  statement.execute();
  std::vector<ItemAverage> items;
  while (statement.fetch()) items.push_back({item_id, name, average, n});
  return items;
}

std::vector<UnitCheckIn> CheckInRepository::UnitCheckInsOfYear(soci::session& sql,
                                                              std::optional<std::int64_t> community_id,
                                                              std::optional<std::int64_t> party_org_id,
                                                              int year) const {
  const std::string start = std::to_string(year) + "-01-01", end = std::to_string(year) + "-12-31";
  const long long key = community_id ? *community_id : party_org_id.value_or(0);
  std::string where = " WHERE k.reported_on <= :end AND (k.ended_on IS NULL OR k.ended_on >= :start)";
  where += community_id ? " AND k.community_id = :key" : " AND k.party_org_id = :key";
  return Select<UnitCheckInColumns>(sql, std::string(kSelectUnitCheckIns) + where + " ORDER BY u.name, k.id",
                                    [&](soci::statement& s) {
                                      s.exchange(soci::use(end, "end"));
                                      s.exchange(soci::use(start, "start"));
                                      s.exchange(soci::use(key, "key"));
                                    });
}

}  // namespace liandong::check_in
