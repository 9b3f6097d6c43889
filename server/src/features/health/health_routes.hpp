#pragma once

#include <string>

#include "http/router.hpp"

namespace liandong::health {

struct HealthInfo {
  std::string database;  // "sqlite" or "postgresql"
  int schema_version = 0;
  std::string version;
};

// GET /api/v1/health and GET /api/v1/openapi.json, both answered on the I/O thread.
void RegisterHealthRoutes(http::Router& router, const HealthInfo& info);

}  // namespace liandong::health
