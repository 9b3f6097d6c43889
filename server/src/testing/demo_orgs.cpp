#include "testing/demo_orgs.hpp"

#include <gtest/gtest.h>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace liandong::testing {

std::int64_t DemoOrgId(HttpClient& client, const std::vector<std::string>& names) {
  std::int64_t id = client.Get("/api/v1/me").Json().at("user").at("org").at("id").as_int64();
  for (const std::string& name : names) {
    const auto coverage = client.Get("/api/v1/orgs/" + std::to_string(id) + "/coverage");
    EXPECT_EQ(coverage.status, 200) << coverage.body;
    if (coverage.status != 200) return 0;
    std::int64_t child_id = 0;
    const auto body = coverage.Json();
    for (const auto& child : body.at("by_child").as_array()) {
      if (child.at("name").as_string() == name) child_id = child.at("org_id").as_int64();
    }
    EXPECT_NE(child_id, 0) << "no org named " << name;
    if (child_id == 0) return 0;
    id = child_id;
  }
  return id;
}

std::int64_t DemoUnitId(HttpClient& client, const std::string& name) {
  const auto result =
      client.Get("/api/v1/units?page_size=100&q=" + boost::urls::encode(name, boost::urls::unreserved_chars));
  EXPECT_EQ(result.status, 200) << result.body;
  if (result.status != 200) return 0;
  const auto body = result.Json();
  for (const auto& unit : body.at("items").as_array()) {
    if (unit.at("name").as_string() == name) return unit.at("id").as_int64();
  }
  ADD_FAILURE() << "no unit named " << name;
  return 0;
}

}  // namespace liandong::testing
