// Joint meetings for generated cities (liandong demo --scale city|megacity): every street and
// community met each quarter of the last year (attendance of eight or six, nine in ten present,
// minutes, two resolutions of a street's meeting naming one to three of its communities), and every
// street's next meeting is planned. No resolution is issued as a task: the task scenarios keep
// their own shape.
#pragma once

#include <cstdint>

#include "app/application.hpp"
#include "app/scaled_requests.hpp"
#include "db/database.hpp"

namespace liandong::app {

// In the caller's transaction; returns the meetings made.
std::int64_t AddScaledJointMeetings(const Application& application, db::Session& session, const RequestCity& city,
                                    std::int64_t created_by, std::int64_t now, std::uint64_t seed);

}  // namespace liandong::app
