// Files compiled into the binary by cmake/embed_resources.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace liandong::core {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

// The files of server/migrations, sorted by name.
const std::vector<EmbeddedFile>& EmbeddedMigrations();

// server/api/openapi.json.
std::string_view EmbeddedOpenApiDocument();

// server/data/common_passwords.txt.
std::string_view EmbeddedCommonPasswords();

}  // namespace liandong::core
