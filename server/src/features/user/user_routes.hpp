#pragma once

#include "features/user/user_service.hpp"
#include "http/router.hpp"

namespace liandong::user {

void RegisterUserRoutes(http::Router& router, const UserService& service);

}  // namespace liandong::user
