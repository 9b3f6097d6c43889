#include "features/cobuild_list/list_json.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::cobuild_list {
namespace {

constexpr std::size_t kMaxCharacters = 20000;
constexpr std::size_t kMaxLines = 100;
constexpr std::int64_t kMaxNumber = 1'000'000'000'000;

boost::json::value Nullable(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::value Nullable(const std::optional<std::int64_t>& number) {
  return number ? boost::json::value(*number) : boost::json::value(nullptr);
}

boost::json::value RefJson(const std::optional<Ref>& ref) {
  if (!ref) return nullptr;
  return boost::json::object{{"id", ref->id}, {"name", ref->name}};
}

boost::json::object RefJson(const Ref& ref) { return {{"id", ref.id}, {"name", ref.name}}; }

boost::json::array Strings(const std::vector<std::string>& texts) {
  boost::json::array array;
  for (const std::string& text : texts) array.emplace_back(text);
  return array;
}

core::AppError FieldError(std::string_view code, std::string_view field) {
  core::AppError error(core::ErrorKind::kInvalidArgument, std::string(code));
  error.WithField(std::string(field));
  return error;
}

// A whole number in [min, max], required: the field's code otherwise.
std::int64_t RequiredNumber(const http::BodyReader& reader, std::string_view field, std::int64_t min,
                            std::int64_t max) {
  const auto number = reader.Integer(field, min, max);
  if (!number) reader.Fail(field);
  return number.value_or(0);
}

}  // namespace

boost::json::object ToJson(const Need& need) {
  return {{"id", need.id},
          {"org", RefJson(need.org)},
          {"need_kind", need.need_kind},
          {"category", need.category},
          {"tags", Strings(need.tags)},
          {"title", need.title},
          {"description", need.description},
          {"beneficiaries", need.beneficiaries},
          {"beneficiary_count", need.beneficiary_count},
          {"wanted_by", need.wanted_by},
          {"status", need.status},
          {"project_id", Nullable(need.project_id)},
          {"matched_on", Nullable(need.matched_on)},
          {"closed_on", Nullable(need.closed_on)},
          {"created_at", core::FormatUtc(need.created_at)}};
}

boost::json::object ToJson(const NeedDetail& detail) {
  boost::json::object body = ToJson(detail.need);
  body["claim"] = detail.claim ? boost::json::value(boost::json::object{{"id", detail.claim->id},
                                                                        {"unit", RefJson(detail.claim->unit)},
                                                                        {"claimed_on", detail.claim->claimed_on},
                                                                        {"note", detail.claim->note}})
                               : boost::json::value(nullptr);
  body["project"] = detail.project ? boost::json::value(ToJson(*detail.project)) : boost::json::value(nullptr);
  body["can_write"] = detail.can_write;
  body["can_match"] = detail.can_match;
  return body;
}

boost::json::object ToJson(const Resource& resource) {
  boost::json::array served;
  for (const Ref& org : resource.served_orgs) served.push_back(RefJson(org));
  return {{"id", resource.id},
          {"org", RefJson(resource.org)},
          {"unit", RefJson(resource.unit)},
          {"service_centre", RefJson(resource.service_centre)},
          {"venue_id", Nullable(resource.venue_id)},
          {"resource_kind", resource.resource_kind},
          {"category", resource.category},
          {"tags", Strings(resource.tags)},
          {"title", resource.title},
          {"description", resource.description},
          {"quantity", resource.quantity},
          {"headcount", resource.headcount},
          {"committed", resource.committed},
          {"remaining", resource.resource_kind == "venue" ? resource.quantity : resource.quantity - resource.committed},
          {"valid_from", resource.valid_from},
          {"valid_to", resource.valid_to},
          {"served_orgs", std::move(served)},
          {"created_at", core::FormatUtc(resource.created_at)}};
}

boost::json::object ToJson(const Project& project) {
  return {{"id", project.id},
          {"org", RefJson(project.org)},
          {"unit", RefJson(project.unit)},
          {"resource_id", Nullable(project.resource_id)},
          {"category", project.category},
          {"tags", Strings(project.tags)},
          {"title", project.title},
          {"description", project.description},
          {"budget", project.budget},
          {"owners", project.owners},
          {"starts_on", project.starts_on},
          {"ends_on", project.ends_on},
          {"status", project.status},
          {"people_served", project.people_served},
          {"rating", Nullable(project.rating)},
          {"rating_comment", project.rating_comment},
          {"rated_on", Nullable(project.rated_on)},
          {"created_at", core::FormatUtc(project.created_at)}};
}

boost::json::object ToJson(const ProjectDetail& detail) {
  boost::json::object body = ToJson(detail.project);
  boost::json::array milestones;
  for (const Milestone& milestone : detail.milestones) {
    milestones.push_back(
        boost::json::object{{"id", milestone.id}, {"title", milestone.title}, {"due_on", milestone.due_on}});
  }
  boost::json::array deliveries;
  for (const ProjectDelivery& delivery : detail.deliveries) {
    deliveries.push_back(boost::json::object{{"id", delivery.id},
                                             {"delivered_on", delivery.delivered_on},
                                             {"text", delivery.text},
                                             {"people_served", delivery.people_served},
                                             {"recorded_by", delivery.recorded_by},
                                             {"recorded_at", core::FormatUtc(delivery.recorded_at)}});
  }
  boost::json::array needs;
  for (const Need& need : detail.needs) needs.push_back(ToJson(need));
  body["milestones"] = std::move(milestones);
  body["deliveries"] = std::move(deliveries);
  body["needs"] = std::move(needs);
  body["can_write"] = detail.can_write;
  return body;
}

boost::json::object ToJson(const Suggestion& suggestion) {
  boost::json::array parts;
  for (const ScorePart& part : suggestion.parts) {
    parts.push_back(boost::json::object{{"name", part.name}, {"points", part.points}, {"reason", part.reason}});
  }
  return {{"kind", suggestion.kind},
          {"id", suggestion.id},
          {"title", suggestion.title},
          {"resource_kind", suggestion.resource_kind.empty() ? boost::json::value(nullptr)
                                                             : boost::json::value(suggestion.resource_kind)},
          {"org", RefJson(suggestion.org)},
          {"unit", RefJson(suggestion.unit)},
          {"score", suggestion.score},
          {"parts", std::move(parts)},
          {"explanation", suggestion.explanation}};
}

std::vector<std::string> ParseTags(const boost::json::object& body, std::string_view code) {
  std::vector<std::string> tags;
  const boost::json::value* value = body.if_contains("tags");
  if (value == nullptr || value->is_null()) return tags;
  if (!value->is_array() || value->as_array().size() > kMaxLines) throw FieldError(code, "tags");
  for (const boost::json::value& item : value->as_array()) {
    if (!item.is_string()) throw FieldError(code, "tags");
    std::string tag(item.as_string());
    while (!tag.empty() && tag.back() == ' ') tag.pop_back();
    while (!tag.empty() && tag.front() == ' ') tag.erase(tag.begin());
    if (tag.empty()) throw FieldError(code, "tags");
    tags.push_back(std::move(tag));
  }
  return tags;
}

NewNeed ParseNewNeed(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"org_id", "need.org_not_found"},
                                       {"need_kind", "need.invalid_kind"},
                                       {"category", "need.invalid_category"},
                                       {"title", "need.invalid_title"},
                                       {"description", "need.invalid_description"},
                                       {"beneficiaries", "need.invalid_beneficiaries"},
                                       {"beneficiary_count", "need.invalid_beneficiary_count"},
                                       {"wanted_by", "need.invalid_date"}});
  NewNeed input;
  input.org_id = reader.RequiredId("org_id");
  input.need_kind = reader.Text("need_kind", kMaxCharacters).value_or("need");
  input.category = reader.RequiredText("category", kMaxCharacters);
  input.tags = ParseTags(body, "need.invalid_tags");
  input.title = reader.RequiredText("title", kMaxCharacters);
  input.description = reader.RequiredText("description", kMaxCharacters);
  input.beneficiaries = reader.RequiredText("beneficiaries", kMaxCharacters);
  input.beneficiary_count = RequiredNumber(reader, "beneficiary_count", 1, 1'000'000);
  input.wanted_by = reader.RequiredText("wanted_by", kMaxCharacters);
  return input;
}

NewResource ParseNewResource(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"org_id", "resource.org_not_found"},
                                       {"unit_id", "resource.unit_not_found"},
                                       {"resource_kind", "resource.invalid_kind"},
                                       {"category", "resource.invalid_category"},
                                       {"title", "resource.invalid_title"},
                                       {"description", "resource.invalid_description"},
                                       {"quantity", "resource.invalid_quantity"},
                                       {"headcount", "resource.invalid_headcount"},
                                       {"valid_from", "resource.invalid_date"},
                                       {"valid_to", "resource.invalid_date"},
                                       {"served_org_ids", "resource.invalid_served_org"}});
  NewResource input;
  input.org_id = reader.RequiredId("org_id");
  input.unit_id = reader.Id("unit_id");
  input.resource_kind = reader.RequiredText("resource_kind", kMaxCharacters);
  input.category = reader.RequiredText("category", kMaxCharacters);
  input.tags = ParseTags(body, "resource.invalid_tags");
  input.title = reader.RequiredText("title", kMaxCharacters);
  input.description = reader.Text("description", kMaxCharacters).value_or("");
  input.quantity = RequiredNumber(reader, "quantity", 1, kMaxNumber);
  input.headcount = reader.Integer("headcount", 0, 1'000'000).value_or(0);
  input.valid_from = reader.RequiredText("valid_from", kMaxCharacters);
  input.valid_to = reader.RequiredText("valid_to", kMaxCharacters);
  input.served_org_ids = reader.Ids("served_org_ids", kMaxLines);
  return input;
}

NewProject ParseNewProject(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"org_id", "project.org_not_found"},
                                       {"unit_id", "project.unit_not_found"},
                                       {"category", "project.invalid_category"},
                                       {"title", "project.invalid_title"},
                                       {"description", "project.invalid_description"},
                                       {"budget", "project.invalid_budget"},
                                       {"owners", "project.invalid_owners"},
                                       {"starts_on", "project.invalid_date"},
                                       {"ends_on", "project.invalid_date"}});
  NewProject input;
  input.org_id = reader.RequiredId("org_id");
  input.unit_id = reader.Id("unit_id");
  input.category = reader.RequiredText("category", kMaxCharacters);
  input.tags = ParseTags(body, "project.invalid_tags");
  input.title = reader.RequiredText("title", kMaxCharacters);
  input.description = reader.Text("description", kMaxCharacters).value_or("");
  input.budget = RequiredNumber(reader, "budget", 0, kMaxNumber);
  input.owners = reader.RequiredText("owners", kMaxCharacters);
  input.starts_on = reader.RequiredText("starts_on", kMaxCharacters);
  input.ends_on = reader.RequiredText("ends_on", kMaxCharacters);
  const boost::json::value* milestones = body.if_contains("milestones");
  if (milestones != nullptr && !milestones->is_null()) {
    if (!milestones->is_array() || milestones->as_array().size() > kMaxLines) {
      throw FieldError("project.invalid_milestone", "milestones");
    }
    for (const boost::json::value& item : milestones->as_array()) {
      if (!item.is_object()) throw FieldError("project.invalid_milestone", "milestones");
      const http::BodyReader line(item.as_object(),
                                  {{"title", "project.invalid_milestone"}, {"due_on", "project.invalid_milestone"}});
      input.milestones.push_back(
          {line.RequiredText("title", kMaxCharacters), line.RequiredText("due_on", kMaxCharacters)});
    }
  }
  return input;
}

NewProjectDelivery ParseProjectDelivery(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"delivered_on", "project.invalid_date"},
                                       {"text", "project.invalid_delivery"},
                                       {"people_served", "project.invalid_people_served"}});
  NewProjectDelivery delivery;
  delivery.delivered_on = reader.RequiredText("delivered_on", kMaxCharacters);
  delivery.text = reader.RequiredText("text", kMaxCharacters);
  delivery.people_served = RequiredNumber(reader, "people_served", 0, 1'000'000);
  return delivery;
}

Rating ParseRating(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"rating", "project.invalid_rating"}, {"comment", "project.invalid_comment"}});
  Rating rating;
  rating.rating = RequiredNumber(reader, "rating", 1, 5);
  rating.comment = reader.Text("comment", kMaxCharacters).value_or("");
  return rating;
}

Match ParseMatch(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"resource_id", "need.invalid_match"},
                                       {"project_id", "need.invalid_match"},
                                       {"quantity", "resource.invalid_quantity"}});
  Match match;
  match.resource_id = reader.Id("resource_id");
  match.project_id = reader.Id("project_id");
  match.quantity = reader.Integer("quantity", 1, kMaxNumber);
  return match;
}

NewClaim ParseClaim(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"unit_id", "need.unit_not_found"}, {"note", "need.invalid_claim_note"}});
  return {reader.RequiredId("unit_id"), reader.Text("note", kMaxCharacters).value_or("")};
}

}  // namespace liandong::cobuild_list
