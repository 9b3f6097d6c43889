#include "features/joint_committee/joint_committee_repository.hpp"

#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::joint_committee {
namespace {

constexpr std::string_view kSelectCommitteeByOrg =
    "SELECT id, org_id, scope, name FROM joint_committee WHERE org_id = :org_id";

constexpr std::string_view kInsertCommittee = R"sql(
  INSERT INTO joint_committee (org_id, scope, name, created_at)
  VALUES (:org_id, :scope, :name, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kRenameCommittee = "UPDATE joint_committee SET name = :name WHERE id = :id";

// A member with its unit, committee and the committee's org: the head of every member query.
constexpr std::string_view kSelectSeats = R"sql(
  SELECT m.id, m.person_name, m.unit_id, u.name, m.post, m.part_time, m.term_start, m.term_end,
         c.id, c.name, c.scope, o.id, o.name, o.path
  FROM joint_committee_member m
  JOIN joint_committee c ON c.id = m.joint_committee_id
  JOIN org o ON o.id = c.org_id
  LEFT JOIN unit u ON u.id = m.unit_id
)sql";
constexpr std::string_view kWhereMemberId = " WHERE m.id = :id";
constexpr std::string_view kWhereCommitteeId = " WHERE m.joint_committee_id = :committee_id ORDER BY m.id";
constexpr std::string_view kWhereUnitInScope = R"sql(
  WHERE m.unit_id = :unit_id AND o.path >= :scope AND o.path < :scope_end
  ORDER BY o.path, m.id
)sql";

constexpr std::string_view kInsertMember = R"sql(
  INSERT INTO joint_committee_member (joint_committee_id, person_name, unit_id, post, part_time, term_start, term_end,
                                      created_at)
  VALUES (:committee_id, :person_name, :unit_id, :post, :part_time, :term_start, :term_end, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kUpdateMember = R"sql(
  UPDATE joint_committee_member
  SET person_name = :person_name, unit_id = :unit_id, post = :post, part_time = :part_time,
      term_start = :term_start, term_end = :term_end
  WHERE id = :id
)sql";

constexpr std::string_view kDeleteMember = "DELETE FROM joint_committee_member WHERE id = :id";

// The columns of kSelectSeats, read into named variables.
struct SeatColumns {
  long long member_id = 0;
  std::string person_name;
  long long unit_id = 0;
  soci::indicator unit_id_indicator = soci::i_null;
  std::string unit_name;
  soci::indicator unit_name_indicator = soci::i_null;
  std::string post;
  int part_time = 0;
  std::string term_start;
  std::string term_end;
  soci::indicator term_end_indicator = soci::i_null;
  long long committee_id = 0;
  std::string committee_name;
  std::string scope;
  long long org_id = 0;
  std::string org_name;
  std::string org_path;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(member_id));
    statement.exchange(soci::into(person_name));
    statement.exchange(soci::into(unit_id, unit_id_indicator));
    statement.exchange(soci::into(unit_name, unit_name_indicator));
    statement.exchange(soci::into(post));
    statement.exchange(soci::into(part_time));
    statement.exchange(soci::into(term_start));
    statement.exchange(soci::into(term_end, term_end_indicator));
    statement.exchange(soci::into(committee_id));
    statement.exchange(soci::into(committee_name));
    statement.exchange(soci::into(scope));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_path));
  }

  Seat ToSeat() const {
    Seat seat;
    seat.member.id = member_id;
    seat.member.fields.person_name = person_name;
    if (unit_id_indicator == soci::i_ok) {
      seat.member.fields.unit_id = unit_id;
      seat.member.unit = Ref{unit_id, unit_name_indicator == soci::i_ok ? unit_name : std::string()};
    }
    seat.member.fields.post = post;
    seat.member.fields.part_time = part_time != 0;
    seat.member.fields.term_start = term_start;
    if (term_end_indicator == soci::i_ok) seat.member.fields.term_end = term_end;
    seat.committee = Ref{committee_id, committee_name};
    seat.scope = scope;
    seat.org = Ref{org_id, org_name};
    seat.org_path = org_path;
    return seat;
  }
};

// Runs kSelectSeats followed by `where`; `bind` adds the use elements of `where`.
template <typename Bind>
std::vector<Seat> SelectSeats(soci::session& sql, std::string_view where, Bind bind) {
  SeatColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kSelectSeats) + std::string(where));
  statement.define_and_bind();
  statement.execute();
  std::vector<Seat> seats;
  while (statement.fetch()) seats.push_back(columns.ToSeat());
  return seats;
}

// The values of MemberFields as SOCI binds them.
struct MemberValues {
  explicit MemberValues(const MemberFields& fields)
      : unit_id(fields.unit_id.value_or(0)),
        unit_id_indicator(fields.unit_id ? soci::i_ok : soci::i_null),
        part_time(fields.part_time ? 1 : 0),
        term_end(fields.term_end.value_or("")),
        term_end_indicator(fields.term_end ? soci::i_ok : soci::i_null) {}

  long long unit_id;
  soci::indicator unit_id_indicator;
  int part_time;
  std::string term_end;
  soci::indicator term_end_indicator;
};

}  // namespace

std::optional<JointCommittee> JointCommitteeRepository::FindByOrg(soci::session& sql, std::int64_t org_id) const {
  const long long id = org_id;
  JointCommittee committee;
  long long committee_id = 0;
  long long committee_org_id = 0;
  sql << kSelectCommitteeByOrg, soci::use(id, "org_id"), soci::into(committee_id), soci::into(committee_org_id),
      soci::into(committee.scope), soci::into(committee.name);
  if (!sql.got_data()) return std::nullopt;
  committee.id = committee_id;
  committee.org_id = committee_org_id;
  return committee;
}

std::vector<Member> JointCommitteeRepository::ListMembers(soci::session& sql, std::int64_t committee_id) const {
  const long long id = committee_id;
  std::vector<Member> members;
  for (Seat& seat : SelectSeats(sql, kWhereCommitteeId, [&](soci::statement& statement) {
         statement.exchange(soci::use(id, "committee_id"));
       })) {
    members.push_back(std::move(seat.member));
  }
  return members;
}

std::int64_t JointCommitteeRepository::Insert(soci::session& sql, std::int64_t org_id, const std::string& scope,
                                              const std::string& name, std::int64_t now) const {
  const long long committee_org_id = org_id;
  const long long created_at = now;
  long long id = 0;
  sql << kInsertCommittee, soci::use(committee_org_id, "org_id"), soci::use(scope, "scope"), soci::use(name, "name"),
      soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

void JointCommitteeRepository::Rename(soci::session& sql, std::int64_t id, const std::string& name) const {
  const long long committee_id = id;
  sql << kRenameCommittee, soci::use(name, "name"), soci::use(committee_id, "id");
}

std::optional<Seat> JointCommitteeRepository::FindMember(soci::session& sql, std::int64_t member_id) const {
  const long long id = member_id;
  auto seats =
      SelectSeats(sql, kWhereMemberId, [&](soci::statement& statement) { statement.exchange(soci::use(id, "id")); });
  if (seats.empty()) return std::nullopt;
  return std::move(seats.front());
}

std::int64_t JointCommitteeRepository::InsertMember(soci::session& sql, std::int64_t committee_id,
                                                    const MemberFields& fields, std::int64_t now) const {
  MemberValues values(fields);
  const long long committee = committee_id;
  const long long created_at = now;
  long long id = 0;
  sql << kInsertMember, soci::use(committee, "committee_id"), soci::use(fields.person_name, "person_name"),
      soci::use(values.unit_id, values.unit_id_indicator, "unit_id"), soci::use(fields.post, "post"),
      soci::use(values.part_time, "part_time"), soci::use(fields.term_start, "term_start"),
      soci::use(values.term_end, values.term_end_indicator, "term_end"), soci::use(created_at, "created_at"),
      soci::into(id);
  return id;
}

void JointCommitteeRepository::UpdateMember(soci::session& sql, std::int64_t member_id,
                                            const MemberFields& fields) const {
  MemberValues values(fields);
  const long long id = member_id;
  sql << kUpdateMember, soci::use(fields.person_name, "person_name"),
      soci::use(values.unit_id, values.unit_id_indicator, "unit_id"), soci::use(fields.post, "post"),
      soci::use(values.part_time, "part_time"), soci::use(fields.term_start, "term_start"),
      soci::use(values.term_end, values.term_end_indicator, "term_end"), soci::use(id, "id");
}

void JointCommitteeRepository::DeleteMember(soci::session& sql, std::int64_t member_id) const {
  const long long id = member_id;
  sql << kDeleteMember, soci::use(id, "id");
}

std::vector<Seat> JointCommitteeRepository::ListSeatsOfUnit(soci::session& sql, std::int64_t unit_id,
                                                            const core::OrgScope& scope) const {
  const long long id = unit_id;
  return SelectSeats(sql, kWhereUnitInScope, [&](soci::statement& statement) {
    statement.exchange(soci::use(id, "unit_id"));
    db::BindScope(statement, scope);
  });
}

}  // namespace liandong::joint_committee
