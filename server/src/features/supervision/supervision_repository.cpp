#include "features/supervision/supervision_repository.hpp"

#include <functional>
#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::supervision {
namespace {

// A supervision with its issuer, target and links: the head of every supervision query.
constexpr std::string_view kSelectSupervisions = R"sql(
  SELECT s.id, i.id, i.name, i.level, t.id, t.name, t.level, t.path,
         s.assignment_id, k.title, s.duty_item_id, d.description,
         s.title, s.requirement, s.deadline, s.state, s.created_at, s.closed_at
  FROM supervision s
  JOIN org i ON i.id = s.org_id
  JOIN org t ON t.id = s.target_org_id
  LEFT JOIN task_assignment a ON a.id = s.assignment_id
  LEFT JOIN task k ON k.id = a.task_id
  LEFT JOIN duty_item d ON d.id = s.duty_item_id
)sql";
constexpr std::string_view kCountSupervisions = R"sql(
  SELECT COUNT(*)
  FROM supervision s
  JOIN org t ON t.id = s.target_org_id
)sql";
constexpr std::string_view kWhereId = " WHERE s.id = :id";
constexpr std::string_view kWhereIssuedBy = " WHERE s.org_id = :org_id";
constexpr std::string_view kWhereReceivedBy = " WHERE s.target_org_id = :org_id";
constexpr std::string_view kWhereTargetInSubtree = " WHERE t.path >= :scope AND t.path < :scope_end";
constexpr std::string_view kCreatedByAsOf = " AND s.created_at <= :created_until";
constexpr std::string_view kStateIs = " AND s.state = :state";
constexpr std::string_view kClosedByAsOf = " AND s.closed_at IS NOT NULL AND s.closed_at <= :closed_until";
constexpr std::string_view kUnclosedAtAsOf = " AND (s.closed_at IS NULL OR s.closed_at > :closed_until)";
constexpr std::string_view kPastDeadline = " AND s.deadline < :today";
constexpr std::string_view kPage = " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET :offset";

constexpr std::string_view kInsert = R"sql(
  INSERT INTO supervision (org_id, target_org_id, assignment_id, duty_item_id, title, requirement, deadline, state,
                           created_by, created_at)
  VALUES (:org_id, :target_org_id, :assignment_id, :duty_item_id, :title, :requirement, :deadline, 'open',
          :created_by, :created_at)
  RETURNING id
)sql";

constexpr std::string_view kSetState = "UPDATE supervision SET state = :state, closed_at = :closed_at WHERE id = :id";

constexpr std::string_view kInsertEvent = R"sql(
  INSERT INTO supervision_event (supervision_id, kind, org_id, user_id, text, at)
  VALUES (:supervision_id, :kind, :org_id, :user_id, :text, :at)
  RETURNING id
)sql";

constexpr std::string_view kSelectEvents = R"sql(
  SELECT e.id, e.kind, o.id, o.name, o.level, u.id, u.display_name, e.text, e.at
  FROM supervision_event e
  JOIN org o ON o.id = e.org_id
  LEFT JOIN user_account u ON u.id = e.user_id
)sql";
constexpr std::string_view kWhereEventsOf = " WHERE e.supervision_id = :supervision_id ORDER BY e.id";
constexpr std::string_view kWhereEventId = " WHERE e.id = :id";

struct SupervisionColumns {
  long long id = 0;
  long long issuer_id = 0;
  std::string issuer_name;
  std::string issuer_level;
  long long target_id = 0;
  std::string target_name;
  std::string target_level;
  std::string target_path;
  long long assignment_id = 0;
  soci::indicator assignment_indicator = soci::i_null;
  std::string task_title;
  soci::indicator task_title_indicator = soci::i_null;
  long long duty_item_id = 0;
  soci::indicator duty_item_indicator = soci::i_null;
  std::string duty_description;
  soci::indicator duty_description_indicator = soci::i_null;
  std::string title;
  std::string requirement;
  std::string deadline;
  std::string state;
  long long created_at = 0;
  long long closed_at = 0;
  soci::indicator closed_at_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(issuer_id));
    statement.exchange(soci::into(issuer_name));
    statement.exchange(soci::into(issuer_level));
    statement.exchange(soci::into(target_id));
    statement.exchange(soci::into(target_name));
    statement.exchange(soci::into(target_level));
    statement.exchange(soci::into(target_path));
    statement.exchange(soci::into(assignment_id, assignment_indicator));
    statement.exchange(soci::into(task_title, task_title_indicator));
    statement.exchange(soci::into(duty_item_id, duty_item_indicator));
    statement.exchange(soci::into(duty_description, duty_description_indicator));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(requirement));
    statement.exchange(soci::into(deadline));
    statement.exchange(soci::into(state));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(closed_at, closed_at_indicator));
  }

  Supervision ToSupervision() const {
    Supervision supervision;
    supervision.id = id;
    supervision.issuer = OrgRef{issuer_id, issuer_name, issuer_level};
    supervision.target = OrgRef{target_id, target_name, target_level};
    supervision.target_path = target_path;
    if (assignment_indicator == soci::i_ok) {
      supervision.assignment =
          AssignmentRef{assignment_id, task_title_indicator == soci::i_ok ? task_title : std::string()};
    }
    if (duty_item_indicator == soci::i_ok) {
      supervision.duty_item =
          DutyItemRef{duty_item_id, duty_description_indicator == soci::i_ok ? duty_description : std::string()};
    }
    supervision.title = title;
    supervision.requirement = requirement;
    supervision.deadline = deadline;
    supervision.state = state;
    supervision.created_at = created_at;
    if (closed_at_indicator == soci::i_ok) supervision.closed_at = closed_at;
    return supervision;
  }
};

struct EventColumns {
  long long id = 0;
  std::string kind;
  long long org_id = 0;
  std::string org_name;
  std::string org_level;
  long long user_id = 0;
  soci::indicator user_indicator = soci::i_null;
  std::string display_name;
  soci::indicator display_name_indicator = soci::i_null;
  std::string text;
  long long at = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_level));
    statement.exchange(soci::into(user_id, user_indicator));
    statement.exchange(soci::into(display_name, display_name_indicator));
    statement.exchange(soci::into(text));
    statement.exchange(soci::into(at));
  }

  Event ToEvent() const {
    Event event;
    event.id = id;
    event.kind = kind;
    event.org = OrgRef{org_id, org_name, org_level};
    if (user_indicator == soci::i_ok) {
      event.user = UserRef{user_id, display_name_indicator == soci::i_ok ? display_name : std::string()};
    }
    event.text = text;
    event.at = at;
    return event;
  }
};

// Runs `head` followed by `where` into `Columns`; `bind` adds the use elements of `where`.
template <typename Columns, typename Row, typename Bind, typename Convert>
std::vector<Row> Select(soci::session& sql, std::string_view head, const std::string& where, Bind bind,
                        Convert convert) {
  Columns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(head) + where);
  statement.define_and_bind();
  statement.execute();
  std::vector<Row> rows;
  while (statement.fetch()) rows.push_back(convert(columns));
  return rows;
}

std::vector<Supervision> SelectSupervisions(soci::session& sql, const std::string& where,
                                            const std::function<void(soci::statement&)>& bind) {
  return Select<SupervisionColumns, Supervision>(sql, kSelectSupervisions, where, bind,
                                                 [](const SupervisionColumns& row) { return row.ToSupervision(); });
}

std::vector<Event> SelectEvents(soci::session& sql, const std::string& where,
                                const std::function<void(soci::statement&)>& bind) {
  return Select<EventColumns, Event>(sql, kSelectEvents, where, bind,
                                     [](const EventColumns& row) { return row.ToEvent(); });
}

}  // namespace

std::optional<Supervision> SupervisionRepository::Find(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  auto rows = SelectSupervisions(sql, std::string(kWhereId),
                                 [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

SupervisionPage SupervisionRepository::List(soci::session& sql, const ListQuery& query) const {
  const long long org_id = query.org_id;
  const long long as_of = query.as_of;
  const long long limit = query.limit;
  const long long offset = query.offset;
  std::string where(query.view == View::kIssued     ? kWhereIssuedBy
                    : query.view == View::kReceived ? kWhereReceivedBy
                                                    : kWhereTargetInSubtree);
  where += kCreatedByAsOf;
  const std::string state = query.state.value_or("");
  const bool by_state = state == "open" || state == "answered";
  const bool closed = state == "closed";
  const bool unclosed = state == "unclosed" || state == "overdue";
  const bool overdue = state == "overdue";
  if (by_state) where += kStateIs;
  if (closed) where += kClosedByAsOf;
  if (unclosed) where += kUnclosedAtAsOf;
  if (overdue) where += kPastDeadline;
  const auto bind = [&](soci::statement& statement) {
    if (query.view == View::kAll) {
      db::BindScope(statement, query.scope);
    } else {
      statement.exchange(soci::use(org_id, "org_id"));
    }
    statement.exchange(soci::use(as_of, "created_until"));
    if (by_state) statement.exchange(soci::use(state, "state"));
    if (closed || unclosed) statement.exchange(soci::use(as_of, "closed_until"));
    if (overdue) statement.exchange(soci::use(query.as_of_date, "today"));
  };

  SupervisionPage page;
  {
    long long total = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    bind(statement);
    statement.alloc();
    statement.prepare(std::string(kCountSupervisions) + where);
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  page.items = SelectSupervisions(sql, where + std::string(kPage), [&](soci::statement& statement) {
    bind(statement);
    statement.exchange(soci::use(limit, "limit"));
    statement.exchange(soci::use(offset, "offset"));
  });
  return page;
}

std::int64_t SupervisionRepository::Insert(soci::session& sql, std::int64_t org_id, const NewSupervision& input,
                                           std::int64_t created_by, std::int64_t now) const {
  const long long issuer = org_id;
  const long long target = input.target_org_id;
  const long long assignment_id = input.assignment_id.value_or(0);
  soci::indicator assignment_indicator = input.assignment_id ? soci::i_ok : soci::i_null;
  const long long duty_item_id = input.duty_item_id.value_or(0);
  soci::indicator duty_item_indicator = input.duty_item_id ? soci::i_ok : soci::i_null;
  const long long user = created_by;
  const long long created_at = now;
  long long id = 0;
  sql << kInsert, soci::use(issuer, "org_id"), soci::use(target, "target_org_id"),
      soci::use(assignment_id, assignment_indicator, "assignment_id"),
      soci::use(duty_item_id, duty_item_indicator, "duty_item_id"), soci::use(input.title, "title"),
      soci::use(input.requirement, "requirement"), soci::use(input.deadline, "deadline"), soci::use(user, "created_by"),
      soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

void SupervisionRepository::SetState(soci::session& sql, std::int64_t id, const std::string& state,
                                     std::optional<std::int64_t> closed_at) const {
  const long long key = id;
  const long long closed = closed_at.value_or(0);
  soci::indicator closed_indicator = closed_at ? soci::i_ok : soci::i_null;
  sql << kSetState, soci::use(state, "state"), soci::use(closed, closed_indicator, "closed_at"), soci::use(key, "id");
}

std::int64_t SupervisionRepository::InsertEvent(soci::session& sql, std::int64_t supervision_id,
                                                const std::string& kind, std::int64_t org_id, std::int64_t user_id,
                                                const std::string& text, std::int64_t at) const {
  const long long supervision = supervision_id;
  const long long org = org_id;
  const long long user = user_id;
  const long long when = at;
  long long id = 0;
  sql << kInsertEvent, soci::use(supervision, "supervision_id"), soci::use(kind, "kind"), soci::use(org, "org_id"),
      soci::use(user, "user_id"), soci::use(text, "text"), soci::use(when, "at"), soci::into(id);
  return id;
}

std::vector<Event> SupervisionRepository::ListEvents(soci::session& sql, std::int64_t supervision_id) const {
  const long long key = supervision_id;
  return SelectEvents(sql, std::string(kWhereEventsOf),
                      [&](soci::statement& statement) { statement.exchange(soci::use(key, "supervision_id")); });
}

std::optional<Event> SupervisionRepository::FindEvent(soci::session& sql, std::int64_t event_id) const {
  const long long key = event_id;
  auto rows = SelectEvents(sql, std::string(kWhereEventId),
                           [&](soci::statement& statement) { statement.exchange(soci::use(key, "id")); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace liandong::supervision
