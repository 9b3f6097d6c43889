// The routes of the three co-building lists and their matching.
#pragma once

#include "features/cobuild_list/list_service.hpp"
#include "http/router.hpp"

namespace liandong::cobuild_list {

void RegisterListRoutes(http::Router& router, const ListService& list_service);

}  // namespace liandong::cobuild_list
