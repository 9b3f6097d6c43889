// GeoReport v2 under /open311/v2/ (discovery, services, service definitions, requests, tokens, in
// JSON and XML) and /api/v1/open311-partners, where the city issues and revokes partners' keys.
#pragma once

#include "features/open311/open311_service.hpp"
#include "http/router.hpp"

namespace liandong::open311 {

void RegisterOpen311Routes(http::Router& router, const Open311Service& service);

}  // namespace liandong::open311
