// Rules for dual reporting and two-way evaluation. check_in:read to read the rosters, posts,
// feedback sheets and evaluations of communities in the actor's subtree (and, for an employer
// Party org, the feedback sheets and evaluations of its own members); check_in:write to record
// check-ins, receipts, posts, sign-ups, hours, evaluations and ratings. Members have no accounts:
// the community records their check-in (by ID number, through the blind index), sign-ups and
// hours. Every change is audited, and the orgs concerned notified, in the change's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/check_in/check_in_model.hpp"
#include "features/check_in/check_in_repository.hpp"
#include "features/member/member_service.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/unit/unit_service.hpp"

namespace liandong::check_in {

// What generating a quarter's feedback sheets made.
struct GeneratedSheets {
  int year = 0;
  int quarter = 0;
  std::int64_t sheets = 0;
  std::int64_t orgs = 0;  // employer orgs told through their inbox
};

class CheckInService {
 public:
  CheckInService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                 const org::OrgService& orgs, const unit::UnitService& units, const member::MemberService& members,
                 const notification::NotificationService& notifications)
      : database_(database),
        clock_(clock),
        audit_(audit),
        orgs_(orgs),
        units_(units),
        members_(members),
        notifications_(notifications) {}

  // Unit check-ins (报到单): filed by or for the unit's Party org, received by the community.
  Page<UnitCheckIn> ListUnitCheckIns(const core::Actor& actor, const RosterFilter& filter) const;
  UnitCheckIn ReportUnit(const core::Actor& actor, const NewUnitCheckIn& input) const;
  UnitCheckIn ReceiveUnit(const core::Actor& actor, std::int64_t id, std::optional<std::string> received_on) const;

  // Member check-ins: by ID number, at most one running; a transfer ends it and links the next.
  Page<MemberCheckIn> ListMemberCheckIns(const core::Actor& actor, const RosterFilter& filter) const;
  MemberCheckInDetail GetMemberCheckIn(const core::Actor& actor, std::int64_t id) const;
  MemberCheckInDetail ReportMember(const core::Actor& actor, const NewMemberCheckIn& input) const;
  // .xlsx of the running unit and member check-ins of the subtree (the 报到 roster).
  std::string ExportRoster(const core::Actor& actor, std::optional<std::int64_t> org_id) const;

  std::vector<ServiceCategory> ListCategories(const core::Actor& actor) const;
  Page<ServicePost> ListPosts(const core::Actor& actor, std::optional<std::int64_t> org_id, std::int64_t offset,
                              std::int64_t limit) const;
  ServicePostDetail GetPost(const core::Actor& actor, std::int64_t id) const;
  ServicePostDetail PublishPost(const core::Actor& actor, const NewServicePost& input) const;
  ServicePostDetail SignUpMember(const core::Actor& actor, std::int64_t post_id, std::int64_t check_in_id) const;
  ServicePostDetail RecordHours(const core::Actor& actor, std::int64_t post_id, const NewHours& hours) const;
  // The hours served in `year` at the communities of the subtree (of `org_id` when given), newest
  // first: what the co-building overview's service-hours figure counts.
  ServiceHoursPage ListServiceHours(const core::Actor& actor, std::optional<std::int64_t> org_id, int year,
                                    std::int64_t offset, std::int64_t limit) const;

  // Makes (or refreshes) the quarter's sheets for the communities of `org_id`'s subtree and tells
  // each employer org through its inbox.
  GeneratedSheets GenerateSheets(const core::Actor& actor, std::int64_t org_id, int year, int quarter) const;
  Page<FeedbackSheet> ListSheets(const core::Actor& actor, std::optional<std::int64_t> org_id, int year, int quarter,
                                 std::int64_t offset, std::int64_t limit) const;
  std::string ExportSheets(const core::Actor& actor, std::optional<std::int64_t> org_id, int year, int quarter) const;
  // The sweep's step: once a quarter has ended, sends its sheets to every employer org (once).
  // Returns the sheets sent (0 when the last quarter was sent already).
  std::int64_t SweepFeedbackSheets() const;

  Evaluation Evaluate(const core::Actor& actor, const NewEvaluation& input) const;
  Page<Evaluation> ListEvaluations(const core::Actor& actor, std::optional<std::int64_t> org_id, int year,
                                   std::int64_t offset, std::int64_t limit) const;

  std::vector<EvaluationItem> ListItems(const core::Actor& actor) const;
  MutualEvaluationView Rate(const core::Actor& actor, const NewMutualEvaluation& input) const;
  MutualEvaluationView ViewMutual(const core::Actor& actor, std::optional<std::int64_t> org_id, int year) const;

  // Seeding without checks, in the caller's transaction (the demo city).
  std::int64_t SeedUnitCheckIn(soci::session& sql, std::int64_t unit_id, std::int64_t party_org_id,
                               std::int64_t community_id, const std::string& reported_on,
                               std::optional<std::string> received_on, std::int64_t by, std::int64_t at) const;
  std::int64_t SeedMemberCheckIn(soci::session& sql, std::int64_t member_id, std::int64_t community_id,
                                 const std::string& reported_on, std::optional<std::int64_t> previous_id,
                                 std::int64_t by, std::int64_t at) const;
  std::int64_t SeedPost(soci::session& sql, const NewServicePost& post, std::int64_t by, std::int64_t at) const {
    return repository_.InsertPost(sql, post, by, at);
  }
  std::int64_t SeedSignUp(soci::session& sql, std::int64_t post_id, std::int64_t check_in_id, std::int64_t member_id,
                          const std::string& on, std::int64_t by, std::int64_t at) const {
    return repository_.InsertSignUp(sql, post_id, check_in_id, member_id, on, by, at).value_or(0);
  }
  void SeedHours(soci::session& sql, std::int64_t post_id, std::int64_t sign_up_id, std::int64_t member_id,
                 const NewHours& hours, std::int64_t by, std::int64_t at) const;
  GeneratedSheets SeedSheets(soci::session& sql, int year, int quarter, std::int64_t at) const;
  void SeedEvaluation(soci::session& sql, int year, std::int64_t community_id, const std::string& kind,
                      std::int64_t subject_id, std::int64_t subject_org_id, const std::string& grade,
                      const std::string& comment, std::int64_t by, std::int64_t at) const {
    repository_.InsertEvaluation(sql, year, community_id, kind, subject_id, subject_org_id, grade, comment, by, at);
  }
  void SeedMutualEvaluation(soci::session& sql, const NewMutualEvaluation& input, std::int64_t rater_org_id,
                            std::int64_t ratee_org_id, std::int64_t by, std::int64_t at) const {
    repository_.InsertMutualEvaluation(sql, input, rater_org_id, ratee_org_id, by, at);
  }
  std::vector<EvaluationItem> SeededItems(soci::session& sql) const { return repository_.ListItems(sql); }
  std::vector<ServiceCategory> SeededCategories(soci::session& sql) const { return repository_.ListCategories(sql); }

 private:
  ServicePostDetail LoadPost(soci::session& sql, const core::Actor& actor, const ServicePost& post) const;
  ServicePost FindPostInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  GeneratedSheets Generate(soci::session& sql, const core::OrgScope& scope, int year, int quarter,
                           std::int64_t now) const;
  MutualEvaluationView View(soci::session& sql, const core::Actor& actor, const org::Org& org, int year) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const org::OrgService& orgs_;
  const unit::UnitService& units_;
  const member::MemberService& members_;
  const notification::NotificationService& notifications_;
  CheckInRepository repository_;
};

}  // namespace liandong::check_in
