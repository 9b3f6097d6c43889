// /api/v1/whistles, the whistle settings and rates, the agencies serving a street, streets'
// resident counts, and /api/v1/power-acts.
#pragma once

#include "core/clock.hpp"
#include "features/whistle/power_act_service.hpp"
#include "features/whistle/whistle_service.hpp"
#include "http/router.hpp"

namespace liandong::whistle {

void RegisterWhistleRoutes(http::Router& router, const WhistleService& whistle_service,
                           const PowerActService& power_act_service, const core::Clock& clock);

}  // namespace liandong::whistle
