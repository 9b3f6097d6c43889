// Finding the demo city's orgs and units by name through the API, for tests of features that
// hang off them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "testing/http_client.hpp"

namespace liandong::testing {

// The id of the org reached from the client's own org by following `names` down the tree, e.g.
// {"东城区", "胜利街道"} from the city. Walks the children listed by GET /orgs/{id}/coverage (every
// live child except units' own orgs). Fails the test and returns 0 when a name is missing.
std::int64_t DemoOrgId(HttpClient& client, const std::vector<std::string>& names);

// The id of the live unit of that exact name in the client's subtree; 0 (and a test failure) if none.
std::int64_t DemoUnitId(HttpClient& client, const std::string& name);

}  // namespace liandong::testing
