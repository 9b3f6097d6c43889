// The routes of dual reporting (双报到) and two-way evaluation (双向评价).
#pragma once

#include "features/check_in/check_in_service.hpp"
#include "http/router.hpp"

namespace liandong::check_in {

void RegisterCheckInRoutes(http::Router& router, const CheckInService& check_in_service, const core::Clock& clock);

}  // namespace liandong::check_in
