// /api/v1/tasks, /task-assignments, /progress-reports, /reviews: the task cascade.
#pragma once

#include "features/task/task_service.hpp"
#include "http/router.hpp"

namespace liandong::task {

void RegisterTaskRoutes(http::Router& router, const TaskService& task_service, const core::Clock& clock);

}  // namespace liandong::task
