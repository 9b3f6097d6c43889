#include "features/cobuild/agreement_repository.hpp"

#include <functional>
#include <map>
#include <string_view>

#include "core/china_date.hpp"
#include "db/like_pattern.hpp"
#include "db/org_scope_binding.hpp"

namespace liandong::cobuild {
namespace {

// An agreement with its org, its renewal and its count of late reports on :late_today: the head
// of every agreement query. A report is late when it was filed after its due date, or is past due
// and not filed; reports of periods after a termination do not count.
constexpr std::string_view kSelectAgreements = R"sql(
  SELECT a.id, o.id, o.name, o.level, o.path, a.title, a.org_head, a.org_liaison, a.signed_on, a.start_on, a.end_on,
         a.predecessor_id, (SELECT s.id FROM agreement s WHERE s.predecessor_id = a.id), a.terminated_on,
         a.termination_reason, a.created_at,
         (SELECT COUNT(*) FROM agreement_report r
          WHERE r.agreement_id = a.id AND r.due_on < :late_today AND (r.filed_on IS NULL OR r.filed_on > r.due_on)
            AND (a.terminated_on IS NULL OR r.period_start <= a.terminated_on))
  FROM agreement a
  JOIN org o ON o.id = a.org_id
)sql";
constexpr std::string_view kCountAgreements = R"sql(
  SELECT COUNT(*)
  FROM agreement a
  JOIN org o ON o.id = a.org_id
)sql";
constexpr std::string_view kWhereId = " WHERE a.id = :id";
// Signing orgs are streets and communities (the service's rule): the level narrows the scan of the
// subtree to them (index org_level_path).
constexpr std::string_view kWhereInScope =
    " WHERE o.level IN ('street', 'community') AND o.path >= :scope AND o.path < :scope_end";
constexpr std::string_view kUpcoming =
    " AND a.start_on > :today AND (a.terminated_on IS NULL OR a.terminated_on > :today_again)";
constexpr std::string_view kActive =
    " AND a.start_on <= :today AND a.end_on > :expiring AND (a.terminated_on IS NULL OR a.terminated_on > :today_again)";
constexpr std::string_view kExpiring =
    " AND a.start_on <= :today AND a.end_on <= :expiring AND a.end_on >= :today_again"
    " AND (a.terminated_on IS NULL OR a.terminated_on > :today_third)";
constexpr std::string_view kInForce =
    " AND a.start_on <= :today AND a.end_on >= :today_again AND (a.terminated_on IS NULL OR a.terminated_on > :today_third)";
constexpr std::string_view kEnded = " AND (a.end_on < :today OR a.terminated_on <= :today_again)";
constexpr std::string_view kLateOnly =
    " AND (a.late_filed_reports > 0 OR a.first_unfiled_due_on < :late_only_today)";
constexpr std::string_view kDueOnly = " AND a.first_unfiled_due_on >= :due_today AND a.first_unfiled_due_on <= :due_end";
constexpr std::string_view kText = R"sql(
  AND (a.title LIKE :text ESCAPE '\' OR EXISTS (SELECT 1 FROM agreement_party p JOIN unit u ON u.id = p.unit_id
                                                 WHERE p.agreement_id = a.id AND u.name LIKE :text_again ESCAPE '\'))
)sql";
// The page's ids first, so that the late counts are read for its rows only.
constexpr std::string_view kSelectPageIds = R"sql(
  SELECT a.id
  FROM agreement a
  JOIN org o ON o.id = a.org_id
)sql";
constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM agreement a";
constexpr std::string_view kSelectAllPageIds = "SELECT a.id FROM agreement a";
constexpr std::string_view kPage = " ORDER BY a.start_on DESC, a.id DESC LIMIT :limit OFFSET :offset";
constexpr std::string_view kOrder = " ORDER BY a.start_on DESC, a.id DESC";

constexpr std::string_view kSelectUnitNames = R"sql(
  SELECT p.agreement_id, u.name
  FROM agreement_party p
  JOIN unit u ON u.id = p.unit_id
  WHERE p.agreement_id IN
)sql";

constexpr std::string_view kInsert = R"sql(
  INSERT INTO agreement (org_id, title, org_head, org_liaison, signed_on, start_on, end_on, predecessor_id, created_by,
                         created_at)
  VALUES (:org_id, :title, :org_head, :org_liaison, :signed_on, :start_on, :end_on, :predecessor_id, :created_by,
          :created_at)
  RETURNING id
)sql";
constexpr std::string_view kInsertParty = R"sql(
  INSERT INTO agreement_party (agreement_id, unit_id, head, liaison)
  VALUES (:agreement_id, :unit_id, :head, :liaison)
  RETURNING id
)sql";
constexpr std::string_view kInsertCommitment = R"sql(
  INSERT INTO agreement_commitment (agreement_id, kind, description, quantity, rhythm, sort_order)
  VALUES (:agreement_id, :kind, :description, :quantity, :rhythm, :sort_order)
)sql";
constexpr std::string_view kInsertReport = R"sql(
  INSERT INTO agreement_report (agreement_id, party_id, period_start, period_end, due_on)
  VALUES (:agreement_id, :party_id, :period_start, :period_end, :due_on)
)sql";
constexpr std::string_view kTerminate =
    "UPDATE agreement SET terminated_on = :terminated_on, termination_reason = :reason WHERE id = :id";
constexpr std::string_view kRefreshReportSummary = R"sql(
  UPDATE agreement SET
    late_filed_reports = (SELECT COUNT(*) FROM agreement_report r
                          WHERE r.agreement_id = agreement.id AND r.filed_on > r.due_on
                            AND (agreement.terminated_on IS NULL OR r.period_start <= agreement.terminated_on)),
    first_unfiled_due_on = (SELECT MIN(r.due_on) FROM agreement_report r
                            WHERE r.agreement_id = agreement.id AND r.filed_at IS NULL
                              AND (agreement.terminated_on IS NULL OR r.period_start <= agreement.terminated_on))
  WHERE id = :id
)sql";

constexpr std::string_view kSelectParties = R"sql(
  SELECT p.id, u.id, u.name, o.path, p.head, p.liaison, u.own_org_id
  FROM agreement_party p
  JOIN unit u ON u.id = p.unit_id
  JOIN org o ON o.id = u.org_id
  WHERE p.agreement_id = :agreement_id
  ORDER BY p.id
)sql";
constexpr std::string_view kSelectCommitments = R"sql(
  SELECT c.id, c.kind, c.description, c.quantity, c.rhythm
  FROM agreement_commitment c
  WHERE c.agreement_id = :agreement_id
  ORDER BY c.sort_order, c.id
)sql";
constexpr std::string_view kSelectDeliveries = R"sql(
  SELECT d.id, d.commitment_id, d.delivered_on, d.quantity, d.text, us.display_name, d.recorded_at
  FROM commitment_delivery d
  JOIN agreement_commitment c ON c.id = d.commitment_id
  JOIN user_account us ON us.id = d.recorded_by
  WHERE c.agreement_id = :agreement_id
  ORDER BY d.delivered_on, d.id
)sql";
constexpr std::string_view kSelectReports = R"sql(
  SELECT r.id, r.party_id, u.name, r.period_start, r.period_end, r.due_on, r.text, r.filed_on, r.filed_at,
         us.display_name
  FROM agreement_report r
  JOIN agreement_party p ON p.id = r.party_id
  JOIN unit u ON u.id = p.unit_id
  LEFT JOIN user_account us ON us.id = r.filed_by
  WHERE r.agreement_id = :agreement_id
  ORDER BY r.period_start, r.party_id
)sql";
constexpr std::string_view kFileReport = R"sql(
  UPDATE agreement_report SET text = :text, filed_on = :filed_on, filed_at = :filed_at, filed_by = :filed_by
  WHERE id = :id AND filed_at IS NULL
)sql";
constexpr std::string_view kInsertDelivery = R"sql(
  INSERT INTO commitment_delivery (commitment_id, delivered_on, quantity, text, recorded_by, recorded_at)
  VALUES (:commitment_id, :delivered_on, :quantity, :text, :recorded_by, :recorded_at)
  RETURNING id
)sql";
constexpr std::string_view kSelectToRemind = R"sql(
  SELECT r.id, a.id, a.title, a.org_id, u.name, u.own_org_id, r.due_on
  FROM agreement_report r
  JOIN agreement a ON a.id = r.agreement_id
  JOIN agreement_party p ON p.id = r.party_id
  JOIN unit u ON u.id = p.unit_id
  WHERE r.filed_at IS NULL AND r.reminded_at IS NULL AND r.due_on <= :horizon
    AND (a.terminated_on IS NULL OR r.period_start <= a.terminated_on)
  ORDER BY r.due_on, r.id
  LIMIT :limit
)sql";
constexpr std::string_view kMarkReminded =
    "UPDATE agreement_report SET reminded_at = :at WHERE id = :id AND reminded_at IS NULL AND filed_at IS NULL";

struct AgreementColumns {
  long long id = 0;
  long long org_id = 0;
  std::string org_name;
  std::string org_level;
  std::string org_path;
  std::string title;
  std::string org_head;
  std::string org_liaison;
  std::string signed_on;
  std::string start_on;
  std::string end_on;
  long long predecessor_id = 0;
  soci::indicator predecessor_indicator = soci::i_null;
  long long successor_id = 0;
  soci::indicator successor_indicator = soci::i_null;
  std::string terminated_on;
  soci::indicator terminated_indicator = soci::i_null;
  std::string termination_reason;
  soci::indicator reason_indicator = soci::i_null;
  long long created_at = 0;
  long long late_reports = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(org_id));
    statement.exchange(soci::into(org_name));
    statement.exchange(soci::into(org_level));
    statement.exchange(soci::into(org_path));
    statement.exchange(soci::into(title));
    statement.exchange(soci::into(org_head));
    statement.exchange(soci::into(org_liaison));
    statement.exchange(soci::into(signed_on));
    statement.exchange(soci::into(start_on));
    statement.exchange(soci::into(end_on));
    statement.exchange(soci::into(predecessor_id, predecessor_indicator));
    statement.exchange(soci::into(successor_id, successor_indicator));
    statement.exchange(soci::into(terminated_on, terminated_indicator));
    statement.exchange(soci::into(termination_reason, reason_indicator));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(late_reports));
  }

  Agreement ToAgreement(const std::string& today) const {
    Agreement agreement;
    agreement.id = id;
    agreement.org = OrgRef{org_id, org_name, org_level};
    agreement.org_path = org_path;
    agreement.title = title;
    agreement.org_head = org_head;
    agreement.org_liaison = org_liaison;
    agreement.signed_on = signed_on;
    agreement.start_on = start_on;
    agreement.end_on = end_on;
    if (predecessor_indicator == soci::i_ok) agreement.predecessor_id = predecessor_id;
    if (successor_indicator == soci::i_ok) agreement.successor_id = successor_id;
    if (terminated_indicator == soci::i_ok) agreement.terminated_on = terminated_on;
    if (reason_indicator == soci::i_ok) agreement.termination_reason = termination_reason;
    agreement.created_at = created_at;
    agreement.late_reports = late_reports;
    agreement.state = StateOn(start_on, end_on, agreement.terminated_on, today);
    return agreement;
  }
};

// Runs `query` into `columns` (a struct with Into), binding with `bind`, and converts each row.
template <typename Columns, typename Row>
std::vector<Row> Select(soci::session& sql, const std::string& query, const std::function<void(soci::statement&)>& bind,
                        const std::function<Row(const Columns&)>& convert) {
  Columns columns;
  soci::statement statement(sql);
  columns.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute();
  std::vector<Row> rows;
  while (statement.fetch()) rows.push_back(convert(columns));
  return rows;
}

// The unit parties' names of each agreement, in party order.
void LoadUnitNames(soci::session& sql, std::vector<Agreement>& agreements) {
  if (agreements.empty()) return;
  std::string ids = "(";
  std::map<std::int64_t, Agreement*> by_id;
  for (Agreement& agreement : agreements) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(agreement.id);  // integers: nothing from the request
    by_id[agreement.id] = &agreement;
  }
  ids += ") ORDER BY p.agreement_id, p.id";
  long long agreement_id = 0;
  std::string name;
  soci::statement statement = (sql.prepare << std::string(kSelectUnitNames) + ids, soci::into(agreement_id),
                               soci::into(name));
  statement.execute();
  while (statement.fetch()) by_id.at(agreement_id)->unit_names.push_back(name);
}

}  // namespace

std::optional<Agreement> AgreementRepository::Find(soci::session& sql, std::int64_t id,
                                                   const std::string& today) const {
  const long long key = id;
  auto rows = Select<AgreementColumns, Agreement>(
      sql, std::string(kSelectAgreements) + std::string(kWhereId),
      [&](soci::statement& statement) {
        statement.exchange(soci::use(today, "late_today"));
        statement.exchange(soci::use(key, "id"));
      },
      [&](const AgreementColumns& row) { return row.ToAgreement(today); });
  if (rows.empty()) return std::nullopt;
  LoadUnitNames(sql, rows);
  return std::move(rows.front());
}

AgreementPage AgreementRepository::List(soci::session& sql, const ListQuery& query) const {
  std::string where(kWhereInScope);
  // The whole tree holds every agreement (its org is a street or community by the signing rule):
  // no org is read, the count and the page come from index agreement_recent alone, in its order.
  const bool whole_tree = !query.party_org_id && query.scope.IsWholeTree();
  if (whole_tree) where = " WHERE 1 = 1";
  if (query.party_org_id) {
    where = " WHERE a.id IN (SELECT p.agreement_id FROM unit u JOIN agreement_party p ON p.unit_id = u.id"
            " WHERE u.own_org_id = " + std::to_string(*query.party_org_id) + ")";  // an integer
  }
  const std::string state = query.state.value_or("");
  if (state == "upcoming") where += kUpcoming;
  if (state == "active") where += kActive;
  if (state == "expiring") where += kExpiring;
  if (state == "in_force") where += kInForce;
  if (state == "ended") where += kEnded;
  if (query.late_only) where += kLateOnly;
  if (query.due_only) where += kDueOnly;
  const std::string due_end = core::AddDays(query.today, kReportDueDays);
  const std::string pattern = db::LikePattern(query.text);
  if (!query.text.empty()) where += kText;
  const std::string expiring = core::AddDays(query.today, kExpiringDays);
  const long long limit = query.limit;
  const long long offset = query.offset;
  const auto bind = [&](soci::statement& statement) {
    if (!query.party_org_id && !whole_tree) db::BindScope(statement, query.scope);
    if (!state.empty()) {
      statement.exchange(soci::use(query.today, "today"));
      statement.exchange(soci::use(query.today, "today_again"));
    }
    if (state == "active" || state == "expiring") statement.exchange(soci::use(expiring, "expiring"));
    if (state == "expiring" || state == "in_force") statement.exchange(soci::use(query.today, "today_third"));
    if (query.late_only) statement.exchange(soci::use(query.today, "late_only_today"));
    if (query.due_only) {
      statement.exchange(soci::use(query.today, "due_today"));
      statement.exchange(soci::use(due_end, "due_end"));
    }
    if (!query.text.empty()) {
      statement.exchange(soci::use(pattern, "text"));
      statement.exchange(soci::use(pattern, "text_again"));
    }
  };
  AgreementPage page;
  {
    long long total = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(total));
    bind(statement);
    statement.alloc();
    statement.prepare(std::string(whole_tree ? kCountAll : kCountAgreements) + where);
    statement.define_and_bind();
    statement.execute(true);
    page.total = total;
  }
  std::vector<long long> ids;
  {
    long long id = 0;
    soci::statement statement(sql);
    statement.exchange(soci::into(id));
    bind(statement);
    statement.exchange(soci::use(limit, "limit"));
    statement.exchange(soci::use(offset, "offset"));
    statement.alloc();
    statement.prepare(std::string(whole_tree ? kSelectAllPageIds : kSelectPageIds) + where + std::string(kPage));
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
  }
  if (ids.empty()) return page;
  std::string in = " WHERE a.id IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) in += (i == 0 ? "" : ",") + std::to_string(ids[i]);  // integers
  in += ")";
  page.items = Select<AgreementColumns, Agreement>(
      sql, std::string(kSelectAgreements) + in + std::string(kOrder),
      [&](soci::statement& statement) { statement.exchange(soci::use(query.today, "late_today")); },
      [&](const AgreementColumns& row) { return row.ToAgreement(query.today); });
  LoadUnitNames(sql, page.items);
  return page;
}

std::int64_t AgreementRepository::Insert(soci::session& sql, const NewAgreement& input,
                                         std::optional<std::int64_t> predecessor_id, std::int64_t created_by,
                                         std::int64_t now) const {
  const long long org_id = input.org_id;
  const long long predecessor = predecessor_id.value_or(0);
  soci::indicator predecessor_indicator = predecessor_id ? soci::i_ok : soci::i_null;
  const long long user = created_by;
  const long long created_at = now;
  long long id = 0;
  sql << kInsert, soci::use(org_id, "org_id"), soci::use(input.title, "title"), soci::use(input.org_head, "org_head"),
      soci::use(input.org_liaison, "org_liaison"), soci::use(input.signed_on, "signed_on"),
      soci::use(input.start_on, "start_on"), soci::use(input.end_on, "end_on"),
      soci::use(predecessor, predecessor_indicator, "predecessor_id"), soci::use(user, "created_by"),
      soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

std::int64_t AgreementRepository::InsertParty(soci::session& sql, std::int64_t agreement_id,
                                              const NewParty& party) const {
  const long long agreement = agreement_id;
  const long long unit = party.unit_id;
  long long id = 0;
  sql << kInsertParty, soci::use(agreement, "agreement_id"), soci::use(unit, "unit_id"), soci::use(party.head, "head"),
      soci::use(party.liaison, "liaison"), soci::into(id);
  return id;
}

void AgreementRepository::InsertCommitment(soci::session& sql, std::int64_t agreement_id,
                                           const NewCommitment& commitment, int sort_order) const {
  const long long agreement = agreement_id;
  const long long quantity = commitment.quantity;
  sql << kInsertCommitment, soci::use(agreement, "agreement_id"), soci::use(commitment.kind, "kind"),
      soci::use(commitment.description, "description"), soci::use(quantity, "quantity"),
      soci::use(commitment.rhythm, "rhythm"), soci::use(sort_order, "sort_order");
}

void AgreementRepository::InsertReport(soci::session& sql, std::int64_t agreement_id, std::int64_t party_id,
                                       const ReportPeriod& period) const {
  const long long agreement = agreement_id;
  const long long party = party_id;
  sql << kInsertReport, soci::use(agreement, "agreement_id"), soci::use(party, "party_id"),
      soci::use(period.period_start, "period_start"), soci::use(period.period_end, "period_end"),
      soci::use(period.due_on, "due_on");
}

void AgreementRepository::Terminate(soci::session& sql, std::int64_t id, const std::string& on,
                                    const std::string& reason) const {
  const long long key = id;
  sql << kTerminate, soci::use(on, "terminated_on"), soci::use(reason, "reason"), soci::use(key, "id");
}

void AgreementRepository::RefreshReportSummary(soci::session& sql, std::int64_t id) const {
  const long long key = id;
  sql << kRefreshReportSummary, soci::use(key, "id");
}

std::vector<Party> AgreementRepository::ListParties(soci::session& sql, std::int64_t agreement_id) const {
  const long long key = agreement_id;
  Party row;
  long long id = 0;
  long long unit_id = 0;
  long long own_org_id = 0;
  soci::indicator own_org = soci::i_null;
  soci::statement statement =
      (sql.prepare << kSelectParties, soci::use(key, "agreement_id"), soci::into(id), soci::into(unit_id),
       soci::into(row.unit_name), soci::into(row.unit_org_path), soci::into(row.head), soci::into(row.liaison),
       soci::into(own_org_id, own_org));
  statement.execute();
  std::vector<Party> parties;
  while (statement.fetch()) {
    row.id = id;
    row.unit_id = unit_id;
    row.unit_own_org_id.reset();
    if (own_org == soci::i_ok) row.unit_own_org_id = own_org_id;
    parties.push_back(row);
  }
  return parties;
}

bool AgreementRepository::IsPartyOrg(soci::session& sql, std::int64_t agreement_id, std::int64_t org_id) const {
  const long long agreement = agreement_id, org = org_id;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM agreement_party p JOIN unit u ON u.id = p.unit_id "
         "WHERE p.agreement_id = :agreement_id AND u.own_org_id = :org_id",
      soci::use(agreement, "agreement_id"), soci::use(org, "org_id"), soci::into(count);
  return count > 0;
}

std::vector<Commitment> AgreementRepository::ListCommitments(soci::session& sql, std::int64_t agreement_id) const {
  const long long key = agreement_id;
  Commitment row;
  long long id = 0;
  long long quantity = 0;
  soci::statement statement =
      (sql.prepare << kSelectCommitments, soci::use(key, "agreement_id"), soci::into(id), soci::into(row.kind),
       soci::into(row.description), soci::into(quantity), soci::into(row.rhythm));
  statement.execute();
  std::vector<Commitment> commitments;
  while (statement.fetch()) {
    row.id = id;
    row.quantity = quantity;
    commitments.push_back(row);
  }
  return commitments;
}

std::vector<Delivery> AgreementRepository::ListDeliveries(soci::session& sql, std::int64_t agreement_id) const {
  const long long key = agreement_id;
  Delivery row;
  long long id = 0;
  long long commitment_id = 0;
  long long quantity = 0;
  long long recorded_at = 0;
  soci::statement statement =
      (sql.prepare << kSelectDeliveries, soci::use(key, "agreement_id"), soci::into(id), soci::into(commitment_id),
       soci::into(row.delivered_on), soci::into(quantity), soci::into(row.text), soci::into(row.recorded_by),
       soci::into(recorded_at));
  statement.execute();
  std::vector<Delivery> deliveries;
  while (statement.fetch()) {
    row.id = id;
    row.commitment_id = commitment_id;
    row.quantity = quantity;
    row.recorded_at = recorded_at;
    deliveries.push_back(row);
  }
  return deliveries;
}

std::vector<Report> AgreementRepository::ListReports(soci::session& sql, std::int64_t agreement_id) const {
  const long long key = agreement_id;
  long long id = 0;
  long long party_id = 0;
  std::string unit_name, period_start, period_end, due_on, text, filed_on, filed_by;
  long long filed_at = 0;
  soci::indicator text_indicator = soci::i_null, filed_on_indicator = soci::i_null, filed_at_indicator = soci::i_null,
                  filed_by_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << kSelectReports, soci::use(key, "agreement_id"), soci::into(id), soci::into(party_id),
       soci::into(unit_name), soci::into(period_start), soci::into(period_end), soci::into(due_on),
       soci::into(text, text_indicator), soci::into(filed_on, filed_on_indicator),
       soci::into(filed_at, filed_at_indicator), soci::into(filed_by, filed_by_indicator));
  statement.execute();
  std::vector<Report> reports;
  while (statement.fetch()) {
    Report report;
    report.id = id;
    report.party_id = party_id;
    report.unit_name = unit_name;
    report.period_start = period_start;
    report.period_end = period_end;
    report.due_on = due_on;
    if (text_indicator == soci::i_ok) report.text = text;
    if (filed_on_indicator == soci::i_ok) report.filed_on = filed_on;
    if (filed_at_indicator == soci::i_ok) report.filed_at = filed_at;
    if (filed_by_indicator == soci::i_ok) report.filed_by = filed_by;
    reports.push_back(std::move(report));
  }
  return reports;
}

bool AgreementRepository::FileReport(soci::session& sql, std::int64_t report_id, const std::string& text,
                                     const std::string& filed_on, std::int64_t filed_at,
                                     std::int64_t filed_by) const {
  const long long key = report_id;
  const long long at = filed_at;
  const long long user = filed_by;
  soci::statement statement =
      (sql.prepare << kFileReport, soci::use(text, "text"), soci::use(filed_on, "filed_on"), soci::use(at, "filed_at"),
       soci::use(user, "filed_by"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::int64_t AgreementRepository::InsertDelivery(soci::session& sql, const NewDelivery& delivery,
                                                 std::int64_t recorded_by, std::int64_t now) const {
  const long long commitment = delivery.commitment_id;
  const long long quantity = delivery.quantity;
  const long long user = recorded_by;
  const long long at = now;
  long long id = 0;
  sql << kInsertDelivery, soci::use(commitment, "commitment_id"), soci::use(delivery.delivered_on, "delivered_on"),
      soci::use(quantity, "quantity"), soci::use(delivery.text, "text"), soci::use(user, "recorded_by"),
      soci::use(at, "recorded_at"), soci::into(id);
  return id;
}

std::vector<ReportToRemind> AgreementRepository::DueForReminder(soci::session& sql, const std::string& horizon,
                                                                int limit) const {
  long long id = 0, agreement_id = 0, org_id = 0, own_org_id = 0;
  soci::indicator own_org_indicator = soci::i_null;
  std::string title, unit_name, due_on;
  soci::statement statement =
      (sql.prepare << kSelectToRemind, soci::use(horizon, "horizon"), soci::use(limit, "limit"), soci::into(id),
       soci::into(agreement_id), soci::into(title), soci::into(org_id), soci::into(unit_name),
       soci::into(own_org_id, own_org_indicator), soci::into(due_on));
  statement.execute();
  std::vector<ReportToRemind> reports;
  while (statement.fetch()) {
    ReportToRemind report{id, agreement_id, title, org_id, unit_name, std::nullopt, due_on};
    if (own_org_indicator == soci::i_ok) report.unit_own_org_id = own_org_id;
    reports.push_back(std::move(report));
  }
  return reports;
}

bool AgreementRepository::MarkReminded(soci::session& sql, std::int64_t report_id, std::int64_t now) const {
  const long long key = report_id;
  const long long at = now;
  soci::statement statement = (sql.prepare << kMarkReminded, soci::use(at, "at"), soci::use(key, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace liandong::cobuild
