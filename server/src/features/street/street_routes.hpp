#pragma once

#include "features/street/street_service.hpp"
#include "http/router.hpp"

namespace liandong::street {

// GET/PUT /api/v1/orgs/{id}/street-profile, GET /api/v1/orgs/{id}/reform-progress
void RegisterStreetRoutes(http::Router& router, const StreetService& street_service);

}  // namespace liandong::street
