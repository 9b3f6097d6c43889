// The routes of service centres, venues and their bookings.
#pragma once

#include "features/cobuild_list/venue_service.hpp"
#include "http/router.hpp"

namespace liandong::cobuild_list {

void RegisterVenueRoutes(http::Router& router, const VenueService& venue_service);

}  // namespace liandong::cobuild_list
