// The demo city's co-building agreements (共建协议), written when the story of demo_activity.cpp
// begins, with their facts dated up to the story's end: each page of the co-building module has
// realistic records when the story is over.
#pragma once

#include <cstdint>
#include <vector>

#include "app/application.hpp"
#include "app/demo_city.hpp"

namespace liandong::app {

// Agreements of 和平街道 (one with a unit whose last quarterly report is missing), of 和平里社区
// (expiring within the month), of 胜利街道 (ended and renewed) and of 光明街道 (terminated), with
// their reports filed and commitments delivered on dates before `end` (the story's end; rows dated
// after the clock's time appear as the story's clock reaches them). Signs in as the city to find
// the units.
void CreateDemoCobuild(Application& application, const std::vector<DemoLogin>& logins, std::int64_t end);

}  // namespace liandong::app
