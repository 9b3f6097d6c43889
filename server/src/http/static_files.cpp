#include "http/static_files.hpp"

#include <algorithm>
#include <cctype>
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

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding) {
  while (!accept_encoding.empty()) {
    const auto comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const auto semicolon = item.find(';');
    const std::string_view name = Trim(item.substr(0, semicolon));
    if (!EqualsIgnoringCase(name, coding)) continue;
    if (semicolon == std::string_view::npos) return true;
    // "br;q=0" refuses it; any other weight accepts it.
    std::string_view parameter = Trim(item.substr(semicolon + 1));
    if (!parameter.starts_with("q=") && !parameter.starts_with("Q=")) return true;
    parameter.remove_prefix(2);
    return parameter.find_first_not_of("0.") != std::string_view::npos;
  }
  return false;
}

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

std::optional<std::string> StaticFiles::Read(const std::filesystem::path& relative) const {
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
  return std::move(contents).str();
}

std::optional<Response> StaticFiles::ServeFile(const std::filesystem::path& relative,
                                               std::string_view accept_encoding) const {
  std::optional<std::string> body = Read(relative);
  if (!body) return std::nullopt;
  Response response;
  response.content_type = MimeTypeOf(relative);
  // The build leaves file.br and file.gz beside each compressible file: the smallest accepted wins.
  for (const auto& [coding, extension] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
    if (!AcceptsEncoding(accept_encoding, coding)) continue;
    if (std::optional<std::string> compressed = Read(relative.string() + extension)) {
      body = std::move(compressed);
      response.AddHeader("Content-Encoding", coding);
      break;
    }
  }
  response.AddHeader("Vary", "Accept-Encoding");
  response.body = std::move(*body);
  // Vite puts content-hashed names under assets/: they never change, so cache them for a year.
  const bool hashed_asset = relative.begin() != relative.end() && *relative.begin() == "assets";
  response.AddHeader("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

Response StaticFiles::Serve(const std::vector<std::string>& segments, std::string_view accept_encoding) const {
  if (root_.empty()) throw AppError(ErrorKind::kNotFound, "request.not_found", "no web root");
  std::filesystem::path relative;
  for (const std::string& segment : segments) {
    if (!IsSafeSegment(segment)) throw AppError(ErrorKind::kNotFound, "request.not_found", "unsafe path");
    if (!segment.empty()) relative /= segment;
  }
  if (relative.empty()) relative = "index.html";
  if (auto response = ServeFile(relative, accept_encoding)) return std::move(*response);
  // A path without an extension is a route of the single-page app: answer with the app.
  if (segments.empty() || segments.back().find('.') == std::string::npos) {
    if (auto response = ServeFile("index.html", accept_encoding)) return std::move(*response);
  }
  throw AppError(ErrorKind::kNotFound, "request.not_found");
}

}  // namespace liandong::http
