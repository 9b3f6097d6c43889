#pragma once

#include "features/workforce/workforce_service.hpp"
#include "http/router.hpp"

namespace liandong::workforce {

// /api/v1/grade-scheme-templates, /api/v1/grade-schemes…, /api/v1/workers…, /api/v1/appraisals/import,
// /api/v1/regrading-runs…, /api/v1/pay-roster
void RegisterWorkforceRoutes(http::Router& router, const WorkforceService& workforce_service);

}  // namespace liandong::workforce
