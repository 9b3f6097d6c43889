#pragma once

#include "features/cobuild/agreement_service.hpp"
#include "http/router.hpp"

namespace liandong::cobuild {

// GET/POST /api/v1/agreements, GET /api/v1/agreements/export (.xlsx), GET /api/v1/agreements/{id}
// (?as_of=), and on an agreement POST …/reports, …/deliveries, …/terminate, …/renew.
void RegisterAgreementRoutes(http::Router& router, const AgreementService& agreement_service);

}  // namespace liandong::cobuild
