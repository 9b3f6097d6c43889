// The JSON of tasks, assignments, reports and events, and the request bodies that make them.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "features/task/task_model.hpp"

namespace liandong::task {

// Progress in basis points as the API writes it: a percentage with at most one decimal.
double ProgressPercent(int basis_points);

boost::json::object ToJson(const Task& task);
// `today` (China date) decides whether the node is overdue.
boost::json::object ToJson(const Assignment& assignment, const std::string& today);
boost::json::object ToJson(const Report& report);
boost::json::object ToJson(const AssignmentDetail& detail, const std::string& today);

NewTask ParseNewTask(const boost::json::object& body);
Decomposition ParseDecomposition(const boost::json::object& body);
NewReport ParseNewReport(const boost::json::object& body);

}  // namespace liandong::task
