#include "features/workforce/workforce_json.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::workforce {
namespace {

using core::AppError;
using core::ErrorKind;

boost::json::value ReferenceJson(const Reference& reference) {
  return boost::json::object{{"id", reference.id}, {"name", reference.name}};
}

template <typename T>
boost::json::value OptionalJson(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

AppError FieldError(std::string_view field) {
  AppError error(ErrorKind::kInvalidArgument, "request.invalid_argument", std::string(field));
  error.WithField(std::string(field));
  return error;
}

const boost::json::array* ArrayField(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || value->is_null()) return nullptr;
  if (!value->is_array() || value->as_array().size() > 2000) throw FieldError(field);
  return &value->as_array();
}

int IntegerOf(const http::BodyReader& reader, std::string_view field, int min, int max, int fallback) {
  return static_cast<int>(reader.Integer(field, min, max).value_or(fallback));
}

// An ISO date as sent: spreadsheets may give a date as text "2015-03-01" or with a time part.
std::optional<std::string> DateOf(const http::BodyReader& reader, std::string_view field) {
  auto text = reader.Text(field, 32);
  if (text && text->size() > 10) text = text->substr(0, 10);
  if (text && text->empty()) return std::nullopt;
  return text;
}

std::string ResultKey(const std::string& result) {
  if (result == "优秀") return "excellent";
  if (result == "称职") return "competent";
  if (result == "基本称职") return "basically_competent";
  if (result == "不称职") return "incompetent";
  return result;
}

}  // namespace

boost::json::value ToJson(const SchemeDefinition& definition) {
  boost::json::array posts;
  for (const SchemePost& post : definition.posts) {
    posts.push_back(boost::json::object{
        {"post", post.post}, {"name", post.name}, {"min_grade", post.min_grade}, {"max_grade", post.max_grade}});
  }
  boost::json::array degrees;
  for (const DegreeCredit& degree : definition.degrees) {
    degrees.push_back(boost::json::object{{"degree", degree.degree}, {"credited_years", degree.credited_years}});
  }
  boost::json::array pay;
  for (const PayCell& cell : definition.pay) {
    pay.push_back(boost::json::object{{"post", cell.post},
                                      {"grade", cell.grade},
                                      {"base_pay", cell.base_pay},
                                      {"allowance", cell.allowance},
                                      {"total", cell.base_pay + cell.allowance}});
  }
  return boost::json::object{{"name", definition.name},
                             {"template", definition.template_key},
                             {"effective_from_year", definition.effective_from_year},
                             {"effective_to_year", OptionalJson(definition.effective_to_year)},
                             {"step_years", definition.step_years},
                             {"early_after_excellent", definition.early_after_excellent},
                             {"early_max", definition.early_max},
                             {"delay_years", definition.delay_years},
                             {"posts", std::move(posts)},
                             {"degrees", std::move(degrees)},
                             {"pay", std::move(pay)}};
}

boost::json::value ToJson(const Scheme& scheme) {
  boost::json::object object = ToJson(scheme.definition).as_object();
  object["id"] = scheme.id;
  object["org"] = ReferenceJson(scheme.org);
  object["updated_at"] = core::FormatUtc(scheme.updated_at);
  return object;
}

boost::json::value ToJson(const Worker& worker) {
  boost::json::object object{
      {"id", worker.id},
      {"org", ReferenceJson(worker.org)},
      {"name", worker.name},
      {"gender", worker.gender},
      // The masked ID number hides exactly the birth date: the year is all that may show.
      {"birth_year", worker.birth_date.substr(0, 4)},
      {"id_number", worker.id_number_masked},
      {"phone", worker.phone_masked},
      {"post", worker.post},
      {"grade", worker.grade},
      {"grade_since", worker.grade_since},
      {"early_steps_used", worker.early_steps_used},
      {"service_start", worker.service_start},
      {"education", worker.education},
      {"status", worker.status},
      {"member", worker.member ? ReferenceJson(*worker.member) : boost::json::value(nullptr)},
  };
  if (!worker.post_name.empty()) object["post_name"] = worker.post_name;
  if (worker.pay) {
    object["pay"] = boost::json::object{{"base_pay", worker.pay->base_pay},
                                        {"allowance", worker.pay->allowance},
                                        {"qualification_allowance", worker.pay->qualification_allowance},
                                        {"total", worker.pay->total()}};
  }
  if (!worker.events.empty() || !worker.qualifications.empty()) {
    boost::json::array qualifications;
    for (const HeldQualification& held : worker.qualifications) {
      qualifications.push_back(boost::json::object{
          {"id", held.id},
          {"qualification_id", held.qualification_id},
          {"name", held.name},
          {"allowance", held.allowance},
          {"issued_on", held.issued_on},
          {"expires_on", held.expires_on ? boost::json::value(*held.expires_on) : boost::json::value(nullptr)}});
    }
    object["qualifications"] = std::move(qualifications);
  }
  if (worker.training_required) {
    object["training"] =
        boost::json::object{{"completed", worker.training_completed.value_or(0)}, {"required", *worker.training_required}};
  }
  if (!worker.events.empty() || !worker.appraisals.empty()) {
    boost::json::array events;
    for (const WorkerEvent& event : worker.events) {
      events.push_back(boost::json::object{{"id", event.id},
                                           {"kind", event.kind},
                                           {"effective_on", event.effective_on},
                                           {"from", event.from_value},
                                           {"to", event.to_value},
                                           {"regrading_run_id", OptionalJson(event.regrading_run_id)},
                                           {"explanation", event.explanation},
                                           {"created_at", core::FormatUtc(event.created_at)}});
    }
    boost::json::array appraisals;
    for (const Appraisal& appraisal : worker.appraisals) {
      appraisals.push_back(boost::json::object{{"year", appraisal.year}, {"result", appraisal.result}});
    }
    object["events"] = std::move(events);
    object["appraisals"] = std::move(appraisals);
  }
  return object;
}

boost::json::value ToJson(const WorkerPage& page) {
  boost::json::array items;
  for (const Worker& worker : page.items) items.push_back(ToJson(worker));
  return boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}};
}

boost::json::value ToJson(const ImportResult& result) {
  boost::json::array errors;
  for (const ImportError& error : result.errors) {
    errors.push_back(boost::json::object{{"row", error.row}, {"field", error.field}, {"code", error.code}});
  }
  return boost::json::object{{"created", result.created},
                             {"updated", result.updated},
                             {"unchanged", result.unchanged},
                             {"errors", std::move(errors)}};
}

boost::json::value ToJson(const RegradingRun& run) {
  boost::json::object counts;
  for (const auto& [change, count] : run.counts) counts[change] = count;
  boost::json::array streets;
  for (const StreetReview& street : run.streets) {
    streets.push_back(boost::json::object{
        {"street", ReferenceJson(street.street)},
        {"proposals", street.proposals},
        {"changes", street.changes},
        {"reviewed_at",
         street.reviewed_at ? boost::json::value(core::FormatUtc(*street.reviewed_at)) : boost::json::value(nullptr)}});
  }
  const auto time = [](const std::optional<std::int64_t>& at) {
    return at ? boost::json::value(core::FormatUtc(*at)) : boost::json::value(nullptr);
  };
  return boost::json::object{{"id", run.id},
                             {"org", ReferenceJson(run.org)},
                             {"year", run.year},
                             {"effective_on", std::to_string(run.year) + "-01-01"},
                             {"status", run.status},
                             {"computed_at", core::FormatUtc(run.computed_at)},
                             {"approved_at", time(run.approved_at)},
                             {"reverted_at", time(run.reverted_at)},
                             {"revert_reason", run.revert_reason},
                             {"counts", std::move(counts)},
                             {"streets", std::move(streets)}};
}

boost::json::value ToJson(const core::Page<Proposal>& page) {
  boost::json::array items;
  for (const Proposal& proposal : page.items) {
    items.push_back(boost::json::object{{"worker", ReferenceJson(proposal.worker)},
                                        {"org", ReferenceJson(proposal.org)},
                                        {"post", proposal.post},
                                        {"change", proposal.change},
                                        {"from_grade", proposal.from_grade},
                                        {"to_grade", proposal.to_grade},
                                        {"explanation", proposal.explanation}});
  }
  return boost::json::object{{"items", std::move(items)},
                             {"total", page.total},
                             {"page", page.request.page},
                             {"page_size", page.request.page_size}};
}

SchemeDefinition ParseSchemeDefinition(const boost::json::object& body) {
  const http::BodyReader reader(body);
  SchemeDefinition definition;
  if (const auto key = reader.Text("template", 60); key && !key->empty()) {
    const SchemeDefinition* found = FindSchemeTemplate(*key);
    if (found == nullptr) {
      AppError error(ErrorKind::kInvalidArgument, "workforce.unknown_template", *key);
      error.WithField("template");
      throw error;
    }
    definition = *found;
  }
  if (auto name = reader.Text("name", 200)) definition.name = *name;
  definition.effective_from_year = IntegerOf(reader, "effective_from_year", 0, 10000, definition.effective_from_year);
  if (const auto* to = body.if_contains("effective_to_year")) {
    if (to->is_null()) {
      definition.effective_to_year.reset();
    } else {
      definition.effective_to_year = static_cast<int>(*reader.Integer("effective_to_year", 0, 10000));
    }
  }
  definition.step_years = IntegerOf(reader, "step_years", 0, 100, definition.step_years);
  definition.early_after_excellent =
      IntegerOf(reader, "early_after_excellent", 0, 100, definition.early_after_excellent);
  definition.early_max = IntegerOf(reader, "early_max", 0, 100, definition.early_max);
  definition.delay_years = IntegerOf(reader, "delay_years", 0, 100, definition.delay_years);
  if (const auto* posts = ArrayField(body, "posts")) {
    definition.posts.clear();
    for (const auto& item : *posts) {
      if (!item.is_object()) throw FieldError("posts");
      const http::BodyReader post(item.as_object());
      definition.posts.push_back(SchemePost{post.Text("post", 30).value_or(""), post.Text("name", 60).value_or(""),
                                            IntegerOf(post, "min_grade", 0, 1000, 0),
                                            IntegerOf(post, "max_grade", 0, 1000, 0)});
    }
  }
  if (const auto* degrees = ArrayField(body, "degrees")) {
    definition.degrees.clear();
    for (const auto& item : *degrees) {
      if (!item.is_object()) throw FieldError("degrees");
      const http::BodyReader degree(item.as_object());
      definition.degrees.push_back(
          DegreeCredit{degree.Text("degree", 30).value_or(""), IntegerOf(degree, "credited_years", 0, 100, 0)});
    }
  }
  if (const auto* pay = ArrayField(body, "pay")) {
    definition.pay.clear();
    for (const auto& item : *pay) {
      if (!item.is_object()) throw FieldError("pay");
      const http::BodyReader cell(item.as_object());
      definition.pay.push_back(PayCell{cell.Text("post", 30).value_or(""), IntegerOf(cell, "grade", 0, 1000, 0),
                                       cell.Integer("base_pay", 0, 100'000'000).value_or(-1),
                                       cell.Integer("allowance", 0, 100'000'000).value_or(0)});
    }
  }
  return definition;
}

WorkerInput ParseWorkerInput(const boost::json::object& body) {
  const http::BodyReader reader(body);
  WorkerInput input;
  input.org_id = reader.RequiredId("org_id");
  input.name = reader.Text("name", 300).value_or("");
  input.id_number = reader.Text("id_number", 32).value_or("");
  input.phone = reader.Text("phone", 32).value_or("");
  input.post = reader.Text("post", 30).value_or("");
  if (const auto grade = reader.Integer("grade", 0, 1000)) input.grade = static_cast<int>(*grade);
  input.grade_since = DateOf(reader, "grade_since");
  input.service_start = DateOf(reader, "service_start").value_or("");
  input.education = reader.Text("education", 30).value_or("");
  input.status = reader.Text("status", 16).value_or("in_post");
  input.member_id = reader.Id("member_id");
  return input;
}

WorkerChanges ParseWorkerChanges(const boost::json::object& body) {
  const http::BodyReader reader(body);
  WorkerChanges changes;
  changes.org_id = reader.Id("org_id");
  changes.name = reader.Text("name", 300);
  changes.phone = reader.Text("phone", 32);
  changes.post = reader.Text("post", 30);
  if (const auto grade = reader.Integer("grade", 0, 1000)) changes.grade = static_cast<int>(*grade);
  changes.education = reader.Text("education", 30);
  changes.status = reader.Text("status", 16);
  changes.member_id = reader.NullableId("member_id");
  changes.effective_on = DateOf(reader, "effective_on");
  return changes;
}

Appraisal ParseAppraisal(const boost::json::object& body) {
  const http::BodyReader reader(body, {{"year", "workforce.invalid_year"}, {"result", "workforce.invalid_appraisal"}});
  Appraisal appraisal;
  appraisal.year = static_cast<int>(reader.Integer("year", 0, 10000).value_or(0));
  appraisal.result = ResultKey(reader.Text("result", 30).value_or(""));
  return appraisal;
}

WorkerRows ParseWorkerRows(const boost::json::object& body) {
  const auto* rows = body.if_contains("rows");
  if (rows == nullptr || !rows->is_array()) throw FieldError("rows");
  WorkerRows parsed;
  parsed.inputs.resize(rows->as_array().size());
  for (std::size_t i = 0; i < parsed.inputs.size(); ++i) {
    try {
      const auto& row = rows->as_array()[i];
      if (!row.is_object()) throw FieldError("row");
      parsed.inputs[i] = ParseWorkerInput(row.as_object());
    } catch (const AppError& error) {
      parsed.errors.push_back(ImportError{static_cast<int>(i + 1), error.field(), error.code()});
    }
  }
  return parsed;
}

AppraisalRows ParseAppraisalRows(const boost::json::object& body) {
  const auto* rows = body.if_contains("rows");
  if (rows == nullptr || !rows->is_array()) throw FieldError("rows");
  AppraisalRows parsed;
  parsed.inputs.resize(rows->as_array().size());
  for (std::size_t i = 0; i < parsed.inputs.size(); ++i) {
    try {
      const auto& row = rows->as_array()[i];
      if (!row.is_object()) throw FieldError("row");
      const Appraisal appraisal = ParseAppraisal(row.as_object());
      parsed.inputs[i] = AppraisalInput{http::BodyReader(row.as_object()).Text("id_number", 32).value_or(""),
                                        appraisal.year, appraisal.result};
    } catch (const AppError& error) {
      parsed.errors.push_back(ImportError{static_cast<int>(i + 1), error.field(), error.code()});
    }
  }
  return parsed;
}

}  // namespace liandong::workforce
