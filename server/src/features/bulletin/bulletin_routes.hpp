// /api/v1/bulletins: 情况通报, with their spreadsheet export.
#pragma once

#include "features/bulletin/bulletin_service.hpp"
#include "http/router.hpp"

namespace liandong::bulletin {

void RegisterBulletinRoutes(http::Router& router, const BulletinService& bulletin_service);

}  // namespace liandong::bulletin
