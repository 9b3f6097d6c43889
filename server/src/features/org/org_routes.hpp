#pragma once

#include "features/org/org_service.hpp"
#include "http/router.hpp"

namespace liandong::org {

// GET /api/v1/orgs/{id}, GET /api/v1/orgs/{id}/stats
void RegisterOrgRoutes(http::Router& router, const OrgService& org_service);

}  // namespace liandong::org
