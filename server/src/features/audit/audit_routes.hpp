#pragma once

#include "features/audit/audit_log_service.hpp"
#include "http/router.hpp"

namespace liandong::audit {

void RegisterAuditRoutes(http::Router& router, const AuditLogService& service);

}  // namespace liandong::audit
