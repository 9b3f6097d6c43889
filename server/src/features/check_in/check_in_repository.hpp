// SQL for dual reporting: check-ins, service posts, sign-ups, hours, feedback sheets, evaluations
// and two-way evaluations.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/check_in/check_in_model.hpp"

namespace liandong::check_in {

// A feedback sheet's employer org, for the inbox.
struct SheetsOfOrg {
  std::int64_t employer_org_id = 0;
  std::int64_t sheets = 0;
};

class CheckInRepository {
 public:
  // Unit check-ins.
  std::optional<UnitCheckIn> FindUnitCheckIn(soci::session& sql, std::int64_t id) const;
  std::optional<UnitCheckIn> FindRunningUnitCheckIn(soci::session& sql, std::int64_t unit_id) const;
  Page<UnitCheckIn> ListUnitCheckIns(soci::session& sql, const core::OrgScope& scope, const RosterFilter& filter) const;
  std::int64_t InsertUnitCheckIn(soci::session& sql, std::int64_t unit_id, std::int64_t party_org_id,
                                 std::int64_t community_id, const std::string& reported_on, const std::string& note,
                                 std::int64_t by, std::int64_t at) const;
  // False when it was received meanwhile.
  bool ReceiveUnitCheckIn(soci::session& sql, std::int64_t id, const std::string& on, std::int64_t by,
                          std::int64_t at) const;

  // Member check-ins.
  std::optional<MemberCheckIn> FindMemberCheckIn(soci::session& sql, std::int64_t id) const;
  std::optional<MemberCheckIn> FindRunningMemberCheckIn(soci::session& sql, std::int64_t member_id) const;
  std::vector<MemberCheckIn> ListMemberHistory(soci::session& sql, std::int64_t member_id) const;
  Page<MemberCheckIn> ListMemberCheckIns(soci::session& sql, const core::OrgScope& scope,
                                         const RosterFilter& filter) const;
  std::int64_t InsertMemberCheckIn(soci::session& sql, std::int64_t member_id, std::int64_t community_id,
                                   const std::string& reported_on, std::optional<std::int64_t> previous_id,
                                   std::int64_t by, std::int64_t at) const;
  void EndMemberCheckIn(soci::session& sql, std::int64_t id, const std::string& on) const;

  // Service posts.
  std::vector<ServiceCategory> ListCategories(soci::session& sql) const;
  std::optional<ServiceCategory> FindCategory(soci::session& sql, std::int64_t id) const;
  std::optional<ServicePost> FindPost(soci::session& sql, std::int64_t id) const;
  Page<ServicePost> ListPosts(soci::session& sql, const core::OrgScope& scope, std::int64_t offset,
                              std::int64_t limit) const;
  std::int64_t InsertPost(soci::session& sql, const NewServicePost& post, std::int64_t by, std::int64_t at) const;
  std::vector<SignUp> ListSignUps(soci::session& sql, std::int64_t post_id) const;
  std::vector<HoursEntry> ListHours(soci::session& sql, std::int64_t post_id) const;
  // The hours served in `year` at the communities of `scope`, newest first, with their count and
  // minutes in all.
  ServiceHoursPage ListServiceHours(soci::session& sql, const core::OrgScope& scope, int year, std::int64_t offset,
                                    std::int64_t limit) const;
  // The sign-up, counted into the post unless it is full: false when full (nothing written).
  std::optional<std::int64_t> InsertSignUp(soci::session& sql, std::int64_t post_id, std::int64_t check_in_id,
                                           std::int64_t member_id, const std::string& on, std::int64_t by,
                                           std::int64_t at) const;
  std::optional<std::int64_t> FindSignUp(soci::session& sql, std::int64_t post_id, std::int64_t member_id) const;
  bool HasHours(soci::session& sql, std::int64_t sign_up_id, const std::string& served_on) const;
  std::int64_t InsertHours(soci::session& sql, const ServicePost& post, std::int64_t sign_up_id,
                           std::int64_t member_id, const NewHours& hours, std::int64_t by, std::int64_t at) const;

  // Feedback sheets: made (or refreshed) for every member with a check-in at a community of
  // `scope` running during the quarter. Returns the sheets per employer org.
  std::vector<SheetsOfOrg> GenerateSheets(soci::session& sql, const core::OrgScope& scope, int year, int quarter,
                                          std::int64_t at) const;
  // Sheets whose employer org or community lies in `scope`.
  Page<FeedbackSheet> ListSheets(soci::session& sql, const core::OrgScope& scope, int year, int quarter,
                                 std::int64_t offset, std::int64_t limit) const;
  // The path of the tree's root org, for the sweep; nullopt before any org exists.
  std::optional<std::string> RootPath(soci::session& sql) const;
  bool QuarterSent(soci::session& sql, int year, int quarter) const;
  void MarkQuarterSent(soci::session& sql, int year, int quarter, std::int64_t sheets, std::int64_t at) const;

  // Yearly evaluations by the community.
  std::optional<std::int64_t> FindEvaluation(soci::session& sql, int year, std::int64_t community_id,
                                             const std::string& kind, std::int64_t subject_id) const;
  std::int64_t InsertEvaluation(soci::session& sql, int year, std::int64_t community_id, const std::string& kind,
                                std::int64_t subject_id, std::int64_t subject_org_id, const std::string& grade,
                                const std::string& comment, std::int64_t by, std::int64_t at) const;
  // Evaluations whose community or subject org lies in `scope`.
  Page<Evaluation> ListEvaluations(soci::session& sql, const core::OrgScope& scope, int year, std::int64_t offset,
                                   std::int64_t limit) const;

  // Two-way evaluation.
  std::vector<EvaluationItem> ListItems(soci::session& sql) const;
  bool HasMutualEvaluation(soci::session& sql, int year, const std::string& direction, std::int64_t community_id,
                           std::int64_t unit_id) const;
  std::int64_t InsertMutualEvaluation(soci::session& sql, const NewMutualEvaluation& input, std::int64_t rater_org_id,
                                      std::int64_t ratee_org_id, std::int64_t by, std::int64_t at) const;
  std::vector<MutualEvaluation> ListGiven(soci::session& sql, std::int64_t rater_org_id, int year) const;
  // Per item: the average and count of the scores `ratee_org_id` received in `year`.
  std::vector<ItemAverage> AverageReceived(soci::session& sql, std::int64_t ratee_org_id, int year,
                                           std::int64_t& ratings) const;
  // Unit check-ins running at some time of `year`, at the community or of the unit's Party org.
  std::vector<UnitCheckIn> UnitCheckInsOfYear(soci::session& sql, std::optional<std::int64_t> community_id,
                                              std::optional<std::int64_t> party_org_id, int year) const;
};

}  // namespace liandong::check_in
