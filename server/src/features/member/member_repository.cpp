#include "features/member/member_repository.hpp"

#include <string_view>

#include "core/text_search.hpp"
#include "db/org_scope_binding.hpp"

namespace liandong::member {
namespace {

constexpr std::string_view kMemberColumns = R"sql(
  SELECT m.id, m.org_id, o.name, o.path, m.name, m.gender, m.birth_date, m.id_number_masked, m.phone_masked,
         m.education, m.joined_on, m.full_member_on, m.status, m.standing, m.in_service,
         m.employer_unit_id, u.name, m.home_community_id, h.name, m.archived_at
  FROM member m
  JOIN org o ON o.id = m.org_id
  LEFT JOIN unit u ON u.id = m.employer_unit_id
  LEFT JOIN org h ON h.id = m.home_community_id
)sql";

constexpr std::string_view kCountMembers = R"sql(
  SELECT COUNT(*)
  FROM member m
  JOIN org o ON o.id = m.org_id
)sql";

constexpr std::string_view kScopeCondition =
    " WHERE o.path >= :scope AND o.path < :scope_end AND m.archived_at IS NULL";
// The search index (migration 0018) holds each member who is not archived with its name's grams
// and its org's path as tokens, so the query names the subtree too and a name-only search is
// counted from the index alone.
constexpr std::string_view kNameConditionSqlite =
    " AND m.id IN (SELECT rowid FROM member_search WHERE member_search MATCH :query)";
constexpr std::string_view kNameConditionPostgres =
    " AND to_tsvector('simple', m.name_grams || ' ' || m.search_scope) @@ to_tsquery('simple', :query)";
constexpr std::string_view kCountByNameSqlite = "SELECT COUNT(*) FROM member_search WHERE member_search MATCH :query";
constexpr std::string_view kCountByNamePostgres = "SELECT COUNT(*) FROM member m WHERE m.archived_at IS NULL";
constexpr std::string_view kNameConditionOneCharacter = " AND m.name LIKE :query";
constexpr std::string_view kIdNumberCondition = " AND m.id_number_index = :id_number_index";
constexpr std::string_view kStatusCondition = " AND m.status = :status";
constexpr std::string_view kInServiceCondition = " AND m.in_service = :in_service";
constexpr std::string_view kPageClause = " ORDER BY m.id LIMIT :limit OFFSET :offset";
// PostgreSQL, given ORDER BY m.id LIMIT and a name search, walks the primary key testing every
// member's grams until the page is full: 950 ms at city scope in the megacity. Ordering by an
// expression makes it find the matches by the GIN index first and sort them (38 ms).
constexpr std::string_view kPageClauseSearchPostgres = " ORDER BY m.id + 0 LIMIT :limit OFFSET :offset";
// A page picks its ids first, from the index on (org_id, archived_at, id) where no other filter
// needs the rows, and only then reads the 20 rows and their joins.
constexpr std::string_view kPageIds = " WHERE m.id IN (SELECT m.id FROM member m JOIN org o ON o.id = m.org_id";
constexpr std::string_view kPageIdsEnd = ") ORDER BY m.id";
constexpr std::string_view kPageIdsByNameSqlite =
    " WHERE m.id IN (SELECT rowid FROM member_search WHERE member_search MATCH :query"
    " ORDER BY rowid LIMIT :limit OFFSET :offset";
constexpr std::string_view kPageIdsByNamePostgres =
    " WHERE m.id IN (SELECT m.id FROM member m WHERE m.archived_at IS NULL";

// Live members at each org itself, for the member roll-up (migration 0016 counts the same).
constexpr std::string_view kCountLiveMembersByOrg =
    "SELECT org_id, COUNT(*) FROM member WHERE archived_at IS NULL GROUP BY org_id";

constexpr std::string_view kSelectRecord = R"sql(
  SELECT org_id, name, name_grams, gender, birth_date, id_number_cipher, id_number_index, id_number_masked,
         phone_cipher, phone_index, phone_masked, education, joined_on, full_member_on, status, standing, in_service,
         employer_unit_id, home_community_id
  FROM member
  WHERE id = :id
)sql";

constexpr std::string_view kSelectIdByIndex = "SELECT id FROM member WHERE id_number_index = :id_number_index";
constexpr std::string_view kSelectCiphers = "SELECT id_number_cipher, phone_cipher FROM member WHERE id = :id";
constexpr std::string_view kMemberTable = "member";
// The columns MemberBulkLoad fills, in its order.
const std::vector<std::string> kBulkMemberColumns = {"id",
                                                     "org_id",
                                                     "name",
                                                     "name_grams",
                                                     "gender",
                                                     "birth_date",
                                                     "id_number_cipher",
                                                     "id_number_index",
                                                     "id_number_masked",
                                                     "phone_cipher",
                                                     "phone_index",
                                                     "phone_masked",
                                                     "education",
                                                     "joined_on",
                                                     "full_member_on",
                                                     "status",
                                                     "standing",
                                                     "in_service",
                                                     "employer_unit_id",
                                                     "home_community_id",
                                                     "created_at",
                                                     "updated_at"};
constexpr std::string_view kSelectAllCiphers = "SELECT id, id_number_cipher, phone_cipher FROM member";
constexpr std::string_view kUpdateCiphers = R"sql(
  UPDATE member SET id_number_cipher = :id_cipher, id_number_index = :id_index, phone_cipher = :phone_cipher,
                    phone_index = :phone_index
  WHERE id = :id
)sql";

constexpr std::string_view kInsertMember = R"sql(
  INSERT INTO member (org_id, name, name_grams, gender, birth_date, id_number_cipher, id_number_index,
                      id_number_masked, phone_cipher, phone_index, phone_masked, education, joined_on, full_member_on,
                      status, standing, in_service, employer_unit_id, home_community_id, created_at, updated_at)
  VALUES (:org_id, :name, :name_grams, :gender, :birth_date, :id_number_cipher, :id_number_index, :id_number_masked,
          :phone_cipher, :phone_index, :phone_masked, :education, :joined_on, :full_member_on, :status, :standing,
          :in_service, :employer_unit_id, :home_community_id, :created_at, :updated_at)
  RETURNING id
)sql";

constexpr std::string_view kUpdateMember = R"sql(
  UPDATE member
  SET org_id = :org_id, name = :name, name_grams = :name_grams, gender = :gender, birth_date = :birth_date,
      id_number_cipher = :id_number_cipher, id_number_index = :id_number_index, id_number_masked = :id_number_masked,
      phone_cipher = :phone_cipher, phone_index = :phone_index, phone_masked = :phone_masked, education = :education,
      joined_on = :joined_on, full_member_on = :full_member_on, status = :status, standing = :standing,
      in_service = :in_service, employer_unit_id = :employer_unit_id, home_community_id = :home_community_id,
      updated_at = :updated_at
  WHERE id = :id
)sql";

constexpr std::string_view kSetMemberOrg = "UPDATE member SET org_id = :org_id, updated_at = :now WHERE id = :id";

constexpr std::string_view kTransferColumns = R"sql(
  SELECT t.id, t.member_id, m.name, t.from_org_id, f.name, f.path, t.to_org_id, r.name, r.path, t.status, t.reason,
         t.decision_reason, t.requested_at, t.decided_at
  FROM member_transfer t
  JOIN member m ON m.id = t.member_id
  JOIN org f ON f.id = t.from_org_id
  JOIN org r ON r.id = t.to_org_id
)sql";

constexpr std::string_view kCountTransfers = R"sql(
  SELECT COUNT(*)
  FROM member_transfer t
  JOIN org f ON f.id = t.from_org_id
  JOIN org r ON r.id = t.to_org_id
)sql";

constexpr std::string_view kInsertTransfer = R"sql(
  INSERT INTO member_transfer (member_id, from_org_id, to_org_id, status, reason, requested_by, requested_at)
  VALUES (:member_id, :from_org_id, :to_org_id, 'requested', :reason, :requested_by, :requested_at)
  RETURNING id
)sql";

constexpr std::string_view kCountPendingTransfers =
    "SELECT COUNT(*) FROM member_transfer WHERE member_id = :member_id AND status = 'requested'";

constexpr std::string_view kDecideTransfer = R"sql(
  UPDATE member_transfer
  SET status = :status, decision_reason = :reason, decided_by = :decided_by, decided_at = :decided_at
  WHERE id = :id
)sql";

// Binds the columns of kMemberColumns.
struct MemberRow {
  Member member;
  std::string joined_on, full_member_on, employer_name, home_name;
  soci::indicator joined_indicator = soci::i_null, full_indicator = soci::i_null;
  long long employer_id = 0, home_id = 0, archived_at = 0;
  soci::indicator employer_indicator = soci::i_null, employer_name_indicator = soci::i_null;
  soci::indicator home_indicator = soci::i_null, home_name_indicator = soci::i_null;
  soci::indicator archived_indicator = soci::i_null;
  int in_service = 0;

  void Bind(soci::details::prepare_temp_type& prepared) {
    prepared, soci::into(member.id), soci::into(member.org.id), soci::into(member.org.name),
        soci::into(member.org_path), soci::into(member.name), soci::into(member.gender), soci::into(member.birth_date),
        soci::into(member.id_number_masked), soci::into(member.phone_masked), soci::into(member.education),
        soci::into(joined_on, joined_indicator), soci::into(full_member_on, full_indicator), soci::into(member.status),
        soci::into(member.standing), soci::into(in_service), soci::into(employer_id, employer_indicator),
        soci::into(employer_name, employer_name_indicator), soci::into(home_id, home_indicator),
        soci::into(home_name, home_name_indicator), soci::into(archived_at, archived_indicator);
  }

  Member Fill() const {
    Member result = member;
    result.joined_on = joined_indicator == soci::i_ok ? std::optional<std::string>(joined_on) : std::nullopt;
    result.full_member_on = full_indicator == soci::i_ok ? std::optional<std::string>(full_member_on) : std::nullopt;
    result.in_service = in_service != 0;
    if (employer_indicator == soci::i_ok) result.employer_unit = Reference{employer_id, employer_name};
    if (home_indicator == soci::i_ok) result.home_community = Reference{home_id, home_name};
    result.archived = archived_indicator == soci::i_ok;
    return result;
  }
};

struct TransferRow {
  Transfer transfer;
  long long decided_at = 0;
  soci::indicator decided_indicator = soci::i_null;

  void Bind(soci::details::prepare_temp_type& prepared) {
    prepared, soci::into(transfer.id), soci::into(transfer.member.id), soci::into(transfer.member.name),
        soci::into(transfer.from_org.id), soci::into(transfer.from_org.name), soci::into(transfer.from_path),
        soci::into(transfer.to_org.id), soci::into(transfer.to_org.name), soci::into(transfer.to_path),
        soci::into(transfer.status), soci::into(transfer.reason), soci::into(transfer.decision_reason),
        soci::into(transfer.requested_at), soci::into(decided_at, decided_indicator);
  }

  Transfer Fill() const {
    Transfer result = transfer;
    result.decided_at = decided_indicator == soci::i_ok ? std::optional<std::int64_t>(decided_at) : std::nullopt;
    return result;
  }
};

// Binds every column of a member record for INSERT or UPDATE; the values must outlive the statement.
struct RecordBinding {
  explicit RecordBinding(const MemberRecord& record)
      : joined_on(record.joined_on.value_or("")),
        full_member_on(record.full_member_on.value_or("")),
        joined_indicator(record.joined_on ? soci::i_ok : soci::i_null),
        full_indicator(record.full_member_on ? soci::i_ok : soci::i_null),
        in_service(record.in_service ? 1 : 0),
        employer_id(record.employer_unit_id.value_or(0)),
        employer_indicator(record.employer_unit_id ? soci::i_ok : soci::i_null),
        home_id(record.home_community_id.value_or(0)),
        home_indicator(record.home_community_id ? soci::i_ok : soci::i_null) {}

  void Bind(soci::details::once_temp_type& once, const MemberRecord& record) {
    once, soci::use(record.org_id, "org_id"), soci::use(record.name, "name"),
        soci::use(record.name_grams, "name_grams"), soci::use(record.gender, "gender"),
        soci::use(record.birth_date, "birth_date"), soci::use(record.id_number_cipher, "id_number_cipher"),
        soci::use(record.id_number_index, "id_number_index"), soci::use(record.id_number_masked, "id_number_masked"),
        soci::use(record.phone_cipher, "phone_cipher"), soci::use(record.phone_index, "phone_index"),
        soci::use(record.phone_masked, "phone_masked"), soci::use(record.education, "education"),
        soci::use(joined_on, joined_indicator, "joined_on"),
        soci::use(full_member_on, full_indicator, "full_member_on"), soci::use(record.status, "status"),
        soci::use(record.standing, "standing"), soci::use(in_service, "in_service"),
        soci::use(employer_id, employer_indicator, "employer_unit_id"),
        soci::use(home_id, home_indicator, "home_community_id");
  }

  std::string joined_on, full_member_on;
  soci::indicator joined_indicator, full_indicator;
  int in_service;
  long long employer_id;
  soci::indicator employer_indicator;
  long long home_id;
  soci::indicator home_indicator;
};

// The search query for a name within `scope`: every gram, and the subtree's
// token unless the scope is the root (the one org without a parent), which holds every member.
std::string NameQuery(db::Dialect dialect, const std::string& name, const core::OrgScope& scope) {
  const bool sqlite = dialect == db::Dialect::kSqlite;
  std::string query;
  for (const std::string& gram : core::QueryGrams(name)) {  // CJK pairs or ASCII words: nothing to escape
    if (!query.empty()) query += sqlite ? " AND " : " & ";
    query += sqlite ? "grams:\"" + gram + "\"" : gram;
  }
  if (query.empty()) return query;
  // The scope's token (migrations 0018 and 0020): its own FTS5 column on SQLite, and on PostgreSQL
  // a CJK character with digits, which no gram is.
  const std::vector<std::int64_t> path = scope.Ids();
  if (path.size() > 1) query += (sqlite ? " AND scope:o" : " & 组") + std::to_string(path.back());
  return query;
}

}  // namespace

std::optional<Member> MemberRepository::Find(soci::session& sql, std::int64_t id) const {
  MemberRow row;
  auto prepared = (sql.prepare << std::string(kMemberColumns) + " WHERE m.id = :id", soci::use(id, "id"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  if (!statement.fetch()) return std::nullopt;
  return row.Fill();
}

std::optional<MemberRecord> MemberRepository::FindRecord(soci::session& sql, std::int64_t id) const {
  MemberRecord record;
  std::string joined_on, full_member_on;
  soci::indicator joined_indicator = soci::i_null, full_indicator = soci::i_null;
  soci::indicator employer_indicator = soci::i_null, home_indicator = soci::i_null;
  long long employer_id = 0, home_id = 0;
  int in_service = 0;
  sql << kSelectRecord, soci::use(id, "id"), soci::into(record.org_id), soci::into(record.name),
      soci::into(record.name_grams), soci::into(record.gender), soci::into(record.birth_date),
      soci::into(record.id_number_cipher), soci::into(record.id_number_index), soci::into(record.id_number_masked),
      soci::into(record.phone_cipher), soci::into(record.phone_index), soci::into(record.phone_masked),
      soci::into(record.education), soci::into(joined_on, joined_indicator), soci::into(full_member_on, full_indicator),
      soci::into(record.status), soci::into(record.standing), soci::into(in_service),
      soci::into(employer_id, employer_indicator), soci::into(home_id, home_indicator);
  if (!sql.got_data()) return std::nullopt;
  if (joined_indicator == soci::i_ok) record.joined_on = joined_on;
  if (full_indicator == soci::i_ok) record.full_member_on = full_member_on;
  record.in_service = in_service != 0;
  if (employer_indicator == soci::i_ok) record.employer_unit_id = employer_id;
  if (home_indicator == soci::i_ok) record.home_community_id = home_id;
  return record;
}

std::optional<std::int64_t> MemberRepository::FindIdByIdNumberIndex(soci::session& sql,
                                                                    const std::string& index) const {
  long long id = 0;
  sql << kSelectIdByIndex, soci::use(index, "id_number_index"), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

std::pair<std::vector<Member>, std::int64_t> MemberRepository::List(db::Session& session, const core::OrgScope& scope,
                                                                    const MemberFilter& filter,
                                                                    const std::string& id_number_index, bool page,
                                                                    std::optional<std::int64_t> known_total) const {
  std::string conditions(kScopeCondition);
  std::string query;
  bool name_only = false;  // a name searched through the index, and no other filter
  if (!filter.query.empty()) {
    if (core::IsSingleCharacterQuery(filter.query)) {
      conditions += kNameConditionOneCharacter;
      query = "%" + core::SearchGrams(filter.query) + "%";
    } else {
      query = NameQuery(session.dialect(), filter.query, scope);
      if (query.empty()) return {{}, 0};
      conditions += session.dialect() == db::Dialect::kSqlite ? kNameConditionSqlite : kNameConditionPostgres;
      name_only = true;
    }
  }
  if (!id_number_index.empty()) conditions += kIdNumberCondition;
  if (!filter.status.empty()) conditions += kStatusCondition;
  if (filter.in_service) conditions += kInServiceCondition;
  name_only = name_only && id_number_index.empty() && filter.status.empty() && !filter.in_service;

  const int in_service = filter.in_service.value_or(false) ? 1 : 0;
  const int limit = filter.page_size;
  const long long offset = static_cast<long long>(filter.page - 1) * filter.page_size;
  const auto bind_filters = [&](soci::details::prepare_temp_type& prepared) {
    prepared, db::UseScope{scope};
    if (!query.empty()) prepared, soci::use(query, "query");
    if (!id_number_index.empty()) prepared, soci::use(id_number_index, "id_number_index");
    if (!filter.status.empty()) prepared, soci::use(filter.status, "status");
    if (filter.in_service) prepared, soci::use(in_service, "in_service");
  };

  long long total = known_total.value_or(0);
  if (!known_total && name_only) {
    if (session.dialect() == db::Dialect::kSqlite) {
      session.sql() << kCountByNameSqlite, soci::use(query, "query"), soci::into(total);
    } else {
      session.sql() << std::string(kCountByNamePostgres) + std::string(kNameConditionPostgres), soci::use(query, "query"),
          soci::into(total);
    }
  } else if (!known_total) {
    auto prepared = (session.sql().prepare << std::string(kCountMembers) + conditions);
    bind_filters(prepared);
    prepared, soci::into(total);
    soci::statement statement(prepared);
    statement.execute(true);
  }
  std::vector<Member> members;
  MemberRow row;
  const bool sqlite = session.dialect() == db::Dialect::kSqlite;
  std::string select(kMemberColumns);
  if (page && name_only) {
    // The page's ids straight from the index, in id order, without reading the other matches.
    select += sqlite ? std::string(kPageIdsByNameSqlite)
                     : std::string(kPageIdsByNamePostgres) + std::string(kNameConditionPostgres) +
                           std::string(kPageClauseSearchPostgres);
    select += kPageIdsEnd;
  } else if (page) {
    select += std::string(kPageIds) + conditions +
              std::string(!sqlite && !query.empty() ? kPageClauseSearchPostgres : kPageClause) +
              std::string(kPageIdsEnd);
  } else {
    select += conditions + " ORDER BY m.id";
  }
  auto prepared = (session.sql().prepare << select);
  if (page && name_only) {
    prepared, soci::use(query, "query");
  } else {
    bind_filters(prepared);
  }
  if (page) prepared, soci::use(limit, "limit"), soci::use(offset, "offset");
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) members.push_back(row.Fill());
  return {std::move(members), total};
}

std::vector<std::pair<std::int64_t, std::int64_t>> MemberRepository::CountLiveMembersByOrg(soci::session& sql) const {
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  long long org_id = 0;
  long long count = 0;
  soci::statement statement = (sql.prepare << kCountLiveMembersByOrg, soci::into(org_id), soci::into(count));
  statement.execute();
  while (statement.fetch()) counts.emplace_back(org_id, count);
  return counts;
}

std::pair<std::string, std::string> MemberRepository::FindCiphers(soci::session& sql, std::int64_t id) const {
  std::pair<std::string, std::string> ciphers;
  sql << kSelectCiphers, soci::use(id, "id"), soci::into(ciphers.first), soci::into(ciphers.second);
  return ciphers;
}

std::int64_t MemberRepository::Insert(db::Session& session, const MemberRecord& record, std::int64_t now) const {
  RecordBinding binding(record);
  long long id = 0;
  {
    auto once = (session.sql() << kInsertMember);
    binding.Bind(once, record);
    once, soci::use(now, "created_at"), soci::use(now, "updated_at"), soci::into(id);
  }
  return id;
}

void MemberRepository::Update(db::Session& session, std::int64_t id, const MemberRecord& record,
                              std::int64_t now) const {
  RecordBinding binding(record);
  {
    auto once = (session.sql() << kUpdateMember);
    binding.Bind(once, record);
    once, soci::use(now, "updated_at"), soci::use(id, "id");
  }
}

void MemberRepository::SetOrg(soci::session& sql, std::int64_t id, std::int64_t org_id, std::int64_t now) const {
  sql << kSetMemberOrg, soci::use(org_id, "org_id"), soci::use(now, "now"), soci::use(id, "id");
}

std::int64_t MemberRepository::InsertTransfer(soci::session& sql, std::int64_t member_id, std::int64_t from_org_id,
                                              std::int64_t to_org_id, const std::string& reason, std::int64_t user_id,
                                              std::int64_t now) const {
  long long id = 0;
  sql << kInsertTransfer, soci::use(member_id, "member_id"), soci::use(from_org_id, "from_org_id"),
      soci::use(to_org_id, "to_org_id"), soci::use(reason, "reason"), soci::use(user_id, "requested_by"),
      soci::use(now, "requested_at"), soci::into(id);
  return id;
}

std::optional<Transfer> MemberRepository::FindTransfer(soci::session& sql, std::int64_t id) const {
  TransferRow row;
  auto prepared = (sql.prepare << std::string(kTransferColumns) + " WHERE t.id = :id", soci::use(id, "id"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  if (!statement.fetch()) return std::nullopt;
  return row.Fill();
}

bool MemberRepository::HasPendingTransfer(soci::session& sql, std::int64_t member_id) const {
  long long count = 0;
  sql << kCountPendingTransfers, soci::use(member_id, "member_id"), soci::into(count);
  return count > 0;
}

core::Page<Transfer> MemberRepository::ListTransfers(soci::session& sql, TransferDirection direction,
                                                    const core::OrgScope& scope, const std::string& status,
                                                    const core::PageRequest& request) const {
  std::string conditions = direction == TransferDirection::kIncoming ? " WHERE r.path >= :scope AND r.path < :scope_end"
                                                                     : " WHERE f.path >= :scope AND f.path < :scope_end";
  if (!status.empty()) conditions += " AND t.status = :status";
  core::Page<Transfer> page;
  page.request = request;
  {
    long long total = 0;
    auto prepared = (sql.prepare << std::string(kCountTransfers) + conditions, db::UseScope{scope}, soci::into(total));
    if (!status.empty()) prepared, soci::use(status, "status");
    soci::statement statement(prepared);
    statement.execute(true);
    page.total = total;
  }
  const long long limit = request.Limit();
  const long long offset = request.Offset();
  TransferRow row;
  auto prepared = (sql.prepare << std::string(kTransferColumns) + conditions +
                                      " ORDER BY t.id DESC LIMIT :limit OFFSET :offset",
                   db::UseScope{scope}, soci::use(limit, "limit"), soci::use(offset, "offset"));
  if (!status.empty()) prepared, soci::use(status, "status");
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) page.items.push_back(row.Fill());
  return page;
}

std::vector<Transfer> MemberRepository::ListTransfersOfMember(soci::session& sql, std::int64_t member_id) const {
  TransferRow row;
  auto prepared = (sql.prepare << std::string(kTransferColumns) + " WHERE t.member_id = :member_id ORDER BY t.id",
                   soci::use(member_id, "member_id"));
  row.Bind(prepared);
  soci::statement statement(prepared);
  statement.execute();
  std::vector<Transfer> transfers;
  while (statement.fetch()) transfers.push_back(row.Fill());
  return transfers;
}

void MemberRepository::DecideTransfer(soci::session& sql, std::int64_t id, const std::string& status,
                                      const std::string& reason, std::int64_t user_id, std::int64_t now) const {
  sql << kDecideTransfer, soci::use(status, "status"), soci::use(reason, "reason"), soci::use(user_id, "decided_by"),
      soci::use(now, "decided_at"), soci::use(id, "id");
}

std::vector<SealedIdentifiers> MemberRepository::ListSealedIdentifiers(soci::session& sql) const {
  std::vector<SealedIdentifiers> all;
  long long id = 0;
  SealedIdentifiers row;
  soci::statement statement = (sql.prepare << kSelectAllCiphers, soci::into(id), soci::into(row.id_number_cipher),
                               soci::into(row.phone_cipher));
  statement.execute();
  while (statement.fetch()) {
    row.id = id;
    all.push_back(row);
  }
  return all;
}

void MemberRepository::UpdateSealedIdentifiers(soci::session& sql, const SealedIdentifiers& sealed,
                                               const std::string& id_number_index,
                                               const std::string& phone_index) const {
  sql << kUpdateCiphers, soci::use(sealed.id_number_cipher, "id_cipher"), soci::use(id_number_index, "id_index"),
      soci::use(sealed.phone_cipher, "phone_cipher"), soci::use(phone_index, "phone_index"), soci::use(sealed.id, "id");
}

void MemberRepository::RefreshStatistics(db::Session& session) const {
  db::AnalyzeTables(session, {std::string(kMemberTable)});
}

MemberBulkLoad::MemberBulkLoad(db::Session& session, std::int64_t now)
    : session_(session), now_(now), members_(session, std::string(kMemberTable), kBulkMemberColumns) {}

void MemberBulkLoad::Finish() {
  members_.Finish();
  db::ResetIdSequences(session_, {std::string(kMemberTable)});
}

void MemberBulkLoad::Add(std::int64_t id, const MemberRecord& record) {
  const auto text_or_null = [](const std::optional<std::string>& text) {
    return text ? db::BulkValue(*text) : db::BulkValue();
  };
  const auto id_or_null = [](const std::optional<std::int64_t>& value) {
    return value ? db::BulkValue(*value) : db::BulkValue();
  };
  members_.Add({id,
                record.org_id,
                record.name,
                record.name_grams,
                record.gender,
                record.birth_date,
                record.id_number_cipher,
                record.id_number_index,
                record.id_number_masked,
                record.phone_cipher,
                record.phone_index,
                record.phone_masked,
                record.education,
                text_or_null(record.joined_on),
                text_or_null(record.full_member_on),
                record.status,
                record.standing,
                record.in_service ? 1 : 0,
                id_or_null(record.employer_unit_id),
                id_or_null(record.home_community_id),
                now_,
                now_});
}

}  // namespace liandong::member
