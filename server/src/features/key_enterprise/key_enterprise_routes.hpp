// The routes of key enterprises managed by both sides and their shared log.
#pragma once

#include "features/key_enterprise/key_enterprise_service.hpp"
#include "http/router.hpp"

namespace liandong::key_enterprise {

void RegisterKeyEnterpriseRoutes(http::Router& router, const KeyEnterpriseService& key_enterprise_service);

}  // namespace liandong::key_enterprise
