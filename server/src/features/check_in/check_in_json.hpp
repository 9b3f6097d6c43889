// JSON shapes of dual reporting and two-way evaluation, both ways.
#pragma once

#include <boost/json/object.hpp>

#include "features/check_in/check_in_model.hpp"
#include "features/check_in/check_in_service.hpp"

namespace liandong::check_in {

boost::json::object ToJson(const UnitCheckIn& check_in);
boost::json::object ToJson(const MemberCheckIn& check_in);
// A check-in with "history": the member's check-ins, oldest first.
boost::json::object ToJson(const MemberCheckInDetail& detail);
boost::json::object ToJson(const ServiceCategory& category);
boost::json::object ToJson(const ServicePost& post);
// A post with "sign_ups", "hours" (newest first) and "can_write"; hours in hours, not minutes.
boost::json::object ToJson(const ServicePostDetail& detail);
// One entry of the service-hours list: {"id","served_on","minutes","member","community","post","recorded_by"}.
boost::json::object ToJson(const ServiceHoursRow& row);
boost::json::object ToJson(const FeedbackSheet& sheet);
boost::json::object ToJson(const GeneratedSheets& made);
boost::json::object ToJson(const Evaluation& evaluation);
boost::json::object ToJson(const EvaluationItem& item);
boost::json::object ToJson(const MutualEvaluationView& view);

// {"unit_id","reported_on"?,"note"?}
NewUnitCheckIn ParseNewUnitCheckIn(const boost::json::object& body);
// {"received_on"?}
std::optional<std::string> ParseReceipt(const boost::json::object& body);
// {"id_number","community_id","reported_on"?,"transfer"?}
NewMemberCheckIn ParseNewMemberCheckIn(const boost::json::object& body);
// {"community_id","category_id","title","description"?,"headcount","starts_on","ends_on"}
NewServicePost ParseNewServicePost(const boost::json::object& body);
// {"check_in_id"}
std::int64_t ParseSignUp(const boost::json::object& body);
// {"check_in_id","served_on","hours"}: hours a number in half-hour steps (1.5).
NewHours ParseNewHours(const boost::json::object& body);
// {"org_id","year","quarter"}
struct SheetRequest {
  std::int64_t org_id = 0;
  int year = 0;
  int quarter = 0;
};
SheetRequest ParseSheetRequest(const boost::json::object& body);
// {"year","subject_kind","check_in_id","grade","comment"?}
NewEvaluation ParseNewEvaluation(const boost::json::object& body);
// {"year","direction","community_id","unit_id","scores":[{"item_id","score"}],"comment"?}
NewMutualEvaluation ParseNewMutualEvaluation(const boost::json::object& body);

}  // namespace liandong::check_in
