#pragma once

#include "features/duty/duty_service.hpp"
#include "http/router.hpp"

namespace liandong::duty {

// GET /api/v1/departments, GET/POST /api/v1/duty-items, PATCH/DELETE /api/v1/duty-items/{id},
// POST /api/v1/duty-items/copy
void RegisterDutyRoutes(http::Router& router, const DutyService& duty_service);

}  // namespace liandong::duty
