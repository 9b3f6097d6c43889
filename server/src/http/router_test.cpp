#include "http/router.hpp"

#include <gtest/gtest.h>

namespace liandong::http {
namespace {

Response Nothing(Request&) { return Response{}; }

std::vector<std::string> Segments(std::initializer_list<const char*> parts) {
  return std::vector<std::string>(parts.begin(), parts.end());
}

TEST(RouterTest, MatchesLiteralsAndParameters) {
  Router router;
  router.Add(Verb::get, "/api/v1/orgs/{id}", "org:read", Nothing);
  router.Add(Verb::get, "/api/v1/orgs/{id}/stats", "org:read", Nothing);
  router.Add(Verb::post, "/api/v1/orgs", "org:read", Nothing);

  const RouteMatch stats = router.Find(Verb::get, Segments({"api", "v1", "orgs", "42", "stats"}));
  ASSERT_NE(stats.route, nullptr);
  EXPECT_EQ(stats.route->pattern, "/api/v1/orgs/{id}/stats");
  ASSERT_EQ(stats.parameters.size(), 1u);
  EXPECT_EQ(stats.parameters[0], std::make_pair(std::string("id"), std::string("42")));

  EXPECT_EQ(router.Find(Verb::get, Segments({"api", "v1", "orgs", ""})).route, nullptr) << "empty parameter";
  EXPECT_EQ(router.Find(Verb::get, Segments({"api", "v1", "nothing"})).route, nullptr);
  EXPECT_TRUE(router.Find(Verb::get, Segments({"api", "v1", "nothing"})).allowed.empty());
}

TEST(RouterTest, ReportsAllowedMethodsWhenOnlyTheMethodIsWrong) {
  Router router;
  router.Add(Verb::post, "/api/v1/session", Access::kPublic, Nothing);
  router.Add(Verb::delete_, "/api/v1/session", "org:read", Nothing);
  const RouteMatch match = router.Find(Verb::put, Segments({"api", "v1", "session"}));
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<Verb>{Verb::post, Verb::delete_}));
}

TEST(RouterTest, HeadIsAnsweredByGetRoutes) {
  Router router;
  router.Add(Verb::get, "/api/v1/health", Access::kPublic, Nothing);
  EXPECT_NE(router.Find(Verb::head, Segments({"api", "v1", "health"})).route, nullptr);
}

TEST(RouterTest, LiteralSegmentsWinOverParameters) {
  Router router;
  router.Add(Verb::get, "/api/v1/members/{id}", "org:read", Nothing);
  router.Add(Verb::get, "/api/v1/members/export", "org:read", Nothing);
  const RouteMatch match = router.Find(Verb::get, Segments({"api", "v1", "members", "export"}));
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/members/export");
  EXPECT_TRUE(match.parameters.empty());
  EXPECT_EQ(router.Find(Verb::get, Segments({"api", "v1", "members", "7"})).route->pattern, "/api/v1/members/{id}");
}

TEST(RouterTest, RefusesDuplicateRoutes) {
  Router router;
  router.Add(Verb::get, "/api/v1/health", Access::kPublic, Nothing);
  EXPECT_THROW(router.Add(Verb::get, "/api/v1/health", Access::kPublic, Nothing), std::logic_error);
}

TEST(RouterTest, ASignedInRouteMustNameItsPermission) {
  Router router;
  EXPECT_THROW(router.Add(Verb::get, "/api/v1/orgs", Access::kSignedIn, Nothing), std::logic_error);
  EXPECT_THROW(router.Add(Verb::get, "/api/v1/orgs", "", Nothing), std::logic_error);
  router.Add(Verb::get, "/api/v1/orgs", "org:read", Nothing);
  EXPECT_EQ(router.routes().front().access, Access::kSignedIn);
  EXPECT_EQ(router.routes().front().permission, "org:read");
}

}  // namespace
}  // namespace liandong::http
