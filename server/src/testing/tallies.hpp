// The co-building tallies a server's writes kept, against a count afresh of the facts
// (cobuild_overview::Retally, the generator's path).
#pragma once

#include "testing/test_server.hpp"

namespace liandong::testing {

// Fails the test when a tally the writes kept differs from a recount; leaves the recount in place.
void ExpectTalliesEqualARecount(TestServer& server);

}  // namespace liandong::testing
