// The demo city 示范市: two districts, two streets each, three communities per street, two grid
// branches per community, three Party members per community, 24 resident units of every kind and
// coverage (with their own branches and joint branches: orgs of level "unit" under their
// community), and one user at each level with a fresh random password.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/application.hpp"

namespace liandong::app {

struct DemoLogin {
  std::string role;  // city, district, street, community; system, security, audit (the administrators)
  std::string username;
  std::string password;
};

// Builds the demo city in one transaction if the database has no orgs yet, and returns the new
// logins; returns nothing when the database already has data.
std::vector<DemoLogin> CreateDemoCity(Application& application, const core::Clock& clock);

// Writes one "role<TAB>username<TAB>password" line per login, readable by the owner only.
void WriteDemoLogins(const std::filesystem::path& path, const std::vector<DemoLogin>& logins);

}  // namespace liandong::app
