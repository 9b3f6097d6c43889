// Serves the built web app (web/dist): files with their MIME types, long caching for hashed
// assets, index.html for client-side routes. Nothing outside the root can be reached.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "http/response.hpp"

namespace liandong::http {

class StaticFiles {
 public:
  // `root` may be empty or missing: then every path is not found.
  explicit StaticFiles(const std::filesystem::path& root);

  // The response for a GET of these decoded path segments; AppError(not_found) when none.
  Response Serve(const std::vector<std::string>& segments) const;

 private:
  std::optional<Response> ServeFile(const std::filesystem::path& relative) const;

  std::filesystem::path root_;
};

// The Content-Type for a file name, by extension.
std::string MimeTypeOf(const std::filesystem::path& path);

}  // namespace liandong::http
