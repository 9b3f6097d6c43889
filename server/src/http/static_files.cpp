#include "http/static_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>
#include <utility>

#include "core/error.hpp"

namespace liandong::http {
namespace {

using core::AppError;
using core::ErrorKind;

bool IsSafeSegment(const std::string& segment) {
  if (segment == "." || segment == "..") return false;
  // Decoded segments may hold what the URL had encoded (%2f, %5c, %00): refuse all of them.
  return segment.find_first_of(std::string_view("/\\\0:", 4)) == std::string::npos;
}

}  // namespace

std::string MimeTypeOf(const std::filesystem::path& path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  const std::string extension = path.extension().string();
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return std::string(type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code error;
  if (!root.empty() && std::filesystem::is_directory(root, error)) {
    root_ = std::filesystem::canonical(root, error);
  }
}

std::optional<Response> StaticFiles::ServeFile(const std::filesystem::path& relative) const {
  const std::filesystem::path full = root_ / relative;
  std::error_code error;
  // Symbolic links could lead out of the root: resolve and check the prefix.
  const std::filesystem::path resolved = std::filesystem::canonical(full, error);
  if (error || !std::filesystem::is_regular_file(resolved, error)) return std::nullopt;
  const auto [root_end, unused] = std::mismatch(root_.begin(), root_.end(), resolved.begin(), resolved.end());
  if (root_end != root_.end()) return std::nullopt;

  std::ifstream file(resolved, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream contents;
  contents << file.rdbuf();

  Response response;
  response.content_type = MimeTypeOf(resolved);
  response.body = std::move(contents).str();
  // Vite puts content-hashed names under assets/: they never change, so cache them for a year.
  const bool hashed_asset = relative.begin() != relative.end() && *relative.begin() == "assets";
  response.AddHeader("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

Response StaticFiles::Serve(const std::vector<std::string>& segments) const {
  if (root_.empty()) throw AppError(ErrorKind::kNotFound, "request.not_found", "no web root");
  std::filesystem::path relative;
  for (const std::string& segment : segments) {
    if (!IsSafeSegment(segment)) throw AppError(ErrorKind::kNotFound, "request.not_found", "unsafe path");
    if (!segment.empty()) relative /= segment;
  }
  if (relative.empty()) relative = "index.html";
  if (auto response = ServeFile(relative)) return std::move(*response);
  // A path without an extension is a route of the single-page app: answer with the app.
  if (segments.empty() || segments.back().find('.') == std::string::npos) {
    if (auto response = ServeFile("index.html")) return std::move(*response);
  }
  throw AppError(ErrorKind::kNotFound, "request.not_found");
}

}  // namespace liandong::http
