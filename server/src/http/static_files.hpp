// Serves the built web app (web/dist): files with their MIME types, long caching for hashed
// assets, index.html for client-side routes, and the build's precompressed copies (file.br,
// file.gz) to clients that accept them. Nothing outside the root can be reached.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/response.hpp"

namespace liandong::http {

class StaticFiles {
 public:
  // `root` may be empty or missing: then every path is not found.
  explicit StaticFiles(const std::filesystem::path& root);

  // The response for a GET of these decoded path segments; AppError(not_found) when none.
  // `accept_encoding` is the request's Accept-Encoding header.
  Response Serve(const std::vector<std::string>& segments, std::string_view accept_encoding = {}) const;

 private:
  std::optional<Response> ServeFile(const std::filesystem::path& relative, std::string_view accept_encoding) const;
  // The contents of `relative` under the root, or nullopt when it is not a regular file there.
  std::optional<std::string> Read(const std::filesystem::path& relative) const;

  std::filesystem::path root_;
};

// True when an Accept-Encoding header accepts `coding` ("br", "gzip"): listed without q=0.
bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding);

// The Content-Type for a file name, by extension.
std::string MimeTypeOf(const std::filesystem::path& path);

}  // namespace liandong::http
