// /api/v1/requests and the catalogue, SLA classes, agencies and rates of residents' requests.
#pragma once

#include "core/clock.hpp"
#include "features/request/request_service.hpp"
#include "http/router.hpp"

namespace liandong::request {

void RegisterRequestRoutes(http::Router& router, const RequestService& request_service, const core::Clock& clock);

}  // namespace liandong::request
