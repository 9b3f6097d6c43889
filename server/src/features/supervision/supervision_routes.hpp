#pragma once

#include "features/supervision/supervision_service.hpp"
#include "http/router.hpp"

namespace liandong::supervision {

// GET/POST /api/v1/supervisions, GET /api/v1/supervisions/{id}, and on a supervision POST
// …/attachments (the raw file), …/rectifications, …/verify, …/return, …/follow-ups
void RegisterSupervisionRoutes(http::Router& router, const SupervisionService& supervision_service);

}  // namespace liandong::supervision
