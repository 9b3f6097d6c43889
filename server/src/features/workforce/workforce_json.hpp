// JSON shapes of the community workforce, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "core/page.hpp"
#include "features/workforce/workforce_model.hpp"

namespace liandong::workforce {

boost::json::value ToJson(const SchemeDefinition& definition);
boost::json::value ToJson(const Scheme& scheme);
boost::json::value ToJson(const Worker& worker);
boost::json::value ToJson(const WorkerPage& page);
boost::json::value ToJson(const ImportResult& result);
boost::json::value ToJson(const RegradingRun& run);
boost::json::value ToJson(const core::Page<Proposal>& page);

// A scheme version: from "template" (a shipped scheme's key) when given, each other field present
// replacing the template's. request.invalid_argument (with the field) on a mistyped field, or
// workforce.unknown_template.
SchemeDefinition ParseSchemeDefinition(const boost::json::object& body);
WorkerInput ParseWorkerInput(const boost::json::object& body);
WorkerChanges ParseWorkerChanges(const boost::json::object& body);
Appraisal ParseAppraisal(const boost::json::object& body);

// {"rows":[…]}: each row read as above, its error kept with its 1-based position.
struct WorkerRows {
  std::vector<WorkerInput> inputs;
  std::vector<ImportError> errors;
};
WorkerRows ParseWorkerRows(const boost::json::object& body);
struct AppraisalRows {
  std::vector<AppraisalInput> inputs;
  std::vector<ImportError> errors;
};
// An appraisal row: id_number, year, result (a key, or its Chinese label as a sheet has it).
AppraisalRows ParseAppraisalRows(const boost::json::object& body);

}  // namespace liandong::workforce
