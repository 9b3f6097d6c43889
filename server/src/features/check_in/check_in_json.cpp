#include "features/check_in/check_in_json.hpp"

#include <boost/json/array.hpp>
#include <cmath>

#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::check_in {
namespace {

constexpr std::size_t kMaxCharacters = 2000;

http::BodyReader Reader(const boost::json::object& body) {
  return http::BodyReader(body, {{"unit_id", "check_in.unit_not_found"},
                                 {"reported_on", "check_in.invalid_date"},
                                 {"received_on", "check_in.invalid_date"},
                                 {"served_on", "check_in.invalid_date"},
                                 {"starts_on", "check_in.invalid_date"},
                                 {"ends_on", "check_in.invalid_date"},
                                 {"note", "check_in.invalid_text"},
                                 {"description", "check_in.invalid_text"},
                                 {"id_number", "check_in.invalid_id_number"},
                                 {"community_id", "check_in.community_not_found"},
                                 {"transfer", "request.invalid_argument"},
                                 {"category_id", "check_in.category_not_found"},
                                 {"title", "check_in.invalid_title"},
                                 {"headcount", "check_in.invalid_headcount"},
                                 {"check_in_id", "check_in.not_found"},
                                 {"org_id", "check_in.org_not_found"},
                                 {"year", "check_in.invalid_year"},
                                 {"quarter", "check_in.invalid_quarter"},
                                 {"subject_kind", "check_in.invalid_subject"},
                                 {"grade", "check_in.invalid_grade"},
                                 {"comment", "check_in.invalid_text"}});
}

boost::json::value Nullable(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::object RefJson(const Ref& ref) { return {{"id", ref.id}, {"name", ref.name}}; }

double HoursOf(std::int64_t minutes) { return static_cast<double>(minutes) / 60.0; }

core::AppError FieldError(const std::string& code, const std::string& field) {
  core::AppError error(core::ErrorKind::kInvalidArgument, code);
  error.WithField(field);
  return error;
}

int Year(const http::BodyReader& reader, const char* code) {
  const auto year = reader.Integer("year", 1, 9999);
  if (!year) throw FieldError(code, "year");
  return static_cast<int>(*year);
}

}  // namespace

boost::json::object ToJson(const UnitCheckIn& check_in) {
  return {{"id", check_in.id},
          {"unit", RefJson(check_in.unit)},
          {"party_org", RefJson(check_in.party_org)},
          {"community", RefJson(check_in.community)},
          {"reported_on", check_in.reported_on},
          {"note", check_in.note},
          {"received_on", Nullable(check_in.received_on)},
          {"ended_on", Nullable(check_in.ended_on)}};
}

boost::json::object ToJson(const MemberCheckIn& check_in) {
  return {{"id", check_in.id},
          {"member", boost::json::object{{"id", check_in.member_id},
                                         {"name", check_in.member_name},
                                         {"id_number_masked", check_in.id_number_masked}}},
          {"employer_org", RefJson(check_in.employer_org)},
          {"community", RefJson(check_in.community)},
          {"reported_on", check_in.reported_on},
          {"ended_on", Nullable(check_in.ended_on)},
          {"previous_id", check_in.previous_id ? boost::json::value(*check_in.previous_id) : boost::json::value(nullptr)}};
}

boost::json::object ToJson(const MemberCheckInDetail& detail) {
  boost::json::object json = ToJson(detail.check_in);
  boost::json::array history;
  for (const MemberCheckIn& row : detail.history) {
    history.push_back(boost::json::object{{"id", row.id},
                                          {"community", RefJson(row.community)},
                                          {"reported_on", row.reported_on},
                                          {"ended_on", Nullable(row.ended_on)}});
  }
  json["history"] = std::move(history);
  return json;
}

boost::json::object ToJson(const ServiceCategory& category) {
  return {{"id", category.id}, {"code", category.code}, {"name", category.name}};
}

boost::json::object ToJson(const ServicePost& post) {
  return {{"id", post.id},
          {"community", RefJson(post.community)},
          {"category", RefJson(post.category)},
          {"title", post.title},
          {"description", post.description},
          {"headcount", post.headcount},
          {"signed_up", post.signed_up},
          {"starts_on", post.starts_on},
          {"ends_on", post.ends_on}};
}

boost::json::object ToJson(const ServicePostDetail& detail) {
  boost::json::object json = ToJson(detail.post);
  boost::json::array sign_ups;
  for (const SignUp& row : detail.sign_ups) {
    sign_ups.push_back(boost::json::object{{"id", row.id},
                                           {"check_in_id", row.check_in_id},
                                           {"member", boost::json::object{{"id", row.member_id}, {"name", row.member_name}}},
                                           {"signed_up_on", row.signed_up_on},
                                           {"hours", HoursOf(row.minutes)}});
  }
  boost::json::array hours;
  for (const HoursEntry& row : detail.hours) {
    hours.push_back(boost::json::object{{"id", row.id},
                                        {"sign_up_id", row.sign_up_id},
                                        {"member_name", row.member_name},
                                        {"served_on", row.served_on},
                                        {"hours", HoursOf(row.minutes)},
                                        {"recorded_by", row.recorded_by}});
  }
  json["sign_ups"] = std::move(sign_ups);
  json["hours"] = std::move(hours);
  json["can_write"] = detail.can_write;
  return json;
}

boost::json::object ToJson(const ServiceHoursRow& row) {
  return {{"id", row.id},
          {"served_on", row.served_on},
          {"minutes", row.minutes},
          {"member", RefJson(row.member)},
          {"community", RefJson(row.community)},
          {"post", boost::json::object{{"id", row.post.id}, {"title", row.post.name}}},
          {"recorded_by", row.recorded_by}};
}

boost::json::object ToJson(const FeedbackSheet& sheet) {
  return {{"id", sheet.id},
          {"member", boost::json::object{{"id", sheet.member_id},
                                         {"name", sheet.member_name},
                                         {"id_number_masked", sheet.id_number_masked}}},
          {"employer_org", RefJson(sheet.employer_org)},
          {"community", RefJson(sheet.community)},
          {"year", sheet.year},
          {"quarter", sheet.quarter},
          {"sessions", sheet.sessions},
          {"hours", HoursOf(sheet.minutes)},
          {"evaluation_grade", sheet.evaluation_grade.empty() ? boost::json::value(nullptr)
                                                              : boost::json::value(sheet.evaluation_grade)},
          {"generated_at", sheet.generated_at}};
}

boost::json::object ToJson(const GeneratedSheets& made) {
  return {{"year", made.year}, {"quarter", made.quarter}, {"sheets", made.sheets}, {"orgs", made.orgs}};
}

boost::json::object ToJson(const Evaluation& evaluation) {
  return {{"id", evaluation.id},
          {"year", evaluation.year},
          {"community", RefJson(evaluation.community)},
          {"subject_kind", evaluation.subject_kind},
          {"subject", RefJson(evaluation.subject)},
          {"subject_org", RefJson(evaluation.subject_org)},
          {"grade", evaluation.grade},
          {"comment", evaluation.comment},
          {"evaluated_at", evaluation.evaluated_at}};
}

boost::json::object ToJson(const EvaluationItem& item) {
  return {{"id", item.id}, {"direction", item.direction}, {"name", item.name}};
}

boost::json::object ToJson(const MutualEvaluationView& view) {
  boost::json::array given;
  for (const MutualEvaluation& row : view.given) {
    boost::json::array scores;
    for (const Score& score : row.scores) {
      scores.push_back(boost::json::object{{"item_id", score.item_id}, {"name", score.item_name}, {"score", score.score}});
    }
    given.push_back(boost::json::object{{"id", row.id},
                                        {"year", row.year},
                                        {"direction", row.direction},
                                        {"community", RefJson(row.community)},
                                        {"unit", RefJson(row.unit)},
                                        {"comment", row.comment},
                                        {"rated_at", row.rated_at},
                                        {"scores", std::move(scores)}});
  }
  boost::json::array received;
  for (const ItemAverage& item : view.received) {
    received.push_back(boost::json::object{
        {"item_id", item.item_id}, {"name", item.name}, {"average", std::round(item.average * 100) / 100}, {"ratings", item.ratings}});
  }
  boost::json::array to_rate;
  for (const Counterpart& pair : view.to_rate) {
    to_rate.push_back(boost::json::object{{"community", RefJson(pair.community)}, {"unit", RefJson(pair.unit)}});
  }
  return {{"org", RefJson(view.org)},
          {"side", view.side},
          {"year", view.year},
          {"given", std::move(given)},
          {"received", boost::json::object{{"ratings", view.received_count}, {"items", std::move(received)}}},
          {"to_rate", std::move(to_rate)}};
}

NewUnitCheckIn ParseNewUnitCheckIn(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewUnitCheckIn input;
  input.unit_id = reader.RequiredId("unit_id");
  input.reported_on = reader.Text("reported_on", 20);
  if (input.reported_on && input.reported_on->empty()) input.reported_on.reset();
  input.note = reader.Text("note", kMaxCharacters).value_or("");
  return input;
}

std::optional<std::string> ParseReceipt(const boost::json::object& body) {
  auto on = Reader(body).Text("received_on", 20);
  if (on && on->empty()) on.reset();
  return on;
}

NewMemberCheckIn ParseNewMemberCheckIn(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewMemberCheckIn input;
  input.id_number = reader.RequiredText("id_number", 30);
  input.community_id = reader.RequiredId("community_id");
  input.reported_on = reader.Text("reported_on", 20);
  if (input.reported_on && input.reported_on->empty()) input.reported_on.reset();
  input.transfer = reader.Bool("transfer").value_or(false);
  return input;
}

NewServicePost ParseNewServicePost(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewServicePost input;
  input.community_id = reader.RequiredId("community_id");
  input.category_id = reader.RequiredId("category_id");
  input.title = reader.RequiredText("title", kMaxCharacters);
  input.description = reader.Text("description", kMaxCharacters).value_or("");
  const auto headcount = reader.Integer("headcount", 1, 1000);
  if (!headcount) throw FieldError("check_in.invalid_headcount", "headcount");
  input.headcount = *headcount;
  input.starts_on = reader.RequiredText("starts_on", 20);
  input.ends_on = reader.RequiredText("ends_on", 20);
  return input;
}

std::int64_t ParseSignUp(const boost::json::object& body) { return Reader(body).RequiredId("check_in_id"); }

NewHours ParseNewHours(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewHours input;
  input.check_in_id = reader.RequiredId("check_in_id");
  input.served_on = reader.RequiredText("served_on", 20);
  const boost::json::value* hours = body.if_contains("hours");
  if (hours == nullptr || !hours->is_number()) throw FieldError("check_in.invalid_hours", "hours");
  const double value = hours->to_number<double>();
  const double minutes = value * 60;
  if (!(minutes >= 30 && minutes <= 24 * 60) || std::fmod(minutes, 30) != 0) {
    throw FieldError("check_in.invalid_hours", "hours");
  }
  input.minutes = static_cast<std::int64_t>(minutes);
  return input;
}

SheetRequest ParseSheetRequest(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  SheetRequest input;
  input.org_id = reader.RequiredId("org_id");
  input.year = Year(reader, "check_in.invalid_quarter");
  const auto quarter = reader.Integer("quarter", 1, 4);
  if (!quarter) throw FieldError("check_in.invalid_quarter", "quarter");
  input.quarter = static_cast<int>(*quarter);
  return input;
}

NewEvaluation ParseNewEvaluation(const boost::json::object& body) {
  const http::BodyReader reader = Reader(body);
  NewEvaluation input;
  input.year = Year(reader, "check_in.invalid_year");
  input.subject_kind = reader.RequiredText("subject_kind", 20);
  input.check_in_id = reader.RequiredId("check_in_id");
  input.grade = reader.RequiredText("grade", 20);
  input.comment = reader.Text("comment", kMaxCharacters).value_or("");
  return input;
}

NewMutualEvaluation ParseNewMutualEvaluation(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"year", "mutual_evaluation.invalid_year"},
                                       {"direction", "mutual_evaluation.invalid_direction"},
                                       {"community_id", "mutual_evaluation.community_not_found"},
                                       {"unit_id", "mutual_evaluation.unit_not_found"},
                                       {"comment", "mutual_evaluation.invalid_comment"}});
  NewMutualEvaluation input;
  input.year = Year(reader, "mutual_evaluation.invalid_year");
  input.direction = reader.RequiredText("direction", 40);
  input.community_id = reader.RequiredId("community_id");
  input.unit_id = reader.RequiredId("unit_id");
  input.comment = reader.Text("comment", kMaxCharacters).value_or("");
  const boost::json::value* scores = body.if_contains("scores");
  if (scores == nullptr || !scores->is_array() || scores->as_array().size() > 50) {
    throw FieldError("mutual_evaluation.invalid_items", "scores");
  }
  for (const boost::json::value& score : scores->as_array()) {
    const boost::json::object* line = score.if_object();
    if (line == nullptr) throw FieldError("mutual_evaluation.invalid_items", "scores");
    const boost::json::value* item = line->if_contains("item_id");
    const boost::json::value* value = line->if_contains("score");
    if (item == nullptr || !item->is_int64() || item->as_int64() <= 0) {
      throw FieldError("mutual_evaluation.invalid_items", "scores");
    }
    if (value == nullptr || !value->is_number()) throw FieldError("mutual_evaluation.score_out_of_scale", "scores");
    const double number = value->to_number<double>();
    if (number != std::floor(number) || number < 1 || number > 5) {
      throw FieldError("mutual_evaluation.score_out_of_scale", "scores");
    }
    input.scores.emplace_back(item->as_int64(), static_cast<std::int64_t>(number));
  }
  return input;
}

}  // namespace liandong::check_in
