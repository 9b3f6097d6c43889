#pragma once

#include "features/accountability/accountability_service.hpp"
#include "http/router.hpp"

namespace liandong::accountability {

// GET/POST /api/v1/accountabilities
void RegisterAccountabilityRoutes(http::Router& router, const AccountabilityService& accountability_service);

}  // namespace liandong::accountability
