#pragma once

#include "features/setting/setting_service.hpp"
#include "http/router.hpp"

namespace liandong::setting {

void RegisterSettingRoutes(http::Router& router, const SettingService& service);

}  // namespace liandong::setting
