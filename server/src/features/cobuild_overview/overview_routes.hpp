// GET /api/v1/cobuilding-overview?org=: the co-building overview (cobuild:read).
#pragma once

#include "features/cobuild_overview/overview_service.hpp"
#include "http/router.hpp"

namespace liandong::cobuild_overview {

void RegisterOverviewRoutes(http::Router& router, const OverviewService& service);

}  // namespace liandong::cobuild_overview
