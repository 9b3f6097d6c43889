#pragma once

#include "features/unit/unit_service.hpp"
#include "http/router.hpp"

namespace liandong::unit {

// GET/POST /api/v1/units, GET/PATCH /api/v1/units/{id}, POST /api/v1/units/{id}/archive,
// POST /api/v1/units/import, GET /api/v1/orgs/{id}/coverage
void RegisterUnitRoutes(http::Router& router, const UnitService& unit_service);

}  // namespace liandong::unit
