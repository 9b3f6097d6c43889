#pragma once

#include "core/clock.hpp"
#include "features/workforce/staffing_service.hpp"
#include "features/workforce/training_service.hpp"
#include "http/router.hpp"

namespace liandong::workforce {

// /api/v1/workforce-owners, /api/v1/qualifications…, /api/v1/workers/{id}/qualifications,
// /api/v1/worker-qualifications/expiring, /api/v1/courses…, /api/v1/training-requirements,
// /api/v1/training-records…, /api/v1/training-hours, /api/v1/community-guarantees,
// /api/v1/community-funds, /api/v1/staffing-norms…, /api/v1/establishment-quotas, /api/v1/staffing
void RegisterTrainingRoutes(http::Router& router, const TrainingService& training_service,
                            const StaffingService& staffing_service, const core::Clock& clock);

}  // namespace liandong::workforce
