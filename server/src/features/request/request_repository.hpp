// SQL of residents' requests, the catalogue, agencies and the monthly tallies. Scope checks are the
// service's; these functions read and write what they are told.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/org_scope.hpp"
#include "db/bulk_insert.hpp"
#include "features/request/request_model.hpp"

namespace liandong::request {

// A list query made by the service: `scope` bounds every row; the rest narrows.
struct ListQuery {
  core::OrgScope scope;
  std::int64_t org_id = 0;  // the org of a queue
  std::optional<std::string> queue;
  std::optional<std::string> state;
  std::optional<std::string> month;
  std::optional<std::string> measure;
  std::optional<std::string> category_code;
  std::int64_t now = 0;
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

// The columns a request's insert and save write (personal data sealed by the service).
struct RequestRecord {
  Request request;
  std::string resident_name_cipher;
  std::string resident_phone_cipher;
  std::int64_t territory_org_id = 0;
  std::int64_t first_receiver_org_id = 0;
  std::int64_t owner_org_id = 0;
};

// Requests loaded in bulk with ids the caller chose (demo --scale), in the caller's open
// transaction: requests with their personal data already sealed and masked, steps, extensions and
// the tallies. Nothing is checked.
class RequestBulkLoad {
 public:
  explicit RequestBulkLoad(db::Session& session);
  void AddRequest(const RequestRecord& record, std::optional<std::int64_t> created_by);
  void AddStep(std::int64_t request_id, std::string_view kind, std::int64_t org_id, std::optional<std::int64_t> user_id,
               std::optional<std::int64_t> target_org_id, std::string_view text, std::int64_t at);
  void AddExtension(std::int64_t request_id, std::int64_t org_id, std::int64_t approver_org_id, std::int64_t days,
                    std::string_view reason, std::int64_t asked_at, std::int64_t decided_at);
  void AddTally(std::int64_t org_id, const std::string& month, const std::string& item, std::int64_t count);
  // Sends what is buffered and moves PostgreSQL's id sequences past the loaded ids.
  void Finish();

 private:
  db::Session& session_;
  db::BulkInserter requests_;
  db::BulkInserter steps_;
  db::BulkInserter extensions_;
  db::BulkInserter tallies_;
};

class RequestRepository {
 public:
  std::vector<SlaClass> ListSlaClasses(soci::session& sql) const;
  std::optional<SlaClass> FindSlaClass(soci::session& sql, const std::string& code) const;
  void UpdateSlaClass(soci::session& sql, const SlaClass& sla_class) const;

  std::vector<Category> ListCategories(soci::session& sql) const;
  std::optional<Category> FindCategory(soci::session& sql, std::int64_t id) const;
  std::optional<Category> FindCategoryByCode(soci::session& sql, const std::string& code) const;
  // The code a new child of `parent_code` (or a new top node) takes: one past the largest.
  std::string NextCategoryCode(soci::session& sql, const std::optional<std::string>& parent_code) const;
  std::int64_t InsertCategory(soci::session& sql, const Category& category) const;
  void UpdateCategory(soci::session& sql, const Category& category, std::optional<std::int64_t> archived_at) const;

  std::vector<AgencyKind> ListAgencyKinds(soci::session& sql) const;
  bool IsAgencyKind(soci::session& sql, const std::string& code) const;
  // Agencies whose org lies in the scope or that serve a street in it.
  std::vector<Agency> ListAgencies(soci::session& sql, const core::OrgScope& scope) const;
  std::optional<Agency> FindAgency(soci::session& sql, std::int64_t org_id) const;
  // The live agency of `kind` serving the street, the one created first when several do.
  std::optional<std::int64_t> FindAgencyServing(soci::session& sql, std::int64_t street_id,
                                                const std::string& kind) const;
  // True when the agency serves a street inside `scope`.
  bool ServesStreetIn(soci::session& sql, std::int64_t agency_org_id, const core::OrgScope& scope) const;
  std::vector<OrgRef> ListCommunitiesOf(soci::session& sql, std::int64_t street_id) const;
  void InsertAgency(soci::session& sql, std::int64_t org_id, const std::string& kind,
                    const std::vector<std::int64_t>& street_ids) const;

  std::int64_t Insert(soci::session& sql, const RequestRecord& record, std::optional<std::int64_t> user_id) const;
  std::optional<Request> Find(soci::session& sql, std::int64_t id) const;
  // The sealed name and phone of the resident.
  std::pair<std::string, std::string> FindCiphers(soci::session& sql, std::int64_t id) const;
  // Every request with a sealed name or phone: id, name, phone (key rotation).
  std::vector<std::tuple<std::int64_t, std::string, std::string>> ListSealedResidents(soci::session& sql) const;
  void UpdateSealedResident(soci::session& sql, std::int64_t id, const std::string& name,
                            const std::string& phone) const;
  // Writes the mutable columns of the request (owner, state, clocks, rating, counters).
  void Save(soci::session& sql, const Request& request, std::int64_t now) const;
  RequestPage List(soci::session& sql, const ListQuery& query) const;

  std::int64_t InsertStep(soci::session& sql, std::int64_t request_id, const std::string& kind, std::int64_t org_id,
                          std::optional<std::int64_t> user_id, std::optional<std::int64_t> target_org_id,
                          const std::string& text, std::int64_t at) const;
  std::vector<Step> ListSteps(soci::session& sql, std::int64_t request_id) const;

  std::int64_t InsertExtension(soci::session& sql, std::int64_t request_id, std::int64_t org_id,
                               std::int64_t approver_org_id, std::int64_t days, const std::string& reason,
                               std::int64_t at) const;
  std::vector<Extension> ListExtensions(soci::session& sql, std::int64_t request_id) const;
  void DecideExtension(soci::session& sql, std::int64_t extension_id, const std::string& state, const std::string& text,
                       std::int64_t at) const;

  // Adds `delta` to each (org, month, item).
  void AddToTally(soci::session& sql, const std::vector<std::int64_t>& org_ids, const std::string& month,
                  const std::string& item, std::int64_t delta) const;
  Tally ReadTally(soci::session& sql, std::int64_t org_id, const std::string& month) const;
  std::vector<OrgTally> ReadChildTallies(soci::session& sql, std::int64_t org_id, const std::string& month) const;
  std::vector<MonthTally> ReadTrend(soci::session& sql, std::int64_t org_id, const std::string& from_month,
                                    const std::string& to_month) const;

  // Open requests whose resolution falls due within their class's warning time and that were not
  // warned yet; and those past it and not escalated yet. At most `limit` each.
  std::vector<Request> ListToWarn(soci::session& sql, std::int64_t now, std::int64_t limit) const;
  std::vector<Request> ListToEscalate(soci::session& sql, std::int64_t now, std::int64_t limit) const;
  // Marks the request warned (or escalated) unless it already is: false when another server's
  // sweep did it first, so that each notice is sent once.
  bool MarkWarned(soci::session& sql, std::int64_t id, std::int64_t now) const;
  bool MarkEscalated(soci::session& sql, std::int64_t id, std::int64_t now) const;
};

// Sets `item`'s field of the tally.
void AddToTallyField(Tally& tally, const std::string& item, std::int64_t count);

}  // namespace liandong::request
