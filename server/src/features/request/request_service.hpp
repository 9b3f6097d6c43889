// Rules of residents' requests. request:intake takes requests and records the resident's rating
// (the first receiver calls back); request:handle signs for, handles, replies, returns and
// dispatches them (the owner org only) and decides extensions (the org above the owner);
// request:read reads those whose owner, territory or first receiver lies in the actor's subtree;
// request:catalogue edits the catalogue and SLA classes. Every change is audited, the org that
// must act next is notified, and the monthly tallies change, all in the change's transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/attachment/attachment_store.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/request/request_model.hpp"
#include "features/request/request_repository.hpp"

namespace liandong::request {

struct NewAgency {
  std::int64_t parent_org_id = 0;  // the district whose department stations it
  std::string name;
  std::string kind;
  std::vector<std::int64_t> street_ids;
};

struct RequestSweepResult {
  std::int64_t warned = 0;
  std::int64_t escalated = 0;
};

class RequestService {
 public:
  RequestService(db::Database& database, const core::Clock& clock, const core::FieldCipher& cipher,
                 const db::AuditWriter& audit, const org::OrgService& org_service,
                 const notification::NotificationService& notification_service,
                 const attachment::AttachmentStore& attachment_store)
      : database_(database),
        clock_(clock),
        cipher_(cipher),
        audit_(audit),
        org_service_(org_service),
        notification_service_(notification_service),
        attachment_store_(attachment_store) {}

  std::vector<Category> ListCategories(const core::Actor& actor) const;
  Category CreateCategory(const core::Actor& actor, const NewCategory& input) const;
  Category UpdateCategory(const core::Actor& actor, std::int64_t id, const CategoryChanges& changes) const;
  std::vector<SlaClass> ListSlaClasses(const core::Actor& actor) const;
  SlaClass UpdateSlaClass(const core::Actor& actor, const SlaClass& input) const;
  std::vector<AgencyKind> ListAgencyKinds(const core::Actor& actor) const;
  std::vector<Agency> ListAgencies(const core::Actor& actor) const;
  Agency CreateAgency(const core::Actor& actor, const NewAgency& input) const;

  // `also` runs in the request's transaction once it is written (a partner system's own records).
  using AlsoWrite = std::function<void(soci::session&, const Request&)>;
  Request Create(const core::Actor& actor, const NewRequest& input, const AlsoWrite& also = {}) const;
  RequestPage List(const core::Actor& actor, const RequestFilter& filter) const;
  RequestDetail Get(const core::Actor& actor, std::int64_t id) const;
  // The orgs that may own the request: its territory's street, that street's communities and the
  // agencies serving the street.
  std::vector<OrgRef> ListOwners(const core::Actor& actor, std::int64_t id) const;
  // The resident's name and phone in the clear (request:handle of the owner, or the first
  // receiver); audited.
  std::pair<std::string, std::string> GetResident(const core::Actor& actor, std::int64_t id) const;

  Request Sign(const core::Actor& actor, std::int64_t id) const;
  Request Dispatch(const core::Actor& actor, std::int64_t id, std::int64_t target_org_id,
                   const std::string& text) const;
  Request Return(const core::Actor& actor, std::int64_t id, std::optional<std::int64_t> target_org_id,
                 const std::string& reason) const;
  Request Contact(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  // A note or a reply links the owner's uploads for the request (attachment_ids) to its step.
  Request AddNote(const core::Actor& actor, std::int64_t id, const std::string& text,
                  const std::vector<std::int64_t>& attachment_ids = {}) const;
  Request AskExtension(const core::Actor& actor, std::int64_t id, std::int64_t days, const std::string& reason) const;
  Request DecideExtension(const core::Actor& actor, std::int64_t id, std::int64_t extension_id, bool approve,
                          const std::string& text) const;
  Request Reply(const core::Actor& actor, std::int64_t id, const std::string& text,
                const std::vector<std::int64_t>& attachment_ids = {}) const;
  // Evidence (处置佐证): the owner uploads a file while it has the request in hand, then links it
  // with a note or the reply. CheckCanAttach answers before the upload is read, so that a request
  // out of reach answers the same whatever is sent. Audited.
  void CheckCanAttach(const core::Actor& actor, std::int64_t id) const;
  attachment::Attachment Attach(const core::Actor& actor, std::int64_t id, std::string_view file_name,
                                std::string_view content) const;
  // An evidence file of a request the actor may read: a linked one, or the actor's org's own
  // upload not yet linked; attachment.not_found otherwise.
  std::pair<attachment::Attachment, std::string> DownloadEvidence(const core::Actor& actor, std::int64_t id,
                                                                  std::int64_t attachment_id) const;
  Request Rate(const core::Actor& actor, std::int64_t id, const std::string& satisfaction, bool resolved,
               const std::string& text) const;
  Request Reopen(const core::Actor& actor, std::int64_t id, const std::string& reason) const;

  Rates GetRates(const core::Actor& actor, std::optional<std::int64_t> org_id, const std::string& month) const;

  // Records an org as an agency serving `street_ids`, inside the caller's transaction and without
  // checks: for seeding (the demo city, the generators).
  void SeedAgency(soci::session& sql, std::int64_t org_id, const std::string& kind,
                  const std::vector<std::int64_t>& street_ids) const {
    repository_.InsertAgency(sql, org_id, kind, street_ids);
  }

  // Key rotation (liandong keys rotate), in the caller's write transaction: re-encrypts every
  // resident's name and phone under `to`; returns the requests changed.
  std::int64_t ResealResidents(soci::session& sql, const core::FieldCipher& from, const core::FieldCipher& to) const;

  std::unique_ptr<RequestBulkLoad> StartBulkLoad(db::Session& session) const {
    return std::make_unique<RequestBulkLoad>(session);
  }
  // The tally items a request counts in (the rates' definitions), for generators that keep the
  // tallies themselves.
  static std::vector<std::string> TallyItemsOf(const Request& request);
  // The orgs a request counts at: its owner's lineage and its territory's, each once. A street
  // counts what its residents asked, whoever handles it; an agency counts what it handles.
  static std::vector<std::int64_t> TallyOrgsOf(const Request& request);
  // The leaves of the catalogue in use, with their full names: for the generators and Open311.
  std::vector<Category> ListLeaves(soci::session& sql) const;
  // A leaf in use by its code ("07.01.01"); nullopt for an inner node, an archived or unknown code.
  std::optional<Category> FindLeaf(soci::session& sql, const std::string& code) const;
  std::optional<SlaClass> FindSlaClass(soci::session& sql, const std::string& code) const {
    return repository_.FindSlaClass(sql, code);
  }

  // Warns owners before resolution falls due and escalates to the org above after; each once.
  RequestSweepResult Sweep() const;

  // For the demo and generators: the lateness of a request as of `at`.
  static Lateness LatenessOf(const Request& request, std::int64_t at);

 private:
  // The request when the actor may read it; request.not_found otherwise.
  Request FindVisible(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // The request for a step of its owner (request.not_owner) in one of `states` (request.wrong_state).
  Request FindForOwner(soci::session& sql, const core::Actor& actor, std::int64_t id,
                       std::initializer_list<std::string_view> states) const;
  // The request for a step of its first receiver (request.not_first_receiver) in `state`.
  Request FindForFirstReceiver(soci::session& sql, const core::Actor& actor, std::int64_t id,
                               std::string_view state) const;
  // The request as `before` would be once handed to another owner (dispatched, or returned naming
  // it): a fresh sign-for clock there. Refuses the current owner and an org that may not own it.
  Request HandOver(soci::session& sql, const Request& before, std::int64_t target_org_id, bool as_return,
                   std::int64_t now) const;
  // One step of a request in a write transaction: `find` loads and checks it, `change` records the
  // step (its timeline entry, notices) and returns the request changed; then the row, its tallies
  // and the audit entry are written, and the request is read back.
  using Change = std::function<Request(soci::session&, const Request& before, std::int64_t now)>;
  Request Write(const core::Actor& actor, const std::string& action, const std::function<Request(soci::session&)>& find,
                const Change& change) const;
  // The street of a territory (itself or its parent street).
  org::Org StreetOf(soci::session& sql, const org::Org& territory) const;
  bool IsValidOwner(soci::session& sql, const Request& request, std::int64_t org_id) const;
  // Records the change of a request: the row, its tallies, a step and the audit entry.
  void Save(soci::session& sql, const core::Actor& actor, const Request& before, const Request& after,
            const std::string& action) const;
  void ApplyTally(soci::session& sql, const std::optional<Request>& before, const Request& after) const;
  void Notify(soci::session& sql, std::int64_t org_id, const Request& request, const std::string& title,
              const std::string& body) const;

  db::Database& database_;
  const core::Clock& clock_;
  const core::FieldCipher& cipher_;
  const db::AuditWriter& audit_;
  const org::OrgService& org_service_;
  const notification::NotificationService& notification_service_;
  const attachment::AttachmentStore& attachment_store_;
  RequestRepository repository_;
};

}  // namespace liandong::request
