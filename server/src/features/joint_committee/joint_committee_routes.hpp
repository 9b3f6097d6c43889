#pragma once

#include "features/joint_committee/joint_committee_service.hpp"
#include "http/router.hpp"

namespace liandong::joint_committee {

// GET/PUT /api/v1/orgs/{id}/joint-committee, POST /api/v1/orgs/{id}/joint-committee/members,
// PATCH/DELETE /api/v1/joint-committee-members/{member_id}, GET /api/v1/units/{id}/joint-committee-seats
void RegisterJointCommitteeRoutes(http::Router& router, const JointCommitteeService& joint_committee_service);

}  // namespace liandong::joint_committee
