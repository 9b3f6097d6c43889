#include "app/demo_city.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.hpp"
#include "testing/test_server.hpp"

namespace liandong::app {
namespace {

TEST(DemoCityTest, CreatesTheCityOnceWithFreshPasswords) {
  testing::TestServer first;
  testing::TestServer second;
  std::set<std::string> roles;
  for (const std::string role : {"city", "district", "street", "community"}) {
    roles.insert(role);
    EXPECT_NE(first.Login(role).password, second.Login(role).password) << "no fixed demo passwords";
    EXPECT_GE(first.Login(role).password.size(), 12u);
    EXPECT_EQ(first.SignedIn(role).Get("/api/v1/me").status, 200) << role;
  }
  EXPECT_TRUE(CreateDemoCity(first.application(), first.clock()).empty()) << "never twice";
}

TEST(DemoCityTest, WritesLoginsReadableOnlyByTheOwner) {
  const auto path = std::filesystem::temp_directory_path() / ("liandong-logins-" + core::RandomHex(6)) / "logins.tsv";
  WriteDemoLogins(path, {{"city", "city.admin", "pw1"}, {"street", "street.admin", "pw2"}});
  const auto permissions = std::filesystem::status(path).permissions();
  EXPECT_EQ(permissions & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::ifstream file(path);
  std::string contents((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(contents, "city\tcity.admin\tpw1\nstreet\tstreet.admin\tpw2\n");
  std::filesystem::remove_all(path.parent_path());
}

}  // namespace
}  // namespace liandong::app
