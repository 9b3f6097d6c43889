#include "features/workforce/training_json.hpp"

#include <boost/json/array.hpp>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::workforce {
namespace {

using core::AppError;
using core::ErrorKind;

boost::json::value ReferenceJson(const Reference& reference) {
  if (reference.id == 0) return nullptr;
  return boost::json::object{{"id", reference.id}, {"name", reference.name}};
}

AppError FieldError(std::string_view field, const std::string& code = "request.invalid_argument") {
  AppError error(ErrorKind::kInvalidArgument, code, std::string(field));
  error.WithField(std::string(field));
  return error;
}

std::optional<std::string> DateOf(const http::BodyReader& reader, std::string_view field) {
  auto text = reader.Text(field, 32);
  if (text && text->size() > 10) text = text->substr(0, 10);
  if (text && text->empty()) return std::nullopt;
  return text;
}

boost::json::object LineJson(const StaffingLine& line) {
  return boost::json::object{{"org", ReferenceJson(line.org)},
                             {"street", ReferenceJson(line.street)},
                             {"communities", line.communities},
                             {"has_guarantee", line.has_guarantee},
                             {"households", line.guarantee.households},
                             {"population", line.guarantee.population},
                             {"office_space", line.guarantee.office_space},
                             {"service_space", line.guarantee.service_space},
                             {"operating_funds", line.guarantee.operating_funds},
                             {"service_funds", line.guarantee.service_funds},
                             {"required", line.required},
                             {"in_post", line.in_post},
                             {"shortfall", line.shortfall},
                             {"excess", line.excess}};
}

}  // namespace

int CurrentYearOf(const core::Clock& clock) { return std::stoi(core::ChinaDate(clock.NowSeconds()).substr(0, 4)); }

boost::json::value ToJson(const Owner& owner) {
  return boost::json::object{
      {"part", owner.part}, {"department", owner.department}, {"permission", owner.permission}};
}

boost::json::value ToJson(const Qualification& qualification) {
  return boost::json::object{{"id", qualification.id},
                             {"name", qualification.name},
                             {"allowance", qualification.allowance},
                             {"sort_order", qualification.sort_order}};
}

boost::json::value ToJson(const WorkerQualification& item) {
  return boost::json::object{
      {"id", item.id},
      {"worker", ReferenceJson(item.worker)},
      {"org", ReferenceJson(item.org)},
      {"street", ReferenceJson(item.street)},
      {"qualification", ToJson(item.qualification)},
      {"issued_on", item.issued_on},
      {"expires_on", item.expires_on ? boost::json::value(*item.expires_on) : boost::json::value(nullptr)}};
}

boost::json::value ToJson(const Course& course) {
  return boost::json::object{{"id", course.id},
                             {"org", ReferenceJson(course.org)},
                             {"level", course.org_level},
                             {"name", course.name},
                             {"hours", course.hours}};
}

boost::json::value ToJson(const RequirementSet& set) {
  boost::json::array items;
  for (const TrainingRequirement& item : set.items) {
    items.push_back(boost::json::object{{"post", item.post},
                                        {"min_grade", item.min_grade},
                                        {"max_grade", item.max_grade},
                                        {"hours", item.hours}});
  }
  return boost::json::object{{"org", ReferenceJson(set.org)}, {"year", set.year}, {"items", std::move(items)}};
}

boost::json::value ToJson(const TrainingRecord& record) {
  return boost::json::object{{"id", record.id},
                             {"worker", ReferenceJson(record.worker)},
                             {"org", ReferenceJson(record.org)},
                             {"course", ReferenceJson(record.course)},
                             {"completed_on", record.completed_on},
                             {"hours", record.hours}};
}

boost::json::value ToJson(const RecordPage& page) {
  boost::json::array items;
  for (const TrainingRecord& record : page.items) items.push_back(ToJson(record));
  return boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}};
}

boost::json::value ToJson(const HoursPage& page) {
  boost::json::array items;
  for (const TrainingHours& line : page.items) {
    items.push_back(boost::json::object{{"worker", ReferenceJson(line.worker)},
                                        {"org", ReferenceJson(line.org)},
                                        {"street", ReferenceJson(line.street)},
                                        {"post", line.post},
                                        {"grade", line.grade},
                                        {"required", line.required},
                                        {"completed", line.completed},
                                        {"shortfall", line.shortfall()}});
  }
  return boost::json::object{{"items", std::move(items)},     {"total", page.total},
                             {"workers", page.workers},        {"short_workers", page.short_workers},
                             {"page", page.page},              {"page_size", page.page_size}};
}

boost::json::value ToJson(const Guarantee& guarantee) {
  return boost::json::object{{"org_id", guarantee.org_id},
                             {"year", guarantee.year},
                             {"households", guarantee.households},
                             {"population", guarantee.population},
                             {"office_space", guarantee.office_space},
                             {"service_space", guarantee.service_space},
                             {"operating_funds", guarantee.operating_funds},
                             {"service_funds", guarantee.service_funds}};
}

boost::json::value ToJson(const StaffingNorm& norm) {
  boost::json::array bands;
  for (const NormBand& band : norm.bands) {
    bands.push_back(boost::json::object{{"from_households", band.from_households}, {"headcount", band.headcount}});
  }
  return boost::json::object{{"id", norm.id},
                             {"org", ReferenceJson(norm.org)},
                             {"name", norm.name},
                             {"effective_from_year", norm.effective_from_year},
                             {"bands", std::move(bands)},
                             {"step_from", norm.step_from},
                             {"step_households", norm.step_households},
                             {"max_headcount", norm.max_headcount}};
}

boost::json::value ToJson(const EstablishmentQuota& quota) {
  return boost::json::object{{"org", ReferenceJson(quota.org)},
                             {"year", quota.year},
                             {"kind", quota.kind},
                             {"allotted", quota.allotted},
                             {"used", quota.used},
                             {"remaining", quota.allotted - quota.used}};
}

boost::json::value ToJson(const StaffingReport& report) {
  boost::json::array streets, communities, quotas;
  for (const StaffingLine& line : report.streets) streets.push_back(LineJson(line));
  for (const StaffingLine& line : report.communities) communities.push_back(LineJson(line));
  for (const EstablishmentQuota& quota : report.quotas) quotas.push_back(ToJson(quota));
  return boost::json::object{{"org", ReferenceJson(report.org)},
                             {"level", report.org_level},
                             {"year", report.year},
                             {"norm", report.norm ? ToJson(*report.norm) : boost::json::value(nullptr)},
                             {"total", LineJson(report.total)},
                             {"streets", std::move(streets)},
                             {"communities", std::move(communities)},
                             {"quotas", std::move(quotas)}};
}

Qualification ParseQualification(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"name", "workforce.invalid_qualification"},
                                       {"allowance", "workforce.invalid_qualification"}});
  Qualification qualification;
  qualification.name = reader.Text("name", 100).value_or("");
  qualification.allowance = reader.Integer("allowance", 0, 10'000'000).value_or(0);
  qualification.sort_order = static_cast<int>(reader.Integer("sort_order", 0, 1000).value_or(100));
  return qualification;
}

QualificationInput ParseQualificationInput(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"issued_on", "workforce.invalid_qualification_dates"},
                                       {"expires_on", "workforce.invalid_qualification_dates"}});
  QualificationInput input;
  input.qualification_id = reader.RequiredId("qualification_id");
  input.issued_on = DateOf(reader, "issued_on").value_or("");
  input.expires_on = DateOf(reader, "expires_on");
  return input;
}

CourseInput ParseCourse(const boost::json::object& body, bool with_org) {
  const http::BodyReader reader(body, {{"name", "workforce.invalid_course"}, {"hours", "workforce.invalid_course"}});
  CourseInput input;
  if (with_org) input.org_id = reader.RequiredId("org_id");
  input.name = reader.Text("name", 200).value_or("");
  input.hours = static_cast<int>(reader.Integer("hours", 0, 10000).value_or(0));
  return input;
}

RequirementInput ParseRequirements(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"year", "workforce.invalid_year"}});
  RequirementInput input;
  input.org_id = reader.RequiredId("org_id");
  const auto year = reader.Integer("year", 0, 10000);
  if (!year) reader.Fail("year");
  input.year = static_cast<int>(*year);
  const auto* items = body.if_contains("items");
  if (items == nullptr || !items->is_array() || items->as_array().size() > 100) {
    throw FieldError("items", "workforce.invalid_requirement");
  }
  for (const auto& item : items->as_array()) {
    if (!item.is_object()) throw FieldError("items", "workforce.invalid_requirement");
    const http::BodyReader band(item.as_object(), {{"post", "workforce.invalid_requirement"},
                                                   {"min_grade", "workforce.invalid_requirement"},
                                                   {"max_grade", "workforce.invalid_requirement"},
                                                   {"hours", "workforce.invalid_requirement"}});
    input.items.push_back(TrainingRequirement{band.Text("post", 30).value_or(""),
                                              static_cast<int>(band.Integer("min_grade", 0, 1000).value_or(0)),
                                              static_cast<int>(band.Integer("max_grade", 0, 1000).value_or(0)),
                                              static_cast<int>(band.Integer("hours", 0, 10000).value_or(-1))});
  }
  return input;
}

TrainingRecordInput ParseRecordInput(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"hours", "workforce.invalid_hours"}, {"completed_on", "workforce.invalid_date"}});
  TrainingRecordInput input;
  input.worker_id = reader.Id("worker_id");
  input.id_number = reader.Text("id_number", 32).value_or("");
  input.course_id = reader.Id("course_id");
  input.course_name = reader.Text("course", 200).value_or("");
  input.completed_on = DateOf(reader, "completed_on").value_or("");
  if (const auto hours = reader.Integer("hours", 0, 10000)) input.hours = static_cast<int>(*hours);
  return input;
}

RecordRows ParseRecordRows(const boost::json::object& body) {
  const auto* rows = body.if_contains("rows");
  if (rows == nullptr || !rows->is_array()) throw FieldError("rows");
  RecordRows parsed;
  parsed.inputs.resize(rows->as_array().size());
  for (std::size_t i = 0; i < parsed.inputs.size(); ++i) {
    try {
      const auto& row = rows->as_array()[i];
      if (!row.is_object()) throw FieldError("row");
      parsed.inputs[i] = ParseRecordInput(row.as_object());
      parsed.inputs[i].worker_id.reset();  // an imported row names the worker by ID number
    } catch (const AppError& error) {
      parsed.errors.push_back(ImportError{static_cast<int>(i + 1), error.field(), error.code()});
    }
  }
  return parsed;
}

Guarantee ParseGuarantee(const boost::json::object& body, bool funds) {
  const http::BodyReader reader(body, {{"year", "workforce.invalid_year"},
                                       {"households", "workforce.invalid_guarantee"},
                                       {"population", "workforce.invalid_guarantee"},
                                       {"office_space", "workforce.invalid_guarantee"},
                                       {"service_space", "workforce.invalid_guarantee"},
                                       {"operating_funds", "workforce.invalid_guarantee"},
                                       {"service_funds", "workforce.invalid_guarantee"}});
  Guarantee guarantee;
  guarantee.org_id = reader.RequiredId("org_id");
  const auto year = reader.Integer("year", 0, 10000);
  if (!year) reader.Fail("year");
  guarantee.year = static_cast<int>(*year);
  const auto number = [&](std::string_view field) {
    const auto value = reader.Integer(field, -1'000'000'000'000, 1'000'000'000'000);
    if (!value) reader.Fail(field);
    return *value;
  };
  if (funds) {
    guarantee.operating_funds = number("operating_funds");
    guarantee.service_funds = number("service_funds");
  } else {
    const auto small = [&](std::string_view field) {
      const auto value = reader.Integer(field, -1'000'000'000, 1'000'000'000);
      if (!value) reader.Fail(field);
      return static_cast<int>(*value);
    };
    guarantee.households = small("households");
    guarantee.population = small("population");
    guarantee.office_space = small("office_space");
    guarantee.service_space = small("service_space");
  }
  return guarantee;
}

StaffingNorm ParseNorm(const boost::json::object& body, bool with_org) {
  const http::BodyReader reader(body, {{"name", "workforce.invalid_norm"},
                                       {"effective_from_year", "workforce.invalid_norm"},
                                       {"step_from", "workforce.invalid_norm"},
                                       {"step_households", "workforce.invalid_norm"},
                                       {"max_headcount", "workforce.invalid_norm"}});
  StaffingNorm norm = ShippedStaffingNorm();
  if (with_org) norm.org.id = reader.RequiredId("org_id");
  if (auto name = reader.Text("name", 100)) norm.name = *name;
  norm.effective_from_year = static_cast<int>(reader.Integer("effective_from_year", 0, 10000).value_or(0));
  norm.step_from = static_cast<int>(reader.Integer("step_from", 0, 10'000'000).value_or(norm.step_from));
  norm.step_households =
      static_cast<int>(reader.Integer("step_households", 0, 10'000'000).value_or(norm.step_households));
  norm.max_headcount = static_cast<int>(reader.Integer("max_headcount", 0, 10000).value_or(norm.max_headcount));
  if (const auto* bands = body.if_contains("bands"); bands != nullptr && !bands->is_null()) {
    if (!bands->is_array() || bands->as_array().size() > 100) throw FieldError("bands", "workforce.invalid_norm");
    norm.bands.clear();
    for (const auto& item : bands->as_array()) {
      if (!item.is_object()) throw FieldError("bands", "workforce.invalid_norm");
      const http::BodyReader band(item.as_object(), {{"from_households", "workforce.invalid_norm"},
                                                     {"headcount", "workforce.invalid_norm"}});
      norm.bands.push_back(NormBand{static_cast<int>(band.Integer("from_households", 0, 10'000'000).value_or(-1)),
                                    static_cast<int>(band.Integer("headcount", 0, 10000).value_or(-1))});
    }
  }
  return norm;
}

EstablishmentQuota ParseQuota(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"year", "workforce.invalid_year"},
                                       {"kind", "workforce.invalid_quota"},
                                       {"allotted", "workforce.invalid_quota"},
                                       {"used", "workforce.invalid_quota"}});
  EstablishmentQuota quota;
  quota.org.id = reader.RequiredId("org_id");
  const auto year = reader.Integer("year", 0, 10000);
  if (!year) reader.Fail("year");
  quota.year = static_cast<int>(*year);
  quota.kind = reader.Text("kind", 30).value_or("");
  quota.allotted = static_cast<int>(reader.Integer("allotted", -1'000'000, 1'000'000).value_or(-1));
  quota.used = static_cast<int>(reader.Integer("used", -1'000'000, 1'000'000).value_or(0));
  return quota;
}

}  // namespace liandong::workforce
