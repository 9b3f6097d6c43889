#pragma once

#include "features/auth/auth_service.hpp"
#include "features/org/org_service.hpp"
#include "http/router.hpp"

namespace liandong::auth {

// POST /api/v1/session (log in), DELETE /api/v1/session (log out), GET /api/v1/me
void RegisterAuthRoutes(http::Router& router, const AuthService& auth_service, const org::OrgService& org_service);

}  // namespace liandong::auth
