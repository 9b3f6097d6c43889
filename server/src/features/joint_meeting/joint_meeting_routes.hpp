// HTTP routes of joint meetings.
#pragma once

#include "features/joint_meeting/joint_meeting_service.hpp"
#include "http/router.hpp"

namespace liandong::joint_meeting {

void RegisterJointMeetingRoutes(http::Router& router, const JointMeetingService& joint_meeting_service);

}  // namespace liandong::joint_meeting
