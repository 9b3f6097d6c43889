// JSON shapes of qualifications, training and staffing, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <vector>

#include "core/clock.hpp"
#include "features/workforce/training_model.hpp"
#include "features/workforce/training_service.hpp"

namespace liandong::workforce {

boost::json::value ToJson(const Owner& owner);
boost::json::value ToJson(const Qualification& qualification);
boost::json::value ToJson(const WorkerQualification& item);
boost::json::value ToJson(const Course& course);
boost::json::value ToJson(const RequirementSet& set);
boost::json::value ToJson(const TrainingRecord& record);
boost::json::value ToJson(const RecordPage& page);
boost::json::value ToJson(const HoursPage& page);
boost::json::value ToJson(const Guarantee& guarantee);
boost::json::value ToJson(const StaffingNorm& norm);
boost::json::value ToJson(const EstablishmentQuota& quota);
boost::json::value ToJson(const StaffingReport& report);

// The year today in China.
int CurrentYearOf(const core::Clock& clock);

Qualification ParseQualification(const boost::json::object& body);
QualificationInput ParseQualificationInput(const boost::json::object& body);

struct CourseInput {
  std::int64_t org_id = 0;
  std::string name;
  int hours = 0;
};
CourseInput ParseCourse(const boost::json::object& body, bool with_org);

struct RequirementInput {
  std::int64_t org_id = 0;
  int year = 0;
  std::vector<TrainingRequirement> items;
};
RequirementInput ParseRequirements(const boost::json::object& body);

// A record: worker_id or id_number, course_id or course (its name), completed_on, hours.
TrainingRecordInput ParseRecordInput(const boost::json::object& body);
struct RecordRows {
  std::vector<TrainingRecordInput> inputs;
  std::vector<ImportError> errors;
};
RecordRows ParseRecordRows(const boost::json::object& body);

Guarantee ParseGuarantee(const boost::json::object& body, bool funds);
StaffingNorm ParseNorm(const boost::json::object& body, bool with_org);
EstablishmentQuota ParseQuota(const boost::json::object& body);

}  // namespace liandong::workforce
