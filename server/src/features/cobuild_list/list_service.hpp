// Rules for the three co-building lists and their matching. cobuild:read to read the needs and
// projects of orgs in the actor's subtree and the resources there or listed at an ancestor (a
// district's resources serve its streets); cobuild:write to raise needs (by a street or community),
// list resources, undertake projects, record deliveries, claim micro-wishes and rate projects;
// cobuild:match for the street to confirm a match, which makes the need's project and notifies
// both sides. Every change is audited in its transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/cobuild_list/list_model.hpp"
#include "features/cobuild_list/list_repository.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::cobuild_list {

// Suggestions returned for a need, and the candidates of each kind read to find them.
inline constexpr std::size_t kSuggestions = 10;
inline constexpr int kCandidateLimit = 200;

class ListService {
 public:
  ListService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
              const org::OrgService& org_service, const unit::UnitService& unit_service,
              const notification::NotificationService& notification_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        unit_service_(unit_service),
        notification_service_(notification_service) {}

  std::vector<Category> Categories(const core::Actor& actor) const;

  NeedDetail CreateNeed(const core::Actor& actor, const NewNeed& input) const;
  Page<Need> ListNeeds(const core::Actor& actor, const ListFilter& filter) const;
  NeedDetail GetNeed(const core::Actor& actor, std::int64_t id) const;
  // Resources and projects for the need, best first, each with its score parts and reasons.
  std::vector<Suggestion> Suggest(const core::Actor& actor, std::int64_t id) const;
  // The street's confirmation: the need becomes matched to a new project (from a resource) or to
  // an existing one; the need's org and the undertaking unit's org are notified.
  NeedDetail ConfirmMatch(const core::Actor& actor, std::int64_t id, const Match& match) const;
  // A unit claims a micro-wish whole.
  NeedDetail ClaimNeed(const core::Actor& actor, std::int64_t id, const NewClaim& claim) const;

  Resource CreateResource(const core::Actor& actor, const NewResource& input) const;
  Page<Resource> ListResources(const core::Actor& actor, const ListFilter& filter) const;
  Resource GetResource(const core::Actor& actor, std::int64_t id) const;

  ProjectDetail CreateProject(const core::Actor& actor, const NewProject& input) const;
  Page<Project> ListProjects(const core::Actor& actor, const ListFilter& filter) const;
  ProjectDetail GetProject(const core::Actor& actor, std::int64_t id) const;
  ProjectDetail RecordDelivery(const core::Actor& actor, std::int64_t id, const NewProjectDelivery& delivery) const;
  // The beneficiaries' rating (1–5) and comment, after at least one delivery: closes the project
  // and the needs it answers.
  ProjectDetail Rate(const core::Actor& actor, std::int64_t id, const Rating& rating) const;

  bool HasCategory(soci::session& sql, const std::string& code) const;
  // Lists a venue's capacity as a resource, in the caller's transaction (the venue feature).
  std::int64_t ListVenue(soci::session& sql, const NewResource& input, std::int64_t created_by,
                         std::int64_t now) const {
    return repository_.InsertResource(sql, input, created_by, now);
  }

  // Without checks, in the caller's transaction: for the demo city and generated data sets.
  std::int64_t SeedNeed(soci::session& sql, const NewNeed& input, std::int64_t created_by, std::int64_t now) const {
    return repository_.InsertNeed(sql, input, created_by, now);
  }
  std::int64_t SeedResource(soci::session& sql, const NewResource& input, std::int64_t created_by,
                            std::int64_t now) const {
    return repository_.InsertResource(sql, input, created_by, now);
  }
  std::int64_t SeedProject(soci::session& sql, const NewProject& input, std::int64_t created_by,
                           std::int64_t now) const {
    return repository_.InsertProject(sql, input, created_by, now);
  }
  void SeedMatch(soci::session& sql, std::int64_t need_id, std::int64_t project_id, const std::string& on) const {
    repository_.MatchNeed(sql, need_id, project_id, on);
  }
  void SeedClaim(soci::session& sql, std::int64_t need_id, const NewClaim& claim, const std::string& on,
                 std::int64_t created_by, std::int64_t now) const {
    repository_.InsertClaim(sql, need_id, claim, on, created_by, now);
    repository_.ClaimNeed(sql, need_id);
  }
  void SeedDelivery(soci::session& sql, std::int64_t project_id, const NewProjectDelivery& delivery,
                    std::int64_t recorded_by, std::int64_t now) const {
    repository_.InsertDelivery(sql, project_id, delivery, recorded_by, now);
  }
  void SeedRating(soci::session& sql, std::int64_t project_id, const Rating& rating, const std::string& on) const {
    repository_.RateProject(sql, project_id, rating, on);
    repository_.CloseNeedsOfProject(sql, project_id, on);
  }

 private:
  Need FindNeedInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  Resource FindResourceInSight(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  Project FindProjectInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  NeedDetail LoadNeed(soci::session& sql, const core::Actor& actor, const Need& need) const;
  ProjectDetail LoadProject(soci::session& sql, const core::Actor& actor, const Project& project) const;
  void RequireCategory(soci::session& sql, const std::string& category, const std::string& code) const;
  // The unit when it is in the actor's scope and located in the territory of `org_path`.
  unit::Unit RequireUnitIn(soci::session& sql, const core::Actor& actor, std::int64_t unit_id,
                           const std::string& org_path, const std::string& prefix) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const unit::UnitService& unit_service_;
  const notification::NotificationService& notification_service_;
  ListRepository repository_;
};

}  // namespace liandong::cobuild_list
