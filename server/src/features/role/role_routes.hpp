#pragma once

#include "features/role/role_service.hpp"
#include "http/router.hpp"

namespace liandong::role {

void RegisterRoleRoutes(http::Router& router, const RoleService& service);

}  // namespace liandong::role
