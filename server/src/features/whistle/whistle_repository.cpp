#include "features/whistle/whistle_repository.hpp"

#include <map>
#include <stdexcept>
#include <string_view>

#include "db/org_scope_binding.hpp"

namespace liandong::whistle {
namespace {

// A nullable integer column.
struct NullableInteger {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
  std::optional<std::int64_t> Get() const {
    return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
  }
};

struct Bound {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
};

Bound Bind(std::optional<std::int64_t> value) { return value ? Bound{*value, soci::i_ok} : Bound{0, soci::i_null}; }

db::BulkValue OrNull(std::optional<std::int64_t> value) { return value ? db::BulkValue(*value) : db::BulkValue(); }

constexpr std::string_view kSelectWhistles = R"sql(
  SELECT w.id, s.id, s.name, s.level, s.path, w.type, t.name, w.source, w.title, w.description, w.address, w.state,
         w.blown_at, w.blown_month, w.signed_off_at, COALESCE(u.display_name, ''), w.signed_after_dispatch,
         w.dispatched_at, w.closed_at, w.closing_text
  FROM whistle w
  JOIN org s ON s.id = w.street_org_id
  JOIN whistle_type t ON t.code = w.type
  LEFT JOIN user_account u ON u.id = w.signed_off_by
)sql";

// A whistle is in the scope when its street is, or one of the agencies it summoned: two arms, the
// scope's streets (org_street_path) and its agencies (org_level_path) each through their index into
// the whistles (an OR of both tests every whistle of the city). `filter` narrows each arm on w.
std::string WhistlesInScope(const std::string& filter) {
  return "SELECT w.id FROM org s JOIN whistle w ON w.street_org_id = s.id"
         " WHERE s.level = 'street' AND s.path >= :scope AND s.path < :scope_end" +
         filter +
         " UNION SELECT w.id FROM org a JOIN whistle_response r ON r.agency_org_id = a.id"
         " JOIN whistle w ON w.id = r.whistle_id WHERE a.level = 'agency' AND a.path >= :scope2 AND a.path < "
         ":scope_end2" +
         filter;
}

struct WhistleColumns {
  long long id = 0, street_id = 0, blown_at = 0, signed_after_dispatch = 0;
  Whistle row;
  NullableInteger signed_off_at, dispatched_at, closed_at;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(street_id));
    statement.exchange(soci::into(row.street.name));
    statement.exchange(soci::into(row.street.level));
    statement.exchange(soci::into(row.street_path));
    statement.exchange(soci::into(row.type));
    statement.exchange(soci::into(row.type_name));
    statement.exchange(soci::into(row.source));
    statement.exchange(soci::into(row.title));
    statement.exchange(soci::into(row.description));
    statement.exchange(soci::into(row.address));
    statement.exchange(soci::into(row.state));
    statement.exchange(soci::into(blown_at));
    statement.exchange(soci::into(row.blown_month));
    statement.exchange(soci::into(signed_off_at.value, signed_off_at.indicator));
    statement.exchange(soci::into(row.signed_off_by_name));
    statement.exchange(soci::into(signed_after_dispatch));
    statement.exchange(soci::into(dispatched_at.value, dispatched_at.indicator));
    statement.exchange(soci::into(closed_at.value, closed_at.indicator));
    statement.exchange(soci::into(row.closing_text));
  }

  Whistle Get() const {
    Whistle whistle = row;
    whistle.id = id;
    whistle.street.id = street_id;
    whistle.blown_at = blown_at;
    whistle.signed_off_at = signed_off_at.Get();
    whistle.signed_after_dispatch = signed_after_dispatch != 0;
    whistle.dispatched_at = dispatched_at.Get();
    whistle.closed_at = closed_at.Get();
    return whistle;
  }
};

std::vector<Whistle> ReadWhistles(soci::statement& statement, WhistleColumns& columns) {
  std::vector<Whistle> whistles;
  if (statement.execute(true)) {
    do {
      whistles.push_back(columns.Get());
    } while (statement.fetch());
  }
  return whistles;
}

// Fills each whistle's responses (one query for the page).
void LoadResponses(soci::session& sql, std::vector<Whistle>& whistles) {
  if (whistles.empty()) return;
  std::map<std::int64_t, Whistle*> by_id;
  std::string ids;
  for (Whistle& whistle : whistles) {
    by_id[whistle.id] = &whistle;
    ids += (ids.empty() ? "" : ",") + std::to_string(whistle.id);
  }
  long long id = 0, whistle_id = 0, agency_id = 0;
  NullableInteger arrival_due, arrived_at, completed_at, score, rated_at;
  Response row;
  // The ids are numbers this process made: no user text reaches the query.
  soci::statement statement =
      (sql.prepare << "SELECT r.id, r.whistle_id, a.id, a.name, a.level, a.path, r.arrival_due, r.arrived_at, "
                      "r.arrival_text, r.completed_at, r.completion_text, r.score, r.rating_comment, r.rated_at "
                      "FROM whistle_response r JOIN org a ON a.id = r.agency_org_id WHERE r.whistle_id IN (" +
                          ids + ") ORDER BY r.whistle_id, r.id",
       soci::into(id), soci::into(whistle_id), soci::into(agency_id), soci::into(row.agency.name),
       soci::into(row.agency.level), soci::into(row.agency_path), soci::into(arrival_due.value, arrival_due.indicator),
       soci::into(arrived_at.value, arrived_at.indicator), soci::into(row.arrival_text),
       soci::into(completed_at.value, completed_at.indicator), soci::into(row.completion_text),
       soci::into(score.value, score.indicator), soci::into(row.rating_comment),
       soci::into(rated_at.value, rated_at.indicator));
  if (statement.execute(true)) {
    do {
      Response response = row;
      response.id = id;
      response.agency.id = agency_id;
      response.arrival_due = arrival_due.Get();
      response.arrived_at = arrived_at.Get();
      response.completed_at = completed_at.Get();
      response.score = score.Get();
      response.rated_at = rated_at.Get();
      by_id.at(whistle_id)->responses.push_back(std::move(response));
    } while (statement.fetch());
  }
}

constexpr std::string_view kSelectActs = R"sql(
  SELECT p.id, s.id, s.name, s.level, s.path, a.id, a.name, a.level, a.path, p.power, p.subject, p.text, p.evidence,
         p.state, p.acted_at, p.response_due, p.answered_at, p.answer, p.outcome, p.outcome_text, p.concluded_at
  FROM power_act p
  JOIN org s ON s.id = p.street_org_id
  JOIN org a ON a.id = p.agency_org_id
)sql";

struct ActColumns {
  long long id = 0, street_id = 0, agency_id = 0, acted_at = 0;
  PowerAct row;
  NullableInteger answered_at, concluded_at;
  std::string outcome;
  soci::indicator outcome_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(street_id));
    statement.exchange(soci::into(row.street.name));
    statement.exchange(soci::into(row.street.level));
    statement.exchange(soci::into(row.street_path));
    statement.exchange(soci::into(agency_id));
    statement.exchange(soci::into(row.agency.name));
    statement.exchange(soci::into(row.agency.level));
    statement.exchange(soci::into(row.agency_path));
    statement.exchange(soci::into(row.power));
    statement.exchange(soci::into(row.subject));
    statement.exchange(soci::into(row.text));
    statement.exchange(soci::into(row.evidence));
    statement.exchange(soci::into(row.state));
    statement.exchange(soci::into(acted_at));
    statement.exchange(soci::into(row.response_due));
    statement.exchange(soci::into(answered_at.value, answered_at.indicator));
    statement.exchange(soci::into(row.answer));
    statement.exchange(soci::into(outcome, outcome_indicator));
    statement.exchange(soci::into(row.outcome_text));
    statement.exchange(soci::into(concluded_at.value, concluded_at.indicator));
  }

  PowerAct Get() const {
    PowerAct act = row;
    act.id = id;
    act.street.id = street_id;
    act.agency.id = agency_id;
    act.acted_at = acted_at;
    act.answered_at = answered_at.Get();
    act.concluded_at = concluded_at.Get();
    act.outcome = outcome_indicator == soci::i_ok ? std::optional<std::string>(outcome) : std::nullopt;
    return act;
  }
};

}  // namespace

// ---- settings and populations ----

std::vector<WhistleType> WhistleRepository::ListTypes(soci::session& sql) const {
  std::vector<WhistleType> types;
  WhistleType row;
  long long minutes = 0;
  soci::statement statement =
      (sql.prepare << "SELECT code, name, arrival_minutes FROM whistle_type ORDER BY sort_order", soci::into(row.code),
       soci::into(row.name), soci::into(minutes));
  if (statement.execute(true)) {
    do {
      row.arrival_minutes = minutes;
      types.push_back(row);
    } while (statement.fetch());
  }
  return types;
}

std::optional<WhistleType> WhistleRepository::FindType(soci::session& sql, const std::string& code) const {
  for (WhistleType& type : ListTypes(sql)) {
    if (type.code == code) return type;
  }
  return std::nullopt;
}

void WhistleRepository::UpdateTypeMinutes(soci::session& sql, const std::string& code, std::int64_t minutes) const {
  const long long value = minutes;
  sql << "UPDATE whistle_type SET arrival_minutes = :minutes WHERE code = :code", soci::use(value, "minutes"),
      soci::use(code, "code");
}

RateBand WhistleRepository::ReadBand(soci::session& sql) const {
  RateBand band;
  sql << "SELECT low_per_10k, high_per_10k FROM whistle_rate_band WHERE id = 1", soci::into(band.low_per_10k),
      soci::into(band.high_per_10k);
  return band;
}

void WhistleRepository::UpdateBand(soci::session& sql, const RateBand& band, std::int64_t now) const {
  const long long at = now;
  sql << "UPDATE whistle_rate_band SET low_per_10k = :low, high_per_10k = :high, updated_at = :at WHERE id = 1",
      soci::use(band.low_per_10k, "low"), soci::use(band.high_per_10k, "high"), soci::use(at, "at");
}

void WhistleRepository::SavePopulation(soci::session& sql, std::int64_t street_id, const std::string& counted_on,
                                       std::int64_t residents) const {
  const long long street = street_id, count = residents;
  sql << "DELETE FROM street_population WHERE street_org_id = :street AND counted_on = :day",
      soci::use(street, "street"), soci::use(counted_on, "day");
  sql << "INSERT INTO street_population (street_org_id, counted_on, residents) VALUES (:street, :day, :residents)",
      soci::use(street, "street"), soci::use(counted_on, "day"), soci::use(count, "residents");
}

// ---- agencies ----

bool WhistleRepository::ServesStreet(soci::session& sql, std::int64_t agency_id, std::int64_t street_id) const {
  const long long agency = agency_id, street = street_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM agency_street s JOIN org o ON o.id = s.agency_org_id "
         "WHERE s.agency_org_id = :agency AND s.street_org_id = :street AND o.archived_at IS NULL",
      soci::use(agency, "agency"), soci::use(street, "street"), soci::into(count);
  return count > 0;
}

std::vector<OrgRef> WhistleRepository::ListAgenciesServing(soci::session& sql, std::int64_t street_id) const {
  const long long street = street_id;
  std::vector<OrgRef> agencies;
  long long id = 0;
  OrgRef row;
  soci::statement statement =
      (sql.prepare << "SELECT o.id, o.name, k.name FROM agency_street s JOIN agency a ON a.org_id = s.agency_org_id "
                      "JOIN org o ON o.id = a.org_id JOIN agency_kind k ON k.code = a.kind "
                      "WHERE s.street_org_id = :street AND o.archived_at IS NULL ORDER BY k.sort_order, o.name",
       soci::use(street, "street"), soci::into(id), soci::into(row.name), soci::into(row.level));
  if (statement.execute(true)) {
    do {
      row.id = id;
      agencies.push_back(row);
    } while (statement.fetch());
  }
  return agencies;
}

// ---- whistles ----

std::int64_t WhistleRepository::InsertWhistle(soci::session& sql, const Whistle& w, std::int64_t user_id,
                                              std::int64_t now) const {
  const long long street = w.street.id, blown_at = w.blown_at, user = user_id, updated = now;
  long long id = 0;
  sql << "INSERT INTO whistle (street_org_id, type, source, title, description, address, state, blown_at, "
         "blown_month, blown_by, updated_at) VALUES (:street, :type, :source, :title, :description, :address, "
         ":state, :blown_at, :month, :user_id, :updated) RETURNING id",
      soci::use(street, "street"), soci::use(w.type, "type"), soci::use(w.source, "source"),
      soci::use(w.title, "title"), soci::use(w.description, "description"), soci::use(w.address, "address"),
      soci::use(w.state, "state"), soci::use(blown_at, "blown_at"), soci::use(w.blown_month, "month"),
      soci::use(user, "user_id"), soci::use(updated, "updated"), soci::into(id);
  return id;
}

void WhistleRepository::InsertResponse(soci::session& sql, std::int64_t whistle_id, std::int64_t agency_id) const {
  const long long whistle = whistle_id, agency = agency_id;
  sql << "INSERT INTO whistle_response (whistle_id, agency_org_id) VALUES (:whistle, :agency)",
      soci::use(whistle, "whistle"), soci::use(agency, "agency");
}

void WhistleRepository::SaveWhistle(soci::session& sql, const Whistle& w, std::optional<std::int64_t> signed_off_by,
                                    std::int64_t now) const {
  const long long id = w.id, updated = now, after_dispatch = w.signed_after_dispatch ? 1 : 0;
  Bound signed_off_at = Bind(w.signed_off_at), dispatched_at = Bind(w.dispatched_at), closed_at = Bind(w.closed_at);
  sql << "UPDATE whistle SET state = :state, signed_off_at = :signed_off_at, signed_after_dispatch = :after_dispatch, "
         "dispatched_at = :dispatched_at, closed_at = :closed_at, closing_text = :closing_text, updated_at = :updated "
         "WHERE id = :id",
      soci::use(w.state, "state"), soci::use(signed_off_at.value, signed_off_at.indicator, "signed_off_at"),
      soci::use(after_dispatch, "after_dispatch"),
      soci::use(dispatched_at.value, dispatched_at.indicator, "dispatched_at"),
      soci::use(closed_at.value, closed_at.indicator, "closed_at"), soci::use(w.closing_text, "closing_text"),
      soci::use(updated, "updated"), soci::use(id, "id");
  if (signed_off_by) {
    const long long user = *signed_off_by;
    sql << "UPDATE whistle SET signed_off_by = :user_id WHERE id = :id", soci::use(user, "user_id"),
        soci::use(id, "id");
  }
}

void WhistleRepository::SaveResponse(soci::session& sql, const Response& r,
                                     std::optional<std::int64_t> rated_by) const {
  const long long id = r.id;
  Bound arrival_due = Bind(r.arrival_due), arrived_at = Bind(r.arrived_at), completed_at = Bind(r.completed_at),
        score = Bind(r.score), rated_at = Bind(r.rated_at), rater = Bind(rated_by);
  sql << "UPDATE whistle_response SET arrival_due = :arrival_due, arrived_at = :arrived_at, "
         "arrival_text = :arrival_text, completed_at = :completed_at, completion_text = :completion_text, "
         "score = :score, rating_comment = :rating_comment, rated_at = :rated_at, "
         "rated_by = COALESCE(:rated_by, rated_by) WHERE id = :id",
      soci::use(arrival_due.value, arrival_due.indicator, "arrival_due"),
      soci::use(arrived_at.value, arrived_at.indicator, "arrived_at"), soci::use(r.arrival_text, "arrival_text"),
      soci::use(completed_at.value, completed_at.indicator, "completed_at"),
      soci::use(r.completion_text, "completion_text"), soci::use(score.value, score.indicator, "score"),
      soci::use(r.rating_comment, "rating_comment"), soci::use(rated_at.value, rated_at.indicator, "rated_at"),
      soci::use(rater.value, rater.indicator, "rated_by"), soci::use(id, "id");
}

std::optional<Whistle> WhistleRepository::FindWhistle(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  WhistleColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  statement.exchange(soci::use(key, "id"));
  statement.alloc();
  statement.prepare(std::string(kSelectWhistles) + " WHERE w.id = :id");
  statement.define_and_bind();
  std::vector<Whistle> found = ReadWhistles(statement, columns);
  if (found.empty()) return std::nullopt;
  LoadResponses(sql, found);
  return std::move(found.front());
}

WhistlePage WhistleRepository::ListWhistles(soci::session& sql, const WhistleQuery& query) const {
  // The state is one of the service's known values and the agency an integer: written into the
  // statement, so that both arms can carry them without repeating a bound name.
  std::string filter;
  if (const std::string state = query.state.value_or(""); state == "open") {
    filter += " AND w.state IN ('awaiting_sign_off', 'dispatched')";
  } else if (state == "awaiting_sign_off" || state == "dispatched" || state == "closed") {
    filter += " AND w.state = '" + state + "'";
  } else if (query.state) {
    throw std::invalid_argument("whistle state " + state);
  }
  if (query.agency_id) {
    filter += " AND EXISTS (SELECT 1 FROM whistle_response x WHERE x.whistle_id = w.id AND x.agency_org_id = " +
              std::to_string(*query.agency_id) + ")";
  }
  // The whole city needs no scope test at all.
  const bool whole_tree = query.scope.IsWholeTree();
  const std::string in_scope =
      whole_tree ? " WHERE w.id > 0" + filter : " WHERE w.id IN (" + WhistlesInScope(filter) + ")";
  auto bind = [&](soci::statement& statement) {
    if (whole_tree) return;
    db::BindScope(statement, query.scope);
    statement.exchange(soci::use(query.scope.Path(), "scope2"));
    statement.exchange(soci::use(query.scope.End(), "scope_end2"));
  };
  WhistlePage page;
  {
    long long total = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    bind(statement);
    statement.alloc();
    statement.prepare("SELECT COUNT(*) FROM whistle w" + in_scope);
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  if (page.total <= query.offset) return page;
  const long long limit = query.limit, offset = query.offset;
  WhistleColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.exchange(soci::use(limit, "limit"));
  statement.exchange(soci::use(offset, "offset"));
  statement.alloc();
  statement.prepare(std::string(kSelectWhistles) + in_scope +
                    " ORDER BY w.blown_at DESC, w.id DESC LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  page.items = ReadWhistles(statement, columns);
  LoadResponses(sql, page.items);
  return page;
}

void WhistleRepository::InsertStep(soci::session& sql, std::int64_t whistle_id, const std::string& kind,
                                   std::int64_t org_id, std::optional<std::int64_t> user_id,
                                   std::optional<std::int64_t> target_org_id, const std::string& text,
                                   std::int64_t at) const {
  const long long whistle = whistle_id, org = org_id, when = at;
  Bound user = Bind(user_id), target = Bind(target_org_id);
  sql << "INSERT INTO whistle_step (whistle_id, kind, org_id, user_id, target_org_id, text, at) "
         "VALUES (:whistle, :kind, :org, :user_id, :target, :text, :at)",
      soci::use(whistle, "whistle"), soci::use(kind, "kind"), soci::use(org, "org"),
      soci::use(user.value, user.indicator, "user_id"), soci::use(target.value, target.indicator, "target"),
      soci::use(text, "text"), soci::use(when, "at");
}

std::vector<WhistleStep> WhistleRepository::ListSteps(soci::session& sql, std::int64_t whistle_id) const {
  const long long key = whistle_id;
  std::vector<WhistleStep> steps;
  long long id = 0, org_id = 0, at = 0;
  NullableInteger target_id;
  soci::indicator user_name_i = soci::i_null, target_name_i = soci::i_null, target_level_i = soci::i_null;
  WhistleStep row;
  std::string user_name, target_name, target_level;
  soci::statement statement =
      (sql.prepare << "SELECT s.id, s.kind, o.id, o.name, o.level, u.display_name, s.target_org_id, t.name, t.level, "
                      "s.text, s.at FROM whistle_step s JOIN org o ON o.id = s.org_id "
                      "LEFT JOIN user_account u ON u.id = s.user_id LEFT JOIN org t ON t.id = s.target_org_id "
                      "WHERE s.whistle_id = :id ORDER BY s.id",
       soci::use(key, "id"), soci::into(id), soci::into(row.kind), soci::into(org_id), soci::into(row.org.name),
       soci::into(row.org.level), soci::into(user_name, user_name_i), soci::into(target_id.value, target_id.indicator),
       soci::into(target_name, target_name_i), soci::into(target_level, target_level_i), soci::into(row.text),
       soci::into(at));
  if (statement.execute(true)) {
    do {
      WhistleStep step = row;
      step.id = id;
      step.org.id = org_id;
      step.user_name = user_name_i == soci::i_ok ? user_name : "";
      if (const auto target = target_id.Get()) step.target = OrgRef{*target, target_name, target_level};
      step.at = at;
      steps.push_back(std::move(step));
    } while (statement.fetch());
  }
  return steps;
}

std::vector<StreetRate> WhistleRepository::CountByStreet(soci::session& sql, const core::OrgScope& scope,
                                                         const std::string& month, const std::string& day) const {
  constexpr std::string_view kQuery = R"sql(
    SELECT o.id, o.name,
           (SELECT COUNT(*) FROM whistle w WHERE w.street_org_id = o.id AND w.blown_month = :month),
           (SELECT p.residents FROM street_population p WHERE p.street_org_id = o.id AND p.counted_on <= :day
            ORDER BY p.counted_on DESC LIMIT 1)
    FROM org o
    WHERE o.level = 'street' AND o.archived_at IS NULL AND o.path >= :scope AND o.path < :scope_end
    ORDER BY o.path
  )sql";
  std::vector<StreetRate> streets;
  long long id = 0, whistles = 0;
  NullableInteger residents;
  StreetRate row;
  soci::statement statement =
      (sql.prepare << kQuery, soci::use(month, "month"), soci::use(day, "day"), db::UseScope{scope}, soci::into(id),
       soci::into(row.street.name), soci::into(whistles), soci::into(residents.value, residents.indicator));
  if (statement.execute(true)) {
    do {
      StreetRate rate = row;
      rate.street.id = id;
      rate.street.level = "street";
      rate.whistles = whistles;
      rate.residents = residents.Get();
      streets.push_back(std::move(rate));
    } while (statement.fetch());
  }
  return streets;
}

// ---- power acts ----

std::int64_t WhistleRepository::InsertAct(soci::session& sql, const PowerAct& act, std::int64_t response_due_at,
                                          std::int64_t user_id, std::int64_t now) const {
  const long long street = act.street.id, agency = act.agency.id, acted_at = act.acted_at, due_at = response_due_at,
                  user = user_id, updated = now;
  long long id = 0;
  sql << "INSERT INTO power_act (street_org_id, agency_org_id, power, subject, text, evidence, state, acted_at, "
         "acted_by, response_due, response_due_at, updated_at) VALUES (:street, :agency, :power, :subject, :text, "
         ":evidence, :state, :acted_at, :user_id, :due, :due_at, :updated) RETURNING id",
      soci::use(street, "street"), soci::use(agency, "agency"), soci::use(act.power, "power"),
      soci::use(act.subject, "subject"), soci::use(act.text, "text"), soci::use(act.evidence, "evidence"),
      soci::use(act.state, "state"), soci::use(acted_at, "acted_at"), soci::use(user, "user_id"),
      soci::use(act.response_due, "due"), soci::use(due_at, "due_at"), soci::use(updated, "updated"), soci::into(id);
  return id;
}

void WhistleRepository::SaveAct(soci::session& sql, const PowerAct& act, std::int64_t now) const {
  const long long id = act.id, updated = now;
  Bound answered_at = Bind(act.answered_at), concluded_at = Bind(act.concluded_at);
  const std::string outcome = act.outcome.value_or("");
  soci::indicator outcome_indicator = act.outcome ? soci::i_ok : soci::i_null;
  sql << "UPDATE power_act SET state = :state, answered_at = :answered_at, answer = :answer, outcome = :outcome, "
         "outcome_text = :outcome_text, concluded_at = :concluded_at, updated_at = :updated WHERE id = :id",
      soci::use(act.state, "state"), soci::use(answered_at.value, answered_at.indicator, "answered_at"),
      soci::use(act.answer, "answer"), soci::use(outcome, outcome_indicator, "outcome"),
      soci::use(act.outcome_text, "outcome_text"),
      soci::use(concluded_at.value, concluded_at.indicator, "concluded_at"), soci::use(updated, "updated"),
      soci::use(id, "id");
}

std::optional<PowerAct> WhistleRepository::FindAct(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  ActColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  statement.exchange(soci::use(key, "id"));
  statement.alloc();
  statement.prepare(std::string(kSelectActs) + " WHERE p.id = :id");
  statement.define_and_bind();
  if (!statement.execute(true)) return std::nullopt;
  return columns.Get();
}

PowerActPage WhistleRepository::ListActs(soci::session& sql, const PowerActQuery& query) const {
  std::string where =
      " WHERE ((s.path >= :scope AND s.path < :scope_end) OR (a.path >= :scope2 AND a.path < :scope_end2))";
  if (!query.include_personnel) where += " AND p.power <> 'personnel_recommendation'";
  if (query.power) where += " AND p.power = :power";
  if (query.state) where += " AND p.state = :state";
  const long long agency = query.agency_id.value_or(0);
  if (query.agency_id) where += " AND p.agency_org_id = :agency";
  auto bind = [&](soci::statement& statement) {
    db::BindScope(statement, query.scope);
    statement.exchange(soci::use(query.scope.Path(), "scope2"));
    statement.exchange(soci::use(query.scope.End(), "scope_end2"));
    if (query.power) statement.exchange(soci::use(*query.power, "power"));
    if (query.state) statement.exchange(soci::use(*query.state, "state"));
    if (query.agency_id) statement.exchange(soci::use(agency, "agency"));
  };
  PowerActPage page;
  {
    long long total = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    bind(statement);
    statement.alloc();
    statement.prepare(
        "SELECT COUNT(*) FROM power_act p JOIN org s ON s.id = p.street_org_id "
        "JOIN org a ON a.id = p.agency_org_id" +
        where);
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  if (page.total <= query.offset) return page;
  const long long limit = query.limit, offset = query.offset;
  ActColumns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.exchange(soci::use(limit, "limit"));
  statement.exchange(soci::use(offset, "offset"));
  statement.alloc();
  statement.prepare(std::string(kSelectActs) + where +
                    " ORDER BY p.acted_at DESC, p.id DESC LIMIT :limit OFFSET :offset");
  statement.define_and_bind();
  if (statement.execute(true)) {
    do {
      page.items.push_back(columns.Get());
    } while (statement.fetch());
  }
  return page;
}

void WhistleRepository::InsertActStep(soci::session& sql, std::int64_t act_id, const std::string& kind,
                                      std::int64_t org_id, std::optional<std::int64_t> user_id, const std::string& text,
                                      std::int64_t at) const {
  const long long act = act_id, org = org_id, when = at;
  Bound user = Bind(user_id);
  sql << "INSERT INTO power_act_step (power_act_id, kind, org_id, user_id, text, at) "
         "VALUES (:act, :kind, :org, :user_id, :text, :at)",
      soci::use(act, "act"), soci::use(kind, "kind"), soci::use(org, "org"),
      soci::use(user.value, user.indicator, "user_id"), soci::use(text, "text"), soci::use(when, "at");
}

std::vector<PowerActStep> WhistleRepository::ListActSteps(soci::session& sql, std::int64_t act_id) const {
  const long long key = act_id;
  std::vector<PowerActStep> steps;
  long long id = 0, org_id = 0, at = 0;
  soci::indicator user_name_i = soci::i_null;
  std::string user_name;
  PowerActStep row;
  soci::statement statement =
      (sql.prepare << "SELECT s.id, s.kind, o.id, o.name, o.level, u.display_name, s.text, s.at FROM power_act_step s "
                      "JOIN org o ON o.id = s.org_id LEFT JOIN user_account u ON u.id = s.user_id "
                      "WHERE s.power_act_id = :id ORDER BY s.id",
       soci::use(key, "id"), soci::into(id), soci::into(row.kind), soci::into(org_id), soci::into(row.org.name),
       soci::into(row.org.level), soci::into(user_name, user_name_i), soci::into(row.text), soci::into(at));
  if (statement.execute(true)) {
    do {
      PowerActStep step = row;
      step.id = id;
      step.org.id = org_id;
      step.user_name = user_name_i == soci::i_ok ? user_name : "";
      step.at = at;
      steps.push_back(std::move(step));
    } while (statement.fetch());
  }
  return steps;
}

std::vector<AgencyActCount> WhistleRepository::CountActsByAgency(soci::session& sql, const core::OrgScope& scope,
                                                                 bool include_personnel, std::int64_t at) const {
  // As of `at`: an act counts once made; its answer, lateness and outcome as they stood then.
  std::string query = R"sql(
    SELECT a.id, a.name, a.level, COUNT(*),
           SUM(CASE WHEN p.answered_at IS NOT NULL AND p.answered_at <= :at1 THEN 1 ELSE 0 END),
           SUM(CASE WHEN (p.answered_at IS NOT NULL AND p.answered_at <= :at2 AND p.answered_at > p.response_due_at)
                      OR ((p.answered_at IS NULL OR p.answered_at > :at3) AND p.response_due_at < :at4
                          AND (p.concluded_at IS NULL OR p.concluded_at > :at5)) THEN 1 ELSE 0 END),
           SUM(CASE WHEN p.concluded_at <= :at6 AND p.outcome = 'adopted' THEN 1 ELSE 0 END),
           SUM(CASE WHEN p.concluded_at <= :at7 AND p.outcome = 'partly_adopted' THEN 1 ELSE 0 END),
           SUM(CASE WHEN p.concluded_at <= :at8 AND p.outcome = 'not_adopted' THEN 1 ELSE 0 END)
    FROM power_act p
    JOIN org s ON s.id = p.street_org_id
    JOIN org a ON a.id = p.agency_org_id
    WHERE p.acted_at <= :at9 AND ((s.path >= :scope AND s.path < :scope_end) OR (a.path >= :scope2 AND a.path < :scope_end2))
  )sql";
  if (!include_personnel) query += " AND p.power <> 'personnel_recommendation'";
  query += " GROUP BY a.id, a.name, a.level ORDER BY a.name";
  const long long when = at;
  std::vector<AgencyActCount> counts;
  long long id = 0, acts = 0, answered = 0, late = 0, adopted = 0, partly = 0, not_adopted = 0;
  AgencyActCount row;
  soci::statement statement(sql);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(row.agency.name));
  statement.exchange(soci::into(row.agency.level));
  statement.exchange(soci::into(acts));
  statement.exchange(soci::into(answered));
  statement.exchange(soci::into(late));
  statement.exchange(soci::into(adopted));
  statement.exchange(soci::into(partly));
  statement.exchange(soci::into(not_adopted));
  for (const char* name : {"at1", "at2", "at3", "at4", "at5", "at6", "at7", "at8", "at9"}) {
    statement.exchange(soci::use(when, name));
  }
  db::BindScope(statement, scope);
  statement.exchange(soci::use(scope.Path(), "scope2"));
  statement.exchange(soci::use(scope.End(), "scope_end2"));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  if (statement.execute(true)) {
    do {
      AgencyActCount count = row;
      count.agency.id = id;
      count.acts = acts;
      count.answered = answered;
      count.answered_late = late;
      count.adopted = adopted;
      count.partly_adopted = partly;
      count.not_adopted = not_adopted;
      counts.push_back(std::move(count));
    } while (statement.fetch());
  }
  return counts;
}

// ---- bulk load ----

WhistleBulkLoad::WhistleBulkLoad(db::Session& session)
    : session_(session),
      whistles_(session, "whistle",
                {"id", "street_org_id", "type", "source", "title", "description", "address", "state", "blown_at",
                 "blown_month", "blown_by", "signed_off_at", "signed_after_dispatch", "dispatched_at", "closed_at",
                 "closing_text", "updated_at"}),
      responses_(session, "whistle_response",
                 {"whistle_id", "agency_org_id", "arrival_due", "arrived_at", "arrival_text", "completed_at",
                  "completion_text", "score", "rating_comment", "rated_at"}),
      steps_(session, "whistle_step", {"whistle_id", "kind", "org_id", "user_id", "target_org_id", "text", "at"}),
      acts_(session, "power_act",
            {"id", "street_org_id", "agency_org_id", "power", "subject", "text", "evidence", "state", "acted_at",
             "acted_by", "response_due", "response_due_at", "answered_at", "answer", "outcome", "outcome_text",
             "concluded_at", "updated_at"}),
      act_steps_(session, "power_act_step", {"power_act_id", "kind", "org_id", "text", "at"}),
      populations_(session, "street_population", {"street_org_id", "counted_on", "residents"}) {
  responses_.FlushFirst(whistles_);
  steps_.FlushFirst(responses_);
  act_steps_.FlushFirst(acts_);
}

void WhistleBulkLoad::AddWhistle(const Whistle& w, std::optional<std::int64_t> user_id) {
  const std::int64_t updated_at = std::max(w.blown_at, w.closed_at.value_or(0));
  whistles_.Add({w.id, w.street.id, w.type, w.source, w.title, w.description, w.address, w.state, w.blown_at,
                 w.blown_month, OrNull(user_id), OrNull(w.signed_off_at), w.signed_after_dispatch ? 1 : 0,
                 OrNull(w.dispatched_at), OrNull(w.closed_at), w.closing_text, updated_at});
}

void WhistleBulkLoad::AddResponse(std::int64_t whistle_id, const Response& r) {
  responses_.Add({whistle_id, r.agency.id, OrNull(r.arrival_due), OrNull(r.arrived_at), r.arrival_text,
                  OrNull(r.completed_at), r.completion_text, OrNull(r.score), r.rating_comment, OrNull(r.rated_at)});
}

void WhistleBulkLoad::AddStep(std::int64_t whistle_id, std::string_view kind, std::int64_t org_id,
                              std::optional<std::int64_t> user_id, std::optional<std::int64_t> target_org_id,
                              std::string_view text, std::int64_t at) {
  steps_.Add({whistle_id, kind, org_id, OrNull(user_id), OrNull(target_org_id), text, at});
}

void WhistleBulkLoad::AddPowerAct(const PowerAct& p, std::int64_t response_due_at,
                                  std::optional<std::int64_t> user_id) {
  const std::int64_t updated_at = std::max({p.acted_at, p.answered_at.value_or(0), p.concluded_at.value_or(0)});
  acts_.Add({p.id, p.street.id, p.agency.id, p.power, p.subject, p.text, p.evidence, p.state, p.acted_at,
             OrNull(user_id), p.response_due, response_due_at, OrNull(p.answered_at), p.answer,
             p.outcome ? db::BulkValue(*p.outcome) : db::BulkValue(), p.outcome_text, OrNull(p.concluded_at),
             updated_at});
}

void WhistleBulkLoad::AddPowerActStep(std::int64_t act_id, std::string_view kind, std::int64_t org_id,
                                      std::string_view text, std::int64_t at) {
  act_steps_.Add({act_id, kind, org_id, text, at});
}

void WhistleBulkLoad::AddPopulation(std::int64_t street_id, const std::string& counted_on, std::int64_t residents) {
  populations_.Add({street_id, counted_on, residents});
}

void WhistleBulkLoad::Finish() {
  populations_.Finish();
  whistles_.Finish();
  responses_.Finish();
  steps_.Finish();
  acts_.Finish();
  act_steps_.Finish();
  db::ResetIdSequences(session_, {"whistle", "whistle_response", "whistle_step", "power_act", "power_act_step"});
  db::AnalyzeTables(
      session_, {"whistle", "whistle_response", "whistle_step", "power_act", "power_act_step", "street_population"});
}

}  // namespace liandong::whistle
